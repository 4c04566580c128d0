import { type Kysely, sql } from "kysely";

// Frozen: guest carts, orders with their items and status history, per-co-op order numbers,
// and the delivery/payment options a co-op offers (on its tenant row). Imports no app code.

const tenantOwned = (table: string) => [
  `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant_isolation ON ${table}
     USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO coop_app`,
];

const ORDER_STATUSES = `'pending_payment','payment_review','paid','packed','shipped','ready_for_pickup','completed','cancelled','refunded'`;

const TENANT_COLUMNS: [name: string, definition: string][] = [
  ["pickup_enabled", "boolean NOT NULL DEFAULT true"],
  ["local_delivery_enabled", "boolean NOT NULL DEFAULT false"],
  ["local_delivery_fee_satang", "integer NOT NULL DEFAULT 0 CHECK (local_delivery_fee_satang >= 0)"],
  ["parcel_enabled", "boolean NOT NULL DEFAULT false"],
  ["parcel_fee_satang", "integer NOT NULL DEFAULT 0 CHECK (parcel_fee_satang >= 0)"],
  ["promptpay_enabled", "boolean NOT NULL DEFAULT true"],
  ["bank_transfer_enabled", "boolean NOT NULL DEFAULT false"],
  ["cod_enabled", "boolean NOT NULL DEFAULT true"],
];

const up_statements = [
  // ---- What a co-op offers at checkout ----
  ...TENANT_COLUMNS.map(([name, definition]) => `ALTER TABLE tenants ADD COLUMN ${name} ${definition}`),

  // ---- Guest carts: identified by a random cookie token, only its hash is stored ----
  `CREATE TABLE carts (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     token_hash text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id),
     UNIQUE (tenant_id, token_hash)
   )`,
  ...tenantOwned("carts"),
  `CREATE TABLE cart_items (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     cart_id uuid NOT NULL,
     product_id uuid NOT NULL,
     quantity integer NOT NULL CHECK (quantity > 0),
     added_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, cart_id, product_id),
     FOREIGN KEY (tenant_id, cart_id) REFERENCES carts (tenant_id, id) ON DELETE CASCADE,
     FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id) ON DELETE CASCADE
   )`,
  ...tenantOwned("cart_items"),

  // ---- Orders ----
  // One row per co-op and numbering series ('order' today; receipts or invoices may follow).
  `CREATE TABLE order_counters (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     series text NOT NULL DEFAULT 'order',
     last_number integer NOT NULL DEFAULT 0 CHECK (last_number >= 0),
     PRIMARY KEY (tenant_id, series)
   )`,
  ...tenantOwned("order_counters"),
  `CREATE TABLE orders (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     number integer NOT NULL CHECK (number > 0),
     status text NOT NULL CHECK (status IN (${ORDER_STATUSES})),
     payment_method text NOT NULL CHECK (payment_method IN ('promptpay','bank_transfer','cod')),
     delivery_method text NOT NULL CHECK (delivery_method IN ('pickup','local','parcel')),
     customer_name text NOT NULL CHECK (length(customer_name) BETWEEN 1 AND 200),
     customer_phone text NOT NULL,
     customer_email text,
     address jsonb,
     notes text CHECK (length(notes) <= 500),
     subtotal_satang integer NOT NULL CHECK (subtotal_satang >= 0),
     delivery_fee_satang integer NOT NULL CHECK (delivery_fee_satang >= 0),
     total_satang integer NOT NULL CHECK (total_satang = subtotal_satang + delivery_fee_satang),
     tracking_token_hash text NOT NULL,
     idempotency_key text NOT NULL CHECK (length(idempotency_key) <= 100),
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id),
     UNIQUE (tenant_id, number),
     UNIQUE (tenant_id, tracking_token_hash),
     UNIQUE (tenant_id, idempotency_key)
   )`,
  `CREATE INDEX orders_recent_idx ON orders (tenant_id, created_at DESC)`,
  `CREATE INDEX orders_status_idx ON orders (tenant_id, status, created_at DESC)`,
  `CREATE INDEX orders_phone_idx ON orders (tenant_id, customer_phone)`,
  ...tenantOwned("orders"),
  `CREATE TABLE order_items (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     order_id uuid NOT NULL,
     product_id uuid NOT NULL,
     name_th text NOT NULL,
     name_en text,
     unit text NOT NULL,
     unit_price_satang integer NOT NULL CHECK (unit_price_satang >= 0),
     quantity integer NOT NULL CHECK (quantity > 0),
     line_total_satang integer NOT NULL CHECK (line_total_satang = unit_price_satang * quantity),
     PRIMARY KEY (tenant_id, id),
     UNIQUE (tenant_id, order_id, product_id),
     FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE CASCADE,
     FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id)
   )`,
  ...tenantOwned("order_items"),
  `CREATE TABLE order_events (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     order_id uuid NOT NULL,
     from_status text CHECK (from_status IN (${ORDER_STATUSES})),
     to_status text NOT NULL CHECK (to_status IN (${ORDER_STATUSES})),
     actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
     note text CHECK (length(note) <= 500),
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id),
     FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE CASCADE
   )`,
  `CREATE INDEX order_events_order_idx ON order_events (tenant_id, order_id, created_at)`,
  ...tenantOwned("order_events"),
];

const down_statements = [
  `DROP TABLE order_events`,
  `DROP TABLE order_items`,
  `DROP TABLE orders`,
  `DROP TABLE order_counters`,
  `DROP TABLE cart_items`,
  `DROP TABLE carts`,
  ...TENANT_COLUMNS.map(([name]) => name).reverse().map((name) => `ALTER TABLE tenants DROP COLUMN ${name}`),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
