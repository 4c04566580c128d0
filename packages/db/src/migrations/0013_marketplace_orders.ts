import { type Kysely, sql } from "kysely";

// Frozen: the marketplace on the network site (issue 7) — one cart across co-ops and the
// marketplace order that groups one order per co-op — and the order columns a Stripe checkout
// needs to resume, expire and pay a co-op its share (transfer). Imports no app code.
//
// The three new tables are platform bookkeeping (no RLS, like sessions): they hold product and
// co-op ids, never a co-op's rows. Product details are read through each co-op's own policies.

const ORDER_COLUMNS: [name: string, definition: string][] = [
  // The marketplace order this order is part of (no foreign key: under Citus the orders are
  // sharded and the marketplace orders stay on the coordinator).
  ["marketplace_order_id", "uuid"],
  // The Checkout Session's payment page and when it stops taking payment (stock is held until then).
  ["stripe_checkout_url", "text CHECK (stripe_checkout_url ~ '^https?://')"],
  ["stripe_checkout_expires_at", "timestamptz"],
  // Marketplace card payments: the transfer of this co-op's share from the platform's charge.
  ["stripe_transfer_id", "text CHECK (stripe_transfer_id ~ '^tr_[A-Za-z0-9_]{1,250}$')"],
];

const up_statements = [
  ...ORDER_COLUMNS.map(([name, definition]) => `ALTER TABLE orders ADD COLUMN ${name} ${definition}`),
  `CREATE INDEX orders_marketplace_idx ON orders (marketplace_order_id) WHERE marketplace_order_id IS NOT NULL`,
  `CREATE INDEX orders_stripe_expiry_idx ON orders (stripe_checkout_expires_at)
     WHERE status = 'pending_payment' AND stripe_checkout_expires_at IS NOT NULL`,

  // ---- One cart across co-ops (network site), found by the hash of its cookie's token ----
  `CREATE TABLE market_carts (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX market_carts_updated_idx ON market_carts (updated_at)`,
  `CREATE TABLE market_cart_items (
     cart_id uuid NOT NULL REFERENCES market_carts(id) ON DELETE CASCADE,
     -- The product's co-op (not "tenant_id": this table is not tenant-owned).
     coop_id uuid NOT NULL REFERENCES tenants(id),
     product_id uuid NOT NULL,
     quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 9999),
     added_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (cart_id, coop_id, product_id)
   )`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON market_carts, market_cart_items TO coop_app`,

  // ---- A marketplace order: one checkout, one order per co-op (all placed or none) ----
  `CREATE TABLE marketplace_orders (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     -- Hex SHA-256 of the checkout's idempotency key: a retried checkout finds this row.
     idempotency_key text NOT NULL UNIQUE CHECK (idempotency_key ~ '^[0-9a-f]{64}$'),
     -- Hex SHA-256 of the customer's link to the whole marketplace order.
     tracking_token_hash text NOT NULL UNIQUE CHECK (tracking_token_hash ~ '^[0-9a-f]{64}$'),
     customer_phone text NOT NULL,
     -- 'per_coop': each co-op's order is paid its own way (PromptPay QR, transfer, cash);
     -- 'stripe': one card/PromptPay payment on the platform, each co-op paid by a transfer.
     payment_mode text NOT NULL CHECK (payment_mode IN ('per_coop', 'stripe')),
     -- The co-ops of the parts, in the order the parts were placed.
     tenant_ids uuid[] NOT NULL CHECK (cardinality(tenant_ids) BETWEEN 1 AND 50),
     total_satang bigint NOT NULL CHECK (total_satang >= 0),
     stripe_checkout_session_id text UNIQUE CHECK (stripe_checkout_session_id ~ '^cs_[A-Za-z0-9_]{1,250}$'),
     stripe_payment_intent_id text UNIQUE CHECK (stripe_payment_intent_id ~ '^pi_[A-Za-z0-9_]{1,250}$'),
     stripe_checkout_url text CHECK (stripe_checkout_url ~ '^https?://'),
     stripe_checkout_expires_at timestamptz,
     -- For 'stripe': pending_payment → paid, or → cancelled when the session expired unpaid.
     payment_status text NOT NULL DEFAULT 'pending_payment' CHECK (payment_status IN ('pending_payment', 'paid', 'cancelled', 'not_applicable')),
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `GRANT SELECT, INSERT, UPDATE ON marketplace_orders TO coop_app`,
];

const down_statements = [
  `DROP TABLE marketplace_orders`,
  `DROP TABLE market_cart_items`,
  `DROP TABLE market_carts`,
  `DROP INDEX orders_stripe_expiry_idx`,
  `DROP INDEX orders_marketplace_idx`,
  ...ORDER_COLUMNS.map(([name]) => name).reverse().map((name) => `ALTER TABLE orders DROP COLUMN ${name}`),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
