import { type Kysely, sql } from "kysely";

// Frozen: parcel fees by zone (the customer's province: the co-op's own province, Bangkok and
// vicinity, the co-op's region, the rest of the country; NULL = parcels not sent there), and
// what a co-op's home page shows: featured products and the months a product is harvested;
// and a second tracking link per order (its hash), sent when a slip is rejected, so the first
// link keeps working. Adds columns to existing tables only (no new tenant table). Imports no app code.

const ZONE_COLUMNS = ["parcel_fee_province_satang", "parcel_fee_bangkok_satang", "parcel_fee_region_satang", "parcel_fee_country_satang"];

const up_statements = [
  ...ZONE_COLUMNS.map((c) => `ALTER TABLE tenants ADD COLUMN ${c} integer CHECK (${c} BETWEEN 0 AND 1000000)`),
  // Co-ops that already send parcels keep their one fee, now in every zone.
  `UPDATE tenants SET ${ZONE_COLUMNS.map((c) => `${c} = parcel_fee_satang`).join(", ")}`,
  `ALTER TABLE products ADD COLUMN featured boolean NOT NULL DEFAULT false`,
  `ALTER TABLE products ADD COLUMN harvest_months smallint[] NOT NULL DEFAULT '{}'
     CHECK (harvest_months <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12]::smallint[])`,
  `CREATE INDEX products_featured_idx ON products (tenant_id) WHERE featured AND archived_at IS NULL`,
  `ALTER TABLE orders ADD COLUMN resent_token_hash text`,
  `CREATE UNIQUE INDEX orders_resent_token_idx ON orders (tenant_id, resent_token_hash) WHERE resent_token_hash IS NOT NULL`,
];

const down_statements = [
  `DROP INDEX orders_resent_token_idx`,
  `ALTER TABLE orders DROP COLUMN resent_token_hash`,
  `DROP INDEX products_featured_idx`,
  `ALTER TABLE products DROP COLUMN harvest_months`,
  `ALTER TABLE products DROP COLUMN featured`,
  ...[...ZONE_COLUMNS].reverse().map((c) => `ALTER TABLE tenants DROP COLUMN ${c}`),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
