import { type Kysely, sql } from "kysely";

// Frozen: a monthly rollup beside the daily one (0009), kept by the same transactions. The staff
// overview and reports read whole months from here and only the partial months at a range's ends
// from the daily rows, so their cost follows co-ops × months rather than co-ops × days.
// Backfills from the orders that exist. Imports no app code.

const TABLE = "order_monthly_stats";

const up_statements = [
  `CREATE TABLE ${TABLE} (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     month date NOT NULL CHECK (extract(day FROM month) = 1),
     orders_placed integer NOT NULL DEFAULT 0 CHECK (orders_placed >= 0),
     orders_cancelled integer NOT NULL DEFAULT 0 CHECK (orders_cancelled >= 0),
     orders_refunded integer NOT NULL DEFAULT 0 CHECK (orders_refunded >= 0),
     -- total_satang of the month's orders that are neither cancelled nor refunded
     sales_satang bigint NOT NULL DEFAULT 0,
     PRIMARY KEY (tenant_id, month)
   )`,
  `INSERT INTO ${TABLE} (tenant_id, month, orders_placed, orders_cancelled, orders_refunded, sales_satang)
     SELECT tenant_id, date_trunc('month', created_at AT TIME ZONE 'Asia/Bangkok')::date,
            count(*),
            count(*) FILTER (WHERE status = 'cancelled'),
            count(*) FILTER (WHERE status = 'refunded'),
            coalesce(sum(total_satang) FILTER (WHERE status NOT IN ('cancelled', 'refunded')), 0)
     FROM orders
     GROUP BY 1, 2`,
  // The same tenantOwned() block as 0009.
  `ALTER TABLE ${TABLE} ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE ${TABLE} FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant_isolation ON ${TABLE}
     USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON ${TABLE} TO coop_app`,
  // The same read-only staff policy as 0008's.
  `CREATE POLICY staff_read ON ${TABLE} FOR SELECT
     USING (tenant_id IN (SELECT t.id FROM tenants t WHERE t.region_id = ANY (app_staff_regions())))`,
];

const down_statements = [`DROP TABLE ${TABLE}`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
