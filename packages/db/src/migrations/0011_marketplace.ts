import { type Kysely, sql } from "kysely";

// Frozen: the network marketplace reads the listed products (and their photos) of every active
// co-op. Only where neither a co-op nor a staff scope is set for the transaction (the network's
// own reads): inside a co-op's transaction its queries still see its own rows alone, so nothing a
// co-op's site or back office does by product id can reach another co-op's products, and a staff
// transaction still sees its regions alone. Imports no app code.

const NETWORK_ONLY = `app_current_tenant() IS NULL AND cardinality(app_staff_regions()) = 0`;

const LISTED = `${NETWORK_ONLY}
  AND archived_at IS NULL
  AND status <> 'hidden'
  AND tenant_id IN (SELECT t.id FROM tenants t WHERE t.status = 'active')`;

const up_statements = [
  `CREATE POLICY network_read ON products FOR SELECT USING (${LISTED})`,
  `CREATE POLICY network_read ON product_photos FOR SELECT USING (
     ${NETWORK_ONLY}
     AND EXISTS (SELECT 1 FROM products p WHERE p.tenant_id = product_photos.tenant_id AND p.id = product_photos.product_id))`,
  // The marketplace's sort orders, over every co-op's listed products.
  `CREATE INDEX products_market_newest_idx ON products (created_at DESC, id) WHERE archived_at IS NULL AND status <> 'hidden'`,
  `CREATE INDEX products_market_price_idx ON products (price_satang, id) WHERE archived_at IS NULL AND status <> 'hidden'`,
];

const down_statements = [
  `DROP INDEX products_market_price_idx`,
  `DROP INDEX products_market_newest_idx`,
  `DROP POLICY network_read ON product_photos`,
  `DROP POLICY network_read ON products`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
