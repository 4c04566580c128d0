import { type Database, type Kysely, sql, type TenantStatus } from "@coop/db";
import { AppError } from "../errors.ts";
import { parseStaffInput, type RegionOverviewInput, regionOverviewInput } from "./schemas.ts";
import { type StaffScope, withStaffScope } from "./scope.ts";

export interface OrderFigures {
  placed: number;
  cancelled: number;
  refunded: number;
  /** Placed minus cancelled and refunded. */
  kept: number;
  /** Total of the kept orders. */
  salesSatang: number;
}

export interface RegionOverview {
  region: { id: number; nameTh: string; nameEn: string };
  /** Asia/Bangkok calendar days, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  coops: Record<TenantStatus, number> & { total: number };
  orders: OrderFigures;
  /** One entry per calendar month the range touches (YYYY-MM), months without orders included. */
  months: (OrderFigures & { month: string })[];
}

const NONE: OrderFigures = { placed: 0, cancelled: 0, refunded: 0, kept: 0, salesSatang: 0 };

/** Every YYYY-MM from `from`'s month to `to`'s. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/**
 * A region at a glance for its staff: co-ops by status, and orders and sales over a range of
 * Bangkok days with a month-by-month trend — read from the order_daily_stats rollup only, never
 * from orders, so it costs the same for a thousand orders as for a million.
 */
export async function regionOverview(db: Kysely<Database>, scope: StaffScope, rawInput: RegionOverviewInput): Promise<RegionOverview> {
  const input = parseStaffInput(regionOverviewInput, rawInput);
  if (!scope.regionIds.includes(input.regionId)) throw new AppError("NOT_FOUND", "staff.errors.region_unknown");
  return withStaffScope(db, scope, async (trx) => {
    const region = await trx.selectFrom("regions").select(["id", "name_th", "name_en"]).where("id", "=", input.regionId).executeTakeFirst();
    if (!region) throw new AppError("NOT_FOUND", "staff.errors.region_unknown");
    const statuses = await trx
      .selectFrom("tenants")
      .select(["status", sql<number>`count(*)::int`.as("n")])
      .where("region_id", "=", input.regionId)
      .groupBy("status")
      .execute();
    const coops = { pending: 0, active: 0, suspended: 0, total: 0 };
    for (const row of statuses) {
      coops[row.status] = row.n;
      coops.total += row.n;
    }
    const rows = await trx
      .selectFrom("order_daily_stats as d")
      .innerJoin("tenants as t", "t.id", "d.tenant_id")
      .select([
        sql<string>`to_char(d.day, 'YYYY-MM')`.as("month"),
        sql<number>`sum(d.orders_placed)::bigint`.as("placed"),
        sql<number>`sum(d.orders_cancelled)::bigint`.as("cancelled"),
        sql<number>`sum(d.orders_refunded)::bigint`.as("refunded"),
        sql<number>`sum(d.sales_satang)::bigint`.as("sales"),
      ])
      .where("t.region_id", "=", input.regionId)
      .where(sql<boolean>`d.day BETWEEN ${input.from}::date AND ${input.to}::date`)
      .groupBy(sql`to_char(d.day, 'YYYY-MM')`)
      .execute();
    const byMonth = new Map(
      rows.map((r) => {
        const [placed, cancelled, refunded] = [Number(r.placed), Number(r.cancelled), Number(r.refunded)];
        return [r.month, { placed, cancelled, refunded, kept: placed - cancelled - refunded, salesSatang: Number(r.sales) }];
      }),
    );
    const months = monthsBetween(input.from, input.to).map((month) => ({ month, ...(byMonth.get(month) ?? NONE) }));
    const orders = months.reduce<OrderFigures>(
      (sum, m) => ({
        placed: sum.placed + m.placed,
        cancelled: sum.cancelled + m.cancelled,
        refunded: sum.refunded + m.refunded,
        kept: sum.kept + m.kept,
        salesSatang: sum.salesSatang + m.salesSatang,
      }),
      NONE,
    );
    return { region: { id: region.id, nameTh: region.name_th, nameEn: region.name_en }, from: input.from, to: input.to, coops, orders, months };
  });
}
