import { type Kysely, sql } from "kysely";

// Frozen: accounts, sessions, co-op teams, audit log, outbox, the farm-product taxonomy,
// product photos and the co-op site settings. Imports no app code.

const tenantOwned = (table: string) => [
  `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant_isolation ON ${table}
     USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO coop_app`,
];

const up_statements = [
  // ---- Accounts (platform tables) ----
  `ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'th' CHECK (locale IN ('th', 'en'))`,
  `ALTER TABLE users ADD COLUMN last_login_at timestamptz`,
  `ALTER TABLE users ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now()`,
  `CREATE TABLE sessions (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     token_hash text NOT NULL UNIQUE,
     user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     host text NOT NULL,
     user_agent text,
     ip text,
     created_at timestamptz NOT NULL DEFAULT now(),
     last_seen_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL
   )`,
  `CREATE INDEX sessions_user_idx ON sessions (user_id)`,
  `CREATE TABLE user_tokens (
     token_hash text PRIMARY KEY,
     user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'handoff')),
     target_tenant_id uuid,
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     used_at timestamptz
   )`,
  `CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, purpose)`,
  `CREATE TABLE rate_limits (
     key text NOT NULL,
     window_start timestamptz NOT NULL,
     hits integer NOT NULL DEFAULT 0,
     PRIMARY KEY (key, window_start)
   )`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON sessions, user_tokens, rate_limits TO coop_app`,

  // ---- Transactional outbox: side effects are written with the change that causes them ----
  `CREATE TABLE outbox (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     for_tenant_id uuid,
     kind text NOT NULL,
     payload jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     available_at timestamptz NOT NULL DEFAULT now(),
     attempts integer NOT NULL DEFAULT 0,
     locked_until timestamptz,
     last_error text,
     processed_at timestamptz
   )`,
  `CREATE INDEX outbox_pending_idx ON outbox (available_at) WHERE processed_at IS NULL`,
  `GRANT SELECT, INSERT, UPDATE ON outbox TO coop_app`,

  // ---- Shared farm-product taxonomy (reference table) ----
  `CREATE TABLE product_categories (
     id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
     parent_id text REFERENCES product_categories(id),
     name_th text NOT NULL,
     name_en text NOT NULL,
     position smallint NOT NULL DEFAULT 0
   )`,
  `GRANT SELECT ON product_categories TO coop_app`,

  // ---- Co-op site settings live on the tenant's own row ----
  `ALTER TABLE tenants ADD COLUMN contact_name text`,
  `ALTER TABLE tenants ADD COLUMN contact_email text`,
  `ALTER TABLE tenants ADD COLUMN phone text`,
  `ALTER TABLE tenants ADD COLUMN line_id text`,
  `ALTER TABLE tenants ADD COLUMN facebook_url text`,
  `ALTER TABLE tenants ADD COLUMN theme_color text NOT NULL DEFAULT '#3b5b29' CHECK (theme_color ~ '^#[0-9a-f]{6}$')`,
  `ALTER TABLE tenants ADD COLUMN logo_key text`,
  `ALTER TABLE tenants ADD COLUMN cover_key text`,
  `ALTER TABLE tenants ADD COLUMN address_line text`,
  `ALTER TABLE tenants ADD COLUMN address_subdistrict text`,
  `ALTER TABLE tenants ADD COLUMN address_district text`,
  `ALTER TABLE tenants ADD COLUMN address_province_code smallint REFERENCES provinces(code)`,
  `ALTER TABLE tenants ADD COLUMN address_postcode text CHECK (address_postcode ~ '^[0-9]{5}$')`,
  `ALTER TABLE tenants ADD COLUMN opening_hours text`,
  `ALTER TABLE tenants ADD COLUMN promptpay_id text CHECK (promptpay_id ~ '^(0[0-9]{9}|[0-9]{13})$')`,
  `ALTER TABLE tenants ADD COLUMN bank_name text`,
  `ALTER TABLE tenants ADD COLUMN bank_account_no text`,
  `ALTER TABLE tenants ADD COLUMN bank_account_name text`,

  // ---- Co-op teams ----
  `CREATE TABLE memberships (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     role text NOT NULL CHECK (role IN ('owner', 'manager', 'editor')),
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, user_id)
   )`,
  `CREATE INDEX memberships_user_idx ON memberships (user_id)`,
  ...tenantOwned("memberships"),
  `CREATE TABLE invitations (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     email text NOT NULL CHECK (email = lower(email)),
     role text NOT NULL CHECK (role IN ('manager', 'editor')),
     token_hash text NOT NULL,
     invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     accepted_at timestamptz,
     revoked_at timestamptz,
     PRIMARY KEY (tenant_id, id),
     UNIQUE (tenant_id, token_hash)
   )`,
  ...tenantOwned("invitations"),
  `CREATE TABLE audit_events (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
     action text NOT NULL,
     subject_type text NOT NULL,
     subject_id text,
     data jsonb NOT NULL DEFAULT '{}',
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id)
   )`,
  `CREATE INDEX audit_events_recent_idx ON audit_events (tenant_id, created_at DESC)`,
  ...tenantOwned("audit_events"),

  // ---- Catalogue additions ----
  `ALTER TABLE products ADD COLUMN category_id text REFERENCES product_categories(id)`,
  `ALTER TABLE products ADD COLUMN expected_harvest date`,
  `ALTER TABLE products ADD COLUMN archived_at timestamptz`,
  `ALTER TABLE stock_movements ADD COLUMN actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL`,
  `ALTER TABLE stock_movements ADD COLUMN stock_after integer CHECK (stock_after >= 0)`,
  `CREATE TABLE product_photos (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     product_id uuid NOT NULL,
     position smallint NOT NULL DEFAULT 0,
     storage_key text NOT NULL,
     width integer NOT NULL,
     height integer NOT NULL,
     variants jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id),
     FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id) ON DELETE CASCADE
   )`,
  `CREATE INDEX product_photos_product_idx ON product_photos (tenant_id, product_id, position)`,
  ...tenantOwned("product_photos"),
];

const down_statements = [
  `DROP TABLE product_photos`,
  `ALTER TABLE stock_movements DROP COLUMN stock_after`,
  `ALTER TABLE stock_movements DROP COLUMN actor_user_id`,
  `ALTER TABLE products DROP COLUMN archived_at`,
  `ALTER TABLE products DROP COLUMN expected_harvest`,
  `ALTER TABLE products DROP COLUMN category_id`,
  `DROP TABLE audit_events`,
  `DROP TABLE invitations`,
  `DROP TABLE memberships`,
  ...[
    "bank_account_name", "bank_account_no", "bank_name", "promptpay_id", "opening_hours", "address_postcode",
    "address_province_code", "address_district", "address_subdistrict", "address_line", "cover_key", "logo_key",
    "theme_color", "facebook_url", "line_id", "phone", "contact_email", "contact_name",
  ].map((c) => `ALTER TABLE tenants DROP COLUMN ${c}`),
  `DROP TABLE product_categories`,
  `DROP TABLE outbox`,
  `DROP TABLE rate_limits`,
  `DROP TABLE user_tokens`,
  `DROP TABLE sessions`,
  `ALTER TABLE users DROP COLUMN password_changed_at`,
  `ALTER TABLE users DROP COLUMN last_login_at`,
  `ALTER TABLE users DROP COLUMN locale`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
