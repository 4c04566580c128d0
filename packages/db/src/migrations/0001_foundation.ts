import { type Kysely, sql } from "kysely";

// Frozen: this migration must keep producing the same schema forever. It imports no app code.

const up_statements = [
  `DO $$ BEGIN
     IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'coop_app') THEN
       CREATE ROLE coop_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
     END IF;
   END $$`,
  `GRANT USAGE ON SCHEMA public TO coop_app`,
  // The tenant the current transaction acts for; NULL when none is set (then RLS shows nothing).
  `CREATE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS
     $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$`,
  `GRANT EXECUTE ON FUNCTION app_current_tenant() TO coop_app`,

  // Reference tables
  `CREATE TABLE regions (
     id smallint PRIMARY KEY,
     name_th text NOT NULL,
     name_en text NOT NULL,
     seat_province_code smallint NOT NULL
   )`,
  `CREATE TABLE provinces (
     code smallint PRIMARY KEY,
     name_th text NOT NULL UNIQUE,
     name_en text NOT NULL UNIQUE,
     region_id smallint NOT NULL REFERENCES regions(id)
   )`,
  `GRANT SELECT ON regions, provinces TO coop_app`,

  // Platform tables
  `CREATE TABLE tenants (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{1,38})[a-z0-9]$'),
     name_th text NOT NULL CHECK (length(name_th) BETWEEN 1 AND 200),
     name_en text CHECK (length(name_en) <= 200),
     registration_no text,
     story_th text,
     story_en text,
     status text NOT NULL DEFAULT 'active' CHECK (status IN ('pending', 'active', 'suspended')),
     province_code smallint NOT NULL REFERENCES provinces(code),
     region_id smallint NOT NULL REFERENCES regions(id),
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX tenants_region_status_idx ON tenants (region_id, status)`,
  `ALTER TABLE tenants ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE tenants FORCE ROW LEVEL SECURITY`,
  // Host routing and the network read every co-op's public profile; only the co-op itself may change its row.
  `CREATE POLICY tenants_read ON tenants FOR SELECT USING (true)`,
  `CREATE POLICY tenants_sign_up ON tenants FOR INSERT WITH CHECK (true)`,
  `CREATE POLICY tenants_update_own ON tenants FOR UPDATE
     USING (id = app_current_tenant()) WITH CHECK (id = app_current_tenant())`,
  `GRANT SELECT, INSERT, UPDATE ON tenants TO coop_app`,

  `CREATE TABLE users (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     email text NOT NULL CHECK (email = lower(email)),
     display_name text NOT NULL,
     password_hash text NOT NULL,
     email_verified_at timestamptz,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE UNIQUE INDEX users_email_key ON users (email)`,
  `CREATE TABLE staff_regions (
     user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     region_id smallint NOT NULL REFERENCES regions(id),
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (user_id, region_id)
   )`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON users, staff_regions TO coop_app`,

  // Tenant-owned tables
  `CREATE TABLE products (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     name_th text NOT NULL CHECK (length(name_th) BETWEEN 1 AND 200),
     name_en text CHECK (length(name_en) <= 200),
     description_th text,
     description_en text,
     price_satang integer NOT NULL CHECK (price_satang >= 0),
     unit text NOT NULL CHECK (unit IN ('kg','g','bag','crate','box','piece','bottle','pack','bunch','dozen','litre','tray','sack')),
     stock integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
     status text NOT NULL DEFAULT 'available' CHECK (status IN ('available','sold_out','coming_soon','hidden')),
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id)
   )`,
  `CREATE TABLE stock_movements (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     product_id uuid NOT NULL,
     delta integer NOT NULL,
     reason text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id),
     FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id)
   )`,
  `CREATE INDEX stock_movements_product_idx ON stock_movements (tenant_id, product_id, created_at)`,
  ...["products", "stock_movements"].flatMap((table) => [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${table}
       USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO coop_app`,
  ]),
];

const down_statements = [
  `DROP TABLE stock_movements`,
  `DROP TABLE products`,
  `DROP TABLE staff_regions`,
  `DROP TABLE users`,
  `DROP TABLE tenants`,
  `DROP TABLE provinces`,
  `DROP TABLE regions`,
  `DROP FUNCTION app_current_tenant()`,
  // The coop_app role is cluster-wide and may serve other databases: it is left in place.
  `REVOKE USAGE ON SCHEMA public FROM coop_app`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
