/**
 * Citus (distributed PostgreSQL) for the country-wide cluster: every co-op's rows live on one
 * shard, chosen by `tenant_id`, and every tenant table is co-located so a co-op's queries and
 * transactions stay on one worker. Shared lookups are reference tables (a copy on every node);
 * platform bookkeeping stays on the coordinator as Citus local tables.
 *
 * Every table must be placed here by name: a migration that adds a table without deciding where
 * it lives, or whose keys would break distribution, fails `citus.test.ts` (and so CI) long before
 * anyone runs it on a cluster. `citusDistributionPlan` turns the placement into the statements
 * `npm run citus:distribute -w @coop/api` runs once, after migrating a fresh Citus coordinator.
 */
import { type Kysely, sql } from "kysely";

export type CitusPlacement = "distributed" | "reference" | "local";

/** Tenant tables: sharded by `tenant_id`, all co-located. */
const DISTRIBUTED = [
  "products", "stock_movements", "memberships", "invitations", "audit_events", "product_photos", "carts", "cart_items",
  "order_counters", "orders", "order_items", "order_events", "order_slips", "order_daily_stats", "order_monthly_stats",
  "centre_links", "joint_meetings", "articles", "article_files", "seminars", "seminar_speakers", "seminar_registrations", "seminar_harvest",
  "stripe_accounts",
] as const;

/**
 * Read by every co-op's queries or joined with tenant tables: small, written rarely, copied to
 * every node. `tenants` is here (not sharded) because host routing and the network read every
 * co-op's row, and tenant tables hold foreign keys to it.
 */
const REFERENCE = [
  "regions", "provinces", "crops", "product_categories", "tenants", "users", "learning_centres", "sages", "search_documents",
  "staff_regions", "platform_admins",
] as const;

/** Platform bookkeeping that no tenant table references: stays on the coordinator. */
const LOCAL = [
  "sessions", "user_tokens", "rate_limits", "outbox", "dev_mailbox", "staff_audit_events", "stripe_events", "market_carts", "market_cart_items", "marketplace_orders", "custom_domains", "kysely_migration", "kysely_migration_lock",
] as const;

export const CITUS_PLACEMENT: ReadonlyMap<string, CitusPlacement> = new Map<string, CitusPlacement>([
  ...DISTRIBUTED.map((t) => [t, "distributed"] as const),
  ...REFERENCE.map((t) => [t, "reference"] as const),
  ...LOCAL.map((t) => [t, "local"] as const),
]);

export const DISTRIBUTION_COLUMN = "tenant_id";

interface TableInfo {
  name: string;
  columns: Map<string, { notNull: boolean }>;
}

interface KeyInfo {
  table: string;
  name: string;
  kind: "primary" | "unique";
  columns: string[];
}

interface ForeignKeyInfo {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}

// pg_constraint's action codes.
const ACTION: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

async function readSchema(db: Kysely<unknown>) {
  const columns = await sql<{ table_name: string; column_name: string; not_null: boolean }>`
    SELECT c.relname AS table_name, a.attname AS column_name, a.attnotnull AS not_null
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    ORDER BY c.relname, a.attnum`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const row of columns.rows) {
    const table = tables.get(row.table_name) ?? { name: row.table_name, columns: new Map() };
    table.columns.set(row.column_name, { notNull: row.not_null });
    tables.set(row.table_name, table);
  }
  // Unique indexes (constraint-backed or not) and primary keys, with their columns in order.
  const keys = await sql<{ table_name: string; index_name: string; is_primary: boolean; columns: string[] | null }>`
    SELECT c.relname AS table_name, ic.relname AS index_name, i.indisprimary AS is_primary,
           array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND i.indisunique`.execute(db);
  const foreignKeys = await sql<{
    table_name: string; name: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string; on_update: string;
  }>`
    SELECT c.relname AS table_name, con.conname AS name, rc.relname AS ref_table,
           array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
           array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS ref_columns,
           con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid
    JOIN pg_class rc ON rc.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND con.contype = 'f'
    ORDER BY c.relname, con.conname`.execute(db);
  return {
    tables,
    keys: keys.rows.map<KeyInfo>((k) => ({ table: k.table_name, name: k.index_name, kind: k.is_primary ? "primary" : "unique", columns: k.columns ?? [] })),
    foreignKeys: foreignKeys.rows.map<ForeignKeyInfo>((f) => ({
      table: f.table_name, name: f.name, columns: f.columns, refTable: f.ref_table, refColumns: f.ref_columns,
      onDelete: ACTION[f.on_delete] ?? f.on_delete, onUpdate: ACTION[f.on_update] ?? f.on_update,
    })),
  };
}

/**
 * Every way the current schema would break distribution, in words; empty when it is fine.
 * The rules are Citus's: the distribution column in every primary key and unique index of a
 * sharded table, foreign keys between sharded tables only through it (and never setting it to
 * null), no foreign key from a reference or local table to a sharded one, none from a sharded
 * table to a local one, and no cascading from a reference table into a local one.
 */
