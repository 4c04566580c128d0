import { type Kysely, sql } from "kysely";

// Frozen: the regional staff console — platform administrators, a co-op's approval and
// suspension on its own row, regions that require approval of new co-ops, the staff audit log,
// and a read-only policy that lets a staff transaction see the co-ops of its regions.
// Imports no app code.

/**
 * The regions the current transaction's staff member covers (set transaction-locally by the
 * app from staff_regions, or every region for a platform administrator); empty when unset.
 */
const STAFF_REGIONS_FN = `CREATE FUNCTION app_staff_regions() RETURNS smallint[] LANGUAGE sql STABLE AS
  $$ SELECT COALESCE(NULLIF(current_setting('app.staff_regions', true), '')::smallint[], '{}'::smallint[]) $$`;

/** Rows of co-ops in the staff member's regions are readable (never writable) in that transaction. */
const staffRead = (table: string) =>
  `CREATE POLICY staff_read ON ${table} FOR SELECT
     USING (tenant_id IN (SELECT t.id FROM tenants t WHERE t.region_id = ANY (app_staff_regions())))`;

const STAFF_READ_TABLES = ["orders", "products", "memberships", "articles", "seminars", "centre_links"];

const TENANT_COLUMNS: [name: string, definition: string][] = [
  ["suspended_reason", "text CHECK (length(suspended_reason) <= 1000)"],
  ["suspended_at", "timestamptz"],
  ["suspended_by", "uuid REFERENCES users(id) ON DELETE SET NULL"],
  ["approved_at", "timestamptz"],
  ["approved_by", "uuid REFERENCES users(id) ON DELETE SET NULL"],
];

const up_statements = [
  `CREATE TABLE platform_admins (
     user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `GRANT SELECT, INSERT, DELETE ON platform_admins TO coop_app`,
  ...TENANT_COLUMNS.map(([name, definition]) => `ALTER TABLE tenants ADD COLUMN ${name} ${definition}`),
  `ALTER TABLE regions ADD COLUMN requires_approval boolean NOT NULL DEFAULT false`,
  `CREATE TABLE staff_audit_events (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
     action text NOT NULL CHECK (action ~ '^[a-z_.]{1,60}$'),
     region_id smallint REFERENCES regions(id),
     -- not "tenant_id": a platform table (no RLS) naming the co-op an action was about
     subject_tenant_id uuid REFERENCES tenants(id),
     detail jsonb NOT NULL DEFAULT '{}',
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX staff_audit_events_recent_idx ON staff_audit_events (created_at DESC)`,
  `CREATE INDEX staff_audit_events_tenant_idx ON staff_audit_events (subject_tenant_id, created_at DESC)`,
  `GRANT SELECT, INSERT ON staff_audit_events TO coop_app`,
  STAFF_REGIONS_FN,
  `GRANT EXECUTE ON FUNCTION app_staff_regions() TO coop_app`,
  ...STAFF_READ_TABLES.map(staffRead),
];

const down_statements = [
  ...[...STAFF_READ_TABLES].reverse().map((table) => `DROP POLICY staff_read ON ${table}`),
  `DROP FUNCTION app_staff_regions()`,
  `DROP TABLE staff_audit_events`,
  `ALTER TABLE regions DROP COLUMN requires_approval`,
  ...TENANT_COLUMNS.map(([name]) => name).reverse().map((name) => `ALTER TABLE tenants DROP COLUMN ${name}`),
  `DROP TABLE platform_admins`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
