/**
 * Fresh, migrated databases for tests: an in-memory PGlite by default, a new PostgreSQL
 * database (cloned from a migrated template) when DATABASE_URL is set. Every test file gets
 * its own database, so files can run in parallel.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabase, type DatabaseHandle } from "./create-database.ts";
import { readDbEnv } from "./env.ts";
import { migrateToLatest } from "./migrate.ts";
import { migrations } from "./migrations/index.ts";
import { CROPS } from "./reference/crops.ts";
import { PRODUCT_CATEGORIES } from "./reference/product-categories.ts";
import { PROVINCES } from "./reference/provinces.ts";
import { REGIONS } from "./reference/regions.ts";

export interface TestDatabase extends DatabaseHandle {
  /** Removes the database (PostgreSQL) or frees the engine (PGlite). */
  destroy(): Promise<void>;
}

/** Changes whenever a migration or the reference data changes, so stale templates are never reused. */
function schemaFingerprint(): string {
  const hash = createHash("sha256");
  const dir = path.join(import.meta.dirname, "migrations");
  for (const name of Object.keys(migrations)) hash.update(name + readFileSync(path.join(dir, `${name}.ts`), "utf8"));
  hash.update(JSON.stringify(REGIONS) + JSON.stringify(PROVINCES) + JSON.stringify(PRODUCT_CATEGORIES) + JSON.stringify(CROPS));
  return hash.digest("hex").slice(0, 16);
}

/** "PostgreSQL" when the suite runs against a server (DATABASE_URL), "PGlite" otherwise — for test titles. */
export const TEST_ENGINE: "PostgreSQL" | "PGlite" = readDbEnv().DATABASE_URL ? "PostgreSQL" : "PGlite";

export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const env = readDbEnv();
  return env.DATABASE_URL
    ? createPostgresTestDatabase(env.DATABASE_URL, env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL, migrated)
    : createPGliteTestDatabase(migrated);
}

async function createPGliteTestDatabase(migrated: boolean): Promise<TestDatabase> {
  if (!migrated) return withDestroy(await createDatabase());
  // Migrating a fresh PGlite takes seconds; cloning a migrated snapshot takes a fraction.
  const snapshot = path.join(tmpdir(), `coop-pglite-${schemaFingerprint()}.tar.gz`);
  if (existsSync(snapshot)) {
    return withDestroy(await createDatabase({ loadDataDir: new Blob([readFileSync(snapshot)]) }));
  }
  const handle = await createDatabase();
  await migrateToLatest(handle.owner());
  const dump = await handle.pglite!.dumpDataDir("gzip");
  const partial = `${snapshot}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, snapshot);
  return withDestroy(handle);
}

function withDestroy(handle: DatabaseHandle): TestDatabase {
  return Object.assign(handle, { destroy: () => handle.close() });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(adminUrl: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, "postgres") });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

async function createPostgresTestDatabase(appUrl: string, adminUrl: string, migrated: boolean): Promise<TestDatabase> {
  const name = `coop_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  if (migrated) {
    const template = `coop_template_${schemaFingerprint()}`;
    await ensureTemplate(adminUrl, template);
    await adminQuery(adminUrl, [`CREATE DATABASE ${name} TEMPLATE ${template}`]);
  } else {
    await adminQuery(adminUrl, [`CREATE DATABASE ${name}`]);
  }
  const handle = await createDatabase({
    url: withDatabase(appUrl, name),
    migrationUrl: withDatabase(adminUrl, name),
    poolSize: 20,
  });
  return Object.assign(handle, {
    async destroy() {
      await handle.close();
      await adminQuery(adminUrl, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
    },
  });
}

/** Builds the migrated template once per schema version, guarded by an advisory lock across workers. */
async function ensureTemplate(adminUrl: string, template: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, "postgres") });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(724001)");
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_build`;
      await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${building}`);
      const handle = await createDatabase({ url: withDatabase(adminUrl, building), migrationUrl: withDatabase(adminUrl, building) });
      try {
        await migrateToLatest(handle.owner());
      } finally {
        await handle.close();
      }
      await client.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(724001)").catch(() => undefined);
    await client.end();
  }
}