export async function checkCitusRules(db: Kysely<unknown>): Promise<string[]> {
  const { tables, keys, foreignKeys } = await readSchema(db);
  const problems: string[] = [];
  const placementOf = (table: string) => CITUS_PLACEMENT.get(table);

  for (const table of tables.values()) {
    const placement = placementOf(table.name);
    if (!placement) {
      problems.push(`${table.name}: not placed — add it to DISTRIBUTED, REFERENCE or LOCAL in packages/db/src/citus.ts`);
      continue;
    }
    const tenantColumn = table.columns.get(DISTRIBUTION_COLUMN);
    if (placement === "distributed") {
      if (!tenantColumn) problems.push(`${table.name}: a distributed table needs a ${DISTRIBUTION_COLUMN} column`);
      else if (!tenantColumn.notNull) problems.push(`${table.name}: ${DISTRIBUTION_COLUMN} must be NOT NULL`);
      if (!keys.some((k) => k.table === table.name && k.kind === "primary")) problems.push(`${table.name}: a distributed table needs a primary key`);
    } else if (tenantColumn) {
      problems.push(`${table.name}: has ${DISTRIBUTION_COLUMN} but is placed as ${placement} — tenant tables are distributed`);
    }
  }
  for (const name of CITUS_PLACEMENT.keys()) {
    if (!tables.has(name)) problems.push(`${name}: placed in citus.ts but no such table exists`);
  }

  for (const key of keys) {
    if (placementOf(key.table) === "distributed" && !key.columns.includes(DISTRIBUTION_COLUMN)) {
      problems.push(`${key.table}: ${key.kind === "primary" ? "primary key" : `unique index ${key.name}`} (${key.columns.join(", ")}) lacks ${DISTRIBUTION_COLUMN}`);
    }
  }

  for (const fk of foreignKeys) {
    const from = placementOf(fk.table);
    const to = placementOf(fk.refTable);
    if (!from || !to) continue; // reported above
    const where = `${fk.table}.${fk.name} → ${fk.refTable}`;
    if (from === "distributed" && to === "distributed") {
      const at = fk.columns.indexOf(DISTRIBUTION_COLUMN);
      if (at < 0 || fk.refColumns[at] !== DISTRIBUTION_COLUMN) {
        problems.push(`${where}: a key between distributed tables must pair ${DISTRIBUTION_COLUMN} with ${DISTRIBUTION_COLUMN}`);
      } else if (["SET NULL", "SET DEFAULT"].includes(fk.onDelete) || ["SET NULL", "SET DEFAULT"].includes(fk.onUpdate)) {
        problems.push(`${where}: ${fk.onDelete === "SET NULL" || fk.onUpdate === "SET NULL" ? "SET NULL" : "SET DEFAULT"} would change ${DISTRIBUTION_COLUMN}`);
      }
    } else if (to === "distributed") {
      problems.push(`${where}: a ${from} table cannot reference a distributed table`);
    } else if (from === "distributed" && to === "local") {
      problems.push(`${where}: a distributed table cannot reference a coordinator-local table`);
    } else if (from === "reference" && to === "local" && (fk.onDelete === "CASCADE" || fk.onUpdate === "CASCADE")) {
      problems.push(`${where}: a reference table cannot cascade from a coordinator-local table`);
    }
  }
  return problems;
}

/** `tables` ordered so that every table comes after the tables it references (self-references ignored). */
function referencedFirst(tables: readonly string[], foreignKeys: ForeignKeyInfo[]): string[] {
  const pending = new Set(tables);
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => !foreignKeys.some((fk) => fk.table === t && fk.refTable !== t && pending.has(fk.refTable)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among: ${[...pending].join(", ")}`);
    for (const t of ready.sort()) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

/**
 * The statements that place every table on a Citus coordinator that has just been migrated:
 * reference tables first (referenced before referencing), then the tenant tables, all co-located
 * with the first. Local tables need no statement: Citus adds them to its metadata when a
 * reference table they point at is created. Refuses a schema that breaks the rules.
 */
export async function citusDistributionPlan(db: Kysely<unknown>): Promise<string[]> {
  const problems = await checkCitusRules(db);
  if (problems.length > 0) throw new Error(`The schema cannot be distributed:\n  ${problems.join("\n  ")}`);
  const { foreignKeys } = await readSchema(db);
  const statements: string[] = [];
  for (const table of referencedFirst(REFERENCE, foreignKeys)) statements.push(`SELECT create_reference_table('public.${table}')`);
  const distributed = referencedFirst(DISTRIBUTED, foreignKeys);
  const [first] = distributed;
  for (const table of distributed) {
    const colocate = table === first ? "none" : `public.${first}`;
    statements.push(`SELECT create_distributed_table('public.${table}', '${DISTRIBUTION_COLUMN}', colocate_with => '${colocate}')`);
  }
  return statements;
}
