import { type Kysely, sql } from "kysely";

// Frozen: card and PromptPay payments through Stripe Connect (issue 7) — each co-op's connected
// account and its state, the webhook events received (each stored once, by Stripe's event id),
// the platform fee per region or co-op, and the order columns the Stripe checkout fills in.
// Imports no app code.

const tenantOwned = (table: string) => [
  `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant_isolation ON ${table}
     USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO coop_app`,
];

const ORDER_COLUMNS: [name: string, definition: string][] = [
  ["stripe_checkout_session_id", "text CHECK (stripe_checkout_session_id ~ '^cs_[A-Za-z0-9_]{1,250}$')"],
  ["stripe_payment_intent_id", "text CHECK (stripe_payment_intent_id ~ '^pi_[A-Za-z0-9_]{1,250}$')"],
  // The platform's application fee on this order, fixed when the checkout session is created.
  ["application_fee_satang", "integer CHECK (application_fee_satang >= 0)"],
  ["amount_refunded_satang", "integer NOT NULL DEFAULT 0 CHECK (amount_refunded_satang >= 0)"],
];

const FEE_COLUMN = "stripe_fee_bps integer CHECK (stripe_fee_bps BETWEEN 0 AND 10000)";

const up_statements = [
  // ---- One connected account per co-op ----
  // The primary key leads with tenant_id (distribution column); one account per co-op through
  // UNIQUE (tenant_id). An account id cannot be made unique across co-ops under Citus; the app
  // checks it when linking (see stripe_account_route below).
  `CREATE TABLE stripe_accounts (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     account_id text NOT NULL CHECK (account_id ~ '^acct_[A-Za-z0-9]{1,250}$'),
     -- 'express': created by the platform and onboarded through Account Links; 'existing': linked by id
     kind text NOT NULL CHECK (kind IN ('express', 'existing')),
     details_submitted boolean NOT NULL DEFAULT false,
     charges_enabled boolean NOT NULL DEFAULT false,
     payouts_enabled boolean NOT NULL DEFAULT false,
     -- When Stripe's view of the state was taken (event.created or the time of a retrieve): an
     -- older account.updated than this is stale and not applied (events arrive out of order).
     state_at timestamptz NOT NULL DEFAULT now(),
     linked_by uuid REFERENCES users(id) ON DELETE SET NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, account_id),
     UNIQUE (tenant_id)
   )`,
  `CREATE INDEX stripe_accounts_account_idx ON stripe_accounts (account_id)`,
  ...tenantOwned("stripe_accounts"),
  // A webhook knows only the (signature-verified) account id. The transaction that handles it
  // names that one account in app.stripe_account and may then read that row and no other.
  `CREATE POLICY stripe_account_route ON stripe_accounts FOR SELECT
     USING (account_id = NULLIF(current_setting('app.stripe_account', true), ''))`,

  // ---- Webhook events: a platform table (no RLS), one row per Stripe event id ----
  `CREATE TABLE stripe_events (
     id text PRIMARY KEY CHECK (id ~ '^evt_[A-Za-z0-9_]{1,250}$'),
     type text NOT NULL CHECK (length(type) <= 100),
     -- The connected account the event is about (event.account), if any.
     account text,
     -- The co-op it was routed to (not "tenant_id": this table is not tenant-owned).
     for_tenant_id uuid REFERENCES tenants(id),
     livemode boolean NOT NULL,
     created timestamptz NOT NULL,
     received_at timestamptz NOT NULL DEFAULT now(),
     -- Set in the transaction that stored the event when it was applied; NULL while waiting.
     applied_at timestamptz,
     -- 'applied', 'stale' (older than the state already stored), 'awaiting_handler' (a type
     -- the checkout will handle), 'unknown_account', 'ignored' (a type the platform does not use).
     outcome text NOT NULL CHECK (outcome IN ('applied', 'stale', 'awaiting_handler', 'unknown_account', 'ignored')),
     payload jsonb NOT NULL
   )`,
  `CREATE INDEX stripe_events_waiting_idx ON stripe_events (type, created) WHERE outcome = 'awaiting_handler'`,
  `GRANT SELECT, INSERT, UPDATE ON stripe_events TO coop_app`,

  // ---- The platform's application fee, in basis points: co-op overrides region overrides the default ----
  `ALTER TABLE regions ADD COLUMN ${FEE_COLUMN}`,
  `ALTER TABLE tenants ADD COLUMN ${FEE_COLUMN}`,

  // ---- Orders paid through Stripe Checkout ----
  ...ORDER_COLUMNS.map(([name, definition]) => `ALTER TABLE orders ADD COLUMN ${name} ${definition}`),
  `ALTER TABLE orders ADD CONSTRAINT orders_amount_refunded_max CHECK (amount_refunded_satang <= total_satang)`,
  `ALTER TABLE orders ADD CONSTRAINT orders_stripe_session_key UNIQUE (tenant_id, stripe_checkout_session_id)`,
  `ALTER TABLE orders ADD CONSTRAINT orders_stripe_payment_intent_key UNIQUE (tenant_id, stripe_payment_intent_id)`,
  `ALTER TABLE orders DROP CONSTRAINT orders_payment_method_check`,
  `ALTER TABLE orders ADD CONSTRAINT orders_payment_method_check
     CHECK (payment_method IN ('promptpay','bank_transfer','cod','stripe'))`,
];

const down_statements = [
  `ALTER TABLE orders DROP CONSTRAINT orders_payment_method_check`,
  `ALTER TABLE orders ADD CONSTRAINT orders_payment_method_check CHECK (payment_method IN ('promptpay','bank_transfer','cod'))`,
  `ALTER TABLE orders DROP CONSTRAINT orders_stripe_payment_intent_key`,
  `ALTER TABLE orders DROP CONSTRAINT orders_stripe_session_key`,
  `ALTER TABLE orders DROP CONSTRAINT orders_amount_refunded_max`,
  ...ORDER_COLUMNS.map(([name]) => name).reverse().map((name) => `ALTER TABLE orders DROP COLUMN ${name}`),
  `ALTER TABLE tenants DROP COLUMN stripe_fee_bps`,
  `ALTER TABLE regions DROP COLUMN stripe_fee_bps`,
  `DROP TABLE stripe_events`,
  `DROP TABLE stripe_accounts`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
