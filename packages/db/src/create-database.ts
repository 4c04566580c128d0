import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { CompiledQuery, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { PGliteDialect, PGliteSession } from "./pglite-dialect.ts";
import type { Database } from "./schema.ts";

/** The role every application query runs as: owns nothing, cannot bypass row-level security. */
export const APP_ROLE = "coop_app";

export interface DatabaseOptions {
  /** PostgreSQL URL for application queries; without it, an embedded PGlite is used. */
  url?: string;
  /** PostgreSQL URL of a schema owner, used only for migrations (defaults to `url`). */
  migrationUrl?: string;
  poolSize?: number;
  /** PGlite data directory; omit for an in-memory database. */
  dataDir?: string;
  /** Start PGlite from a `dumpDataDir()` archive (used to clone a migrated test database fast). */
  loadDataDir?: Blob;
}

export interface DatabaseHandle {
  readonly kind: "pglite" | "postgres";
  /** Application access: runs as APP_ROLE, so row-level security applies. */
  readonly db: Kysely<Database>;
  /** Schema-owner access for migrations and reference data. Do not use for application work. */
  owner(): Kysely<unknown>;
  /** The embedded engine, when kind is "pglite". */
  readonly pglite?: PGlite;
  /** The application pool's connections (for metrics); null for the embedded engine, which has none. */
  poolStats(): { total: number; idle: number; waiting: number } | null;
  close(): Promise<void>;
}

// Both engines return the same JS types: int8 (counts, sums) as numbers, not strings.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const parseInt8 = (value: string) => Number(value);

/**
 * Opens the platform's database: PGlite (real Postgres in WASM) when no URL is given, a
 * `pg` pool otherwise. Application queries always run as the non-owner APP_ROLE.
 */
export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options) : openPGlite(options);
}

async function openPGlite(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.dataDir) mkdirSync(path.dirname(path.resolve(options.dataDir)), { recursive: true });
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm },
    parsers: { [INT8_OID]: parseInt8, [NUMERIC_OID]: parseInt8 },
  });
  const session = new PGliteSession(pglite);
  // A fresh PGlite has no app role until the first migration creates it; the owner dialect
  // runs migrations, the app dialect switches to APP_ROLE for every query after that.
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ session, role: APP_ROLE }) });
  const owner = new Kysely<unknown>({ dialect: new PGliteDialect({ session, role: null }) });
  let closed = false;
  return {
    kind: "pglite",
    db,
    owner: () => owner,
    pglite,
    poolStats: () => null,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await owner.destroy();
      await pglite.close();
    },
  };
}

function pgTypes() {
  return {
    getTypeParser(oid: number, format?: "text" | "binary") {
      if (oid === INT8_OID || oid === NUMERIC_OID) return parseInt8;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return pg.types.getTypeParser(oid, format as any);
    },
  } as pg.CustomTypesConfig;
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes(),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // A dropped connection must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.error("[db] idle connection error:", error.message));
  // The pool listens only to idle clients: one checked out (between two queries of a transaction)
  // when the server goes away would emit an unhandled 'error' and end the process. Its query fails
  // instead, and the pool drops the broken client when it is released.
  pool.on("connect", (client) => client.on("error", (error) => console.error("[db] connection error:", error.message)));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      // Whatever login role the URL names, application work runs as APP_ROLE.
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw(`SET ROLE ${APP_ROLE}`));
      },
    }),
  });
  let owner: Kysely<unknown> | undefined;
  return {
    kind: "postgres",
    db,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    owner() {
      if (!owner) {
        const ownerPool = new pg.Pool({ connectionString: options.migrationUrl ?? url, max: 2, types: pgTypes() });
        // A connection ended by the server (restart, DROP DATABASE … WITH (FORCE)) must not crash the process.
        ownerPool.on("error", (error) => console.error("[db] idle owner connection error:", error.message));
        ownerPool.on("connect", (client) => client.on("error", (error) => console.error("[db] owner connection error:", error.message)));
        owner = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: ownerPool }) });
      }
      return owner;
    },
    async close() {
      await db.destroy();
      await owner?.destroy();
    },
  };
}

/**
 * Fails loudly when the application role could bypass tenant isolation. Also warns when the
 * login role itself is a superuser (it switched to the app role, but could switch back).
 */
export async function assertSafeAppRole(db: Kysely<Database>, options: { warnOnSuperuserLogin?: boolean } = {}): Promise<void> {
  const login = await sql<{ user: string; super: boolean }>`
    SELECT session_user AS user, r.rolsuper AS super FROM pg_roles r WHERE r.rolname = session_user`.execute(db);
  if (login.rows[0]?.super && options.warnOnSuperuserLogin) {
    console.warn(
      `[db] DATABASE_URL logs in as superuser "${login.rows[0].user}"; queries run as ${APP_ROLE}, but a dedicated login role that is a member of ${APP_ROLE} is safer (docs/operations.md).`,
    );
  }
  const { rows } = await sql<{ user: string; super: boolean; bypass: boolean; owned: number }>`
    SELECT current_user AS user, r.rolsuper AS super, r.rolbypassrls AS bypass,
           (SELECT count(*) FROM pg_tables t WHERE t.tableowner = current_user AND t.schemaname = 'public') AS owned
    FROM pg_roles r WHERE r.rolname = current_user`.execute(db);
  const row = rows[0];
  if (!row || row.super || row.bypass || Number(row.owned) > 0) {
    throw new Error(
      `Database role "${row?.user}" must not be a superuser, bypass RLS or own tables ` +
        `(superuser=${row?.super}, bypassrls=${row?.bypass}, owns=${row?.owned}). ` +
        `Application queries must run as "${APP_ROLE}".`,
    );
  }
}
