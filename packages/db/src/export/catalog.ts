/**
 * What the export needs to know about the schema, read from PostgreSQL's catalogue at run time
 * rather than listed by hand: a migration that adds a column, a foreign key or a tenant table is
 * exported and imported without touching this folder (a new tenant table only has to join
 * TENANT_TABLES, which a test already requires).
 */
import { sql, type Transaction } from "kysely";
import type { Database } from "../schema.ts";
import { TENANT_TABLES } from "../schema.ts";

/** Every table a co-op file holds, besides the platform's reference data it relies on. */
export const EXPORTED_TABLES: readonly string[] = ["tenants", "users", ...TENANT_TABLES];

export interface TableShape {
  name: string;
  /** Columns the import writes (generated columns are computed again by the database). */
  columns: string[];
  /** Primary key columns: rows are exported in this order, so two exports of the same data are equal. */
  primaryKey: string[];
}

export interface ExportCatalog {
  /** Tables in an order where every foreign key points to a table that comes before it. */
  tables: TableShape[];
  /** Columns (per table) that hold a user's id: those users are exported with the co-op. */
  userColumns: Map<string, string[]>;
}

export async function readExportCatalog(trx: Transaction<Database>): Promise<ExportCatalog> {
  const names = [...EXPORTED_TABLES];
  const columns = await sql<{ table: string; column: string }>`
    SELECT c.relname AS table, a.attname AS column
    FROM pg_class c
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY(${names})
    ORDER BY c.relname, a.attnum`.execute(trx);
  const keys = await sql<{ table: string; column: string }>`
    SELECT c.relname AS table, a.attname AS column
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey::int2[])
    WHERE i.indisprimary AND c.relnamespace = 'public'::regnamespace AND c.relname = ANY(${names})
    ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(trx);
  const foreignKeys = await sql<{ table: string; column: string; referenced: string }>`
    SELECT c.relname AS table, a.attname AS column, r.relname AS referenced
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_class r ON r.oid = k.confrelid
    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
    WHERE k.contype = 'f' AND c.relnamespace = 'public'::regnamespace AND c.relname = ANY(${names})`.execute(trx);

  const shapes = new Map<string, TableShape>(names.map((name) => [name, { name, columns: [], primaryKey: [] }]));
  for (const row of columns.rows) shapes.get(row.table)!.columns.push(row.column);
  for (const row of keys.rows) shapes.get(row.table)!.primaryKey.push(row.column);
  const missing = names.filter((name) => shapes.get(name)!.columns.length === 0);
  if (missing.length > 0) throw new Error(`Tables missing from the database (not migrated?): ${missing.join(", ")}`);

  const dependsOn = new Map<string, Set<string>>(names.map((name) => [name, new Set()]));
  const userColumns = new Map<string, string[]>();
  for (const fk of foreignKeys.rows) {
    if (fk.referenced === "users" && fk.table !== "users") userColumns.set(fk.table, [...(userColumns.get(fk.table) ?? []), fk.column]);
    if (fk.referenced !== fk.table && dependsOn.has(fk.referenced)) dependsOn.get(fk.table)!.add(fk.referenced);
  }

  // Depth-first topological order; the schema has no cycles between different tables.
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (name: string) => {
    if (placed.has(name)) return;
    if (visiting.has(name)) throw new Error(`Foreign keys form a cycle through ${name}; the export cannot order it`);
    visiting.add(name);
    for (const dependency of dependsOn.get(name)!) place(dependency);
    visiting.delete(name);
    placed.add(name);
    ordered.push(shapes.get(name)!);
  };
  for (const name of names) place(name);
  return { tables: ordered, userColumns };
}
