import { type Kysely, sql, type Transaction } from "kysely";
import { migrations } from "../migrations/index.ts";
import type { Database } from "../schema.ts";
import { withTenant } from "../tenant.ts";
import { readExportCatalog, type TableShape } from "./catalog.ts";
import { type CoopFileHeader, type MediaFile, readCoopFile, writeCoopFile } from "./coop-file.ts";
import { CoopTransferError } from "./errors.ts";

/** The schema version a file records and an import requires: the last migration this code knows. */
export function currentSchemaVersion(): string {
  return Object.keys(migrations).at(-1)!;
}

/**
 * Imported accounts get no password: hashes never leave the platform they were made on. This
 * value is not an argon2 hash, so it never authenticates; members set a new password through
 * "forgot password" (the e-mail is theirs) or an administrator invites them again.
 */
export const NO_PASSWORD = "!imported-without-password";

const orderBy = (shape: TableShape) => sql.join(shape.primaryKey.map((column) => sql.ref(`x.${column}`)));

/**
 * One co-op as a file: its tenants row, every row of every tenant table, and the accounts its
 * rows refer to (members, authors, the staff who approved it) without password hashes. Runs in
 * one repeatable-read transaction as that tenant, so the file is a consistent snapshot and row-
 * level security guarantees no other co-op's row can be in it.
 */
export interface ExportOptions {
  /**
   * Fetches uploaded files for the file: called with the storage keys under `t/<tenantId>/` that
   * the co-op's rows mention (photo variants, logo, cover, slips, article files). Storage is not
   * this package's business, so the caller reads it; without this option the file has rows only.
   */
  media?: (tenantId: string, referencedKeys: string[]) => Promise<MediaFile[]>;
}

export async function exportCoop(db: Kysely<Database>, slug: string, options: ExportOptions = {}): Promise<{ file: Buffer; header: CoopFileHeader }> {
  const tenant = await db.selectFrom("tenants").select(["id", "slug"]).where("slug", "=", slug.trim().toLowerCase()).executeTakeFirst();
  if (!tenant) throw new CoopTransferError("coop_not_found", { slug });
  const createdAt = new Date().toISOString();
  const { rows, counts } = await withTenant(
    db,
    tenant.id,
    async (trx) => {
      const catalog = await readExportCatalog(trx);
      const perTable = new Map<string, string[]>();
      const userIds = new Set<string>();
      for (const shape of catalog.tables) {
        if (shape.name === "users") continue; // known only once every other table is read
        const where = shape.name === "tenants" ? sql`x.id = ${tenant.id}` : sql`x.tenant_id = ${tenant.id}`;
        const result = await sql<{ row: string }>`SELECT row_to_json(x)::text AS row FROM ${sql.table(shape.name)} x WHERE ${where} ORDER BY ${orderBy(shape)}`.execute(trx);
        perTable.set(shape.name, result.rows.map((r) => r.row));
        const userColumns = catalog.userColumns.get(shape.name) ?? [];
        if (userColumns.length > 0) {
          for (const { row } of result.rows) {
            const values = JSON.parse(row) as Record<string, unknown>;
            for (const column of userColumns) if (typeof values[column] === "string") userIds.add(values[column]);
          }
        }
      }
      const users = await sql<{ row: string }>`
        SELECT (to_jsonb(x) - 'password_hash')::text AS row FROM users x WHERE x.id = ANY(${[...userIds]}::uuid[]) ORDER BY x.id`.execute(trx);
      perTable.set("users", users.rows.map((r) => r.row));
      const rows = catalog.tables.flatMap((shape) => perTable.get(shape.name)!.map((json) => ({ table: shape.name, json })));
      const counts = Object.fromEntries(catalog.tables.map((shape) => [shape.name, perTable.get(shape.name)!.length]));
      return { rows, counts };
    },
    { isolation: "repeatable read" },
  );
  const header = { schema: currentSchemaVersion(), createdAt, coop: { id: tenant.id, slug: tenant.slug }, tables: counts };
  const media = options.media ? await options.media(tenant.id, referencedMediaKeys(tenant.id, rows)) : [];
  const file = writeCoopFile(header, rows, media);
  return { file, header: readCoopFile(file).header };
}

/** Every storage key of the co-op's own prefix that appears in its rows (users' rows hold none). */
function referencedMediaKeys(tenantId: string, rows: { table: string; json: string }[]): string[] {
  const pattern = new RegExp(`"(t/${tenantId}/[A-Za-z0-9._/-]+)"`, "g");
  const keys = new Set<string>();
  for (const row of rows) if (row.table !== "users") for (const match of row.json.matchAll(pattern)) keys.add(match[1]!);
  return [...keys].sort();
}

