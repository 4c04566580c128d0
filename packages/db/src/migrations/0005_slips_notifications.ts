import { type Kysely, sql } from "kysely";

// Frozen: transfer slips customers upload for PromptPay/bank-transfer orders, and where a co-op's
// order notices go (an e-mail address, and a LINE Messaging API channel token + target id).
// Imports no app code.

const tenantOwned = (table: string) => [
  `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant_isolation ON ${table}
     USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO coop_app`,
];

const TENANT_COLUMNS: [name: string, definition: string][] = [
  ["line_channel_token", "text CHECK (length(line_channel_token) <= 500)"],
  ["line_notify_user_id", "text CHECK (length(line_notify_user_id) <= 100)"],
  ["order_email", "text CHECK (length(order_email) <= 254)"],
];

const up_statements = [
  ...TENANT_COLUMNS.map(([name, definition]) => `ALTER TABLE tenants ADD COLUMN ${name} ${definition}`),
  `CREATE TABLE order_slips (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     order_id uuid NOT NULL,
     storage_key text NOT NULL,
     width integer NOT NULL CHECK (width > 0),
     height integer NOT NULL CHECK (height > 0),
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id),
     FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE CASCADE
   )`,
  `CREATE INDEX order_slips_order_idx ON order_slips (tenant_id, order_id, created_at)`,
  ...tenantOwned("order_slips"),
];

const down_statements = [
  `DROP TABLE order_slips`,
  ...TENANT_COLUMNS.map(([name]) => name).reverse().map((name) => `ALTER TABLE tenants DROP COLUMN ${name}`),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
