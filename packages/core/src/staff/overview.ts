import { type Database, type Kysely, sql, type TenantStatus, type Transaction } from "@coop/db";
import { AppError } from "../errors.ts";
import { orderRollupRows } from "../orders/rollups.ts";
import { parseStaffInput, type RegionOverviewInput, regionOverviewInput } from "./schemas.ts";
import { type ActivityFigures, provinceActivity, type ProvinceActivity, sumFigures } from "./reports.ts";
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
  months: MonthFigures[];
  /** The twelve calendar months ending with `to`'s month, for the trend chart (same rollup). */
  trend: MonthFigures[];
  /** One row per province of the region (zeros included), from provinceActivity — the one place these figures are computed. */
  provinces: ProvinceActivity[];
  /** The provinces' rows summed: sites complete, articles, seminars, links, meetings, products of the region. */
  totals: ActivityFigures;
}

export type MonthFigures = OrderFigures & { month: string };

export const NO_ORDERS: OrderFigures = { placed: 0, cancelled: 0, refunded: 0, kept: 0, salesSatang: 0 };

/** The YYYY-MM `count - 1` months before `month`'s (count ≥ 1). */
export function monthsBack(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - (count - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every YYYY-MM from `from`'s month to `to`'s. */
export function monthsBetween(from: string, to: string): string[] {
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
 * Orders and sales per calendar month of Bangkok days `from`..`to` for co-ops matched by `where`
 * (a condition on the rollup row `d` and its co-op `t`), every month included — read from the
 * rollups only (whole months monthly, the ends daily), never from orders.
 */
export async function monthlyOrders(
  trx: Transaction<Database>,
  where: ReturnType<typeof sql<boolean>>,
  from: string,
  to: string,
): Promise<{ months: MonthFigures[]; orders: OrderFigures }> {
  const rows = await trx
    .selectFrom(orderRollupRows(trx, from, to).as("d"))
    .innerJoin("tenants as t", "t.id", "d.tenant_id")
    .select([
      sql<string>`to_char(d.day, 'YYYY-MM')`.as("month"),
      sql<number>`sum(d.orders_placed)::bigint`.as("placed"),
      sql<number>`sum(d.orders_cancelled)::bigint`.as("cancelled"),
      sql<number>`sum(d.orders_refunded)::bigint`.as("refunded"),
      sql<number>`sum(d.sales_satang)::bigint`.as("sales"),
    ])
    .where(where)
    .groupBy(sql`to_char(d.day, 'YYYY-MM')`)
    .execute();
  const byMonth = new Map(
    rows.map((r) => {
      const [placed, cancelled, refunded] = [Number(r.placed), Number(r.cancelled), Number(r.refunded)];
      return [r.month, { placed, cancelled, refunded, kept: placed - cancelled - refunded, salesSatang: Number(r.sales) }];
    }),
  );
  const months = monthsBetween(from, to).map((month) => ({ month, ...(byMonth.get(month) ?? NO_ORDERS) }));
  const orders = months.reduce<OrderFigures>(
    (sum, m) => ({
      placed: sum.placed + m.placed,
      cancelled: sum.cancelled + m.cancelled,
      refunded: sum.refunded + m.refunded,
      kept: sum.kept + m.kept,
      salesSatang: sum.salesSatang + m.salesSatang,
    }),
    NO_ORDERS,
  );
  return { months, orders };
}

/** The last day of a YYYY-MM month. */
const lastDayOf = (month: string): string => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/**
 * A region at a glance for its staff: co-ops by status, orders and sales over a range of Bangkok
 * days with a month-by-month trend (order_daily_stats rollup only, never orders, so it costs the
 * same for a thousand orders as for a million), and per province the figures of provinceActivity
 * (reports.ts), whose rows are summed for the region's totals rather than queried a second way.
 */
export async function regionOverview(db: Kysely<Database>, scope: StaffScope, rawInput: RegionOverviewInput, now = new Date()): Promise<RegionOverview> {
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
    const inRegion = sql<boolean>`t.region_id = ${input.regionId}`;
    const { months, orders } = await monthlyOrders(trx, inRegion, input.from, input.to);
    const lastMonth = input.to.slice(0, 7);
    const trend = (await monthlyOrders(trx, inRegion, `${monthsBack(lastMonth, 12)}-01`, lastDayOf(lastMonth))).months;
    const provinces = await provinceActivity(trx, [input.regionId], { from: input.from, to: input.to }, now);
    return {
      region: { id: region.id, nameTh: region.name_th, nameEn: region.name_en },
      from: input.from,
      to: input.to,
      coops,
      orders,
      months,
      trend,
      provinces,
      totals: sumFigures(provinces),
    };
  });
}