export interface ImportResult {
  header: CoopFileHeader;
  /** Uploaded files carried by the file, for the caller to store once the rows are in (keys checked to be the co-op's). */
  media: MediaFile[];
  /** Accounts that already existed here (same id and e-mail) and were linked rather than created. */
  linkedUsers: number;
  createdUsers: number;
}

/** Rows per INSERT: big enough to be quick, small enough for one statement's parameter. */
const CHUNK = 500;

/**
 * Restores a co-op file into this database, in one transaction as that tenant (row-level
 * security checks every row). Refused, with nothing written: another file format or schema
 * version, a damaged file, a co-op whose id or slug exists here, an account whose id or e-mail
 * belongs to someone else here, or rows that point at reference data this database lacks.
 */
export async function importCoop(db: Kysely<Database>, file: Uint8Array): Promise<ImportResult> {
  const { header, rows, media } = readCoopFile(file);
  if (header.schema !== currentSchemaVersion()) throw new CoopTransferError("schema_mismatch", { file: header.schema, database: currentSchemaVersion() });
  const coopId = header.coop.id;

  // Every row must belong to the file's co-op (checked here for a clear message; RLS would refuse it anyway).
  for (const [table, list] of rows) {
    if (table === "users") continue;
    const key = table === "tenants" ? "id" : "tenant_id";
    for (const json of list) {
      if ((JSON.parse(json) as Record<string, unknown>)[key] !== coopId) throw new CoopTransferError("foreign_rows", { table });
    }
  }
  const ownPrefix = `t/${coopId}/`;
  if (media.some((m) => !m.key.startsWith(ownPrefix) || m.key.includes(".."))) throw new CoopTransferError("foreign_rows", { table: "media" });
  const tenantRows = rows.get("tenants") ?? [];
  if (tenantRows.length !== 1) throw new CoopTransferError("damaged_file", { reason: "tenants row" });

  return withTenant(db, coopId, async (trx) => {
    const catalog = await readExportCatalog(trx);
    const known = new Set(catalog.tables.map((t) => t.name));
    const unknown = [...rows.keys()].filter((table) => !known.has(table));
    if (unknown.length > 0) throw new CoopTransferError("schema_mismatch", { file: header.schema, database: currentSchemaVersion() });

    const existing = await trx
      .selectFrom("tenants")
      .select(["id", "slug"])
      .where((eb) => eb.or([eb("id", "=", coopId), eb("slug", "=", header.coop.slug)]))
      .executeTakeFirst();
    if (existing) throw new CoopTransferError("coop_exists", { slug: existing.slug });

    const users = (rows.get("users") ?? []).map((json) => JSON.parse(json) as { id: string; email: string });
    const linked = new Set<string>();
    if (users.length > 0) {
      const here = await trx
        .selectFrom("users")
        .select(["id", "email"])
        .where((eb) => eb.or([eb("id", "in", users.map((u) => u.id)), eb("email", "in", users.map((u) => u.email))]))
        .execute();
      for (const user of users) {
        const sameId = here.find((h) => h.id === user.id);
        const sameEmail = here.find((h) => h.email === user.email);
        if (sameId && sameEmail && sameId === sameEmail) linked.add(user.id);
        else if (sameId || sameEmail) throw new CoopTransferError("user_conflict", { email: user.email });
      }
    }

    for (const shape of catalog.tables) {
      let list = rows.get(shape.name) ?? [];
      if (shape.name === "users") {
        list = users.filter((u) => !linked.has(u.id)).map((u) => JSON.stringify({ ...u, password_hash: NO_PASSWORD }));
      }
      for (let i = 0; i < list.length; i += CHUNK) await insertRows(trx, shape, list.slice(i, i + CHUNK));
    }
    return { header, media, linkedUsers: linked.size, createdUsers: users.length - linked.size };
  });
}

async function insertRows(trx: Transaction<Database>, shape: TableShape, rows: string[]): Promise<void> {
  const columns = sql.join(shape.columns.map((column) => sql.ref(column)));
  const json = `[${rows.join(",")}]`;
  try {
    await sql`
      INSERT INTO ${sql.table(shape.name)} (${columns})
      SELECT ${columns} FROM json_populate_recordset(NULL::${sql.table(shape.name)}, ${json}::json)`.execute(trx);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "23503") {
      throw new CoopTransferError("missing_reference", { table: shape.name, detail: String((error as { detail?: string }).detail ?? (error as Error).message) });
    }
    throw error;
  }
}
