import { type Database, sql, type Transaction } from "@coop/db";

/**
 * What happened to an order, as the daily rollup counts it (cancelled and refunded are final, so an
 * order enters at most one). "reinstated": a cancelled order paid after all (a card payment that
 * completed after its checkout expired, stock still there) counts as placed-and-not-cancelled again.
 */
export type OrderRollupEvent = "placed" | "cancelled" | "refunded" | "reinstated";

/**
 * Keeps `order_daily_stats` and `order_monthly_stats` current: adds the order to the rows of its
 * creation day and month (Asia/Bangkok), so cancelling a month-old order adjusts that month. Call
 * it in the transaction that changes the order, after the order's stock work (the rollup rows are
 * the last locks taken, always day then month, so they cannot deadlock).
 */
export async function recordOrderRollup(trx: Transaction<Database>, tenantId: string, orderId: string, event: OrderRollupEvent): Promise<void> {
  const placed = event === "placed" ? 1 : 0;
  if (event === "reinstated") return reinstateOrderRollup(trx, tenantId, orderId);
  const cancelled = event === "cancelled" ? 1 : 0;
  const refunded = event === "refunded" ? 1 : 0;
  const sign = event === "placed" ? 1 : -1;
  await sql`
    INSERT INTO order_daily_stats AS s (tenant_id, day, orders_placed, orders_cancelled, orders_refunded, sales_satang)
    SELECT o.tenant_id, (o.created_at AT TIME ZONE 'Asia/Bangkok')::date, ${placed}::int, ${cancelled}::int, ${refunded}::int, ${sign}::int * o.total_satang::bigint
    FROM orders o WHERE o.tenant_id = ${tenantId} AND o.id = ${orderId}
    ON CONFLICT (tenant_id, day) DO UPDATE SET
      orders_placed = s.orders_placed + EXCLUDED.orders_placed,
      orders_cancelled = s.orders_cancelled + EXCLUDED.orders_cancelled,
      orders_refunded = s.orders_refunded + EXCLUDED.orders_refunded,
      sales_satang = s.sales_satang + EXCLUDED.sales_satang`.execute(trx);
  await sql`
    INSERT INTO order_monthly_stats AS s (tenant_id, month, orders_placed, orders_cancelled, orders_refunded, sales_satang)
    SELECT o.tenant_id, date_trunc('month', o.created_at AT TIME ZONE 'Asia/Bangkok')::date, ${placed}::int, ${cancelled}::int, ${refunded}::int, ${sign}::int * o.total_satang::bigint
    FROM orders o WHERE o.tenant_id = ${tenantId} AND o.id = ${orderId}
    ON CONFLICT (tenant_id, month) DO UPDATE SET
      orders_placed = s.orders_placed + EXCLUDED.orders_placed,
      orders_cancelled = s.orders_cancelled + EXCLUDED.orders_cancelled,
      orders_refunded = s.orders_refunded + EXCLUDED.orders_refunded,
      sales_satang = s.sales_satang + EXCLUDED.sales_satang`.execute(trx);
}

/** Undoes a cancellation in the order's day and month rows (they exist: the cancellation wrote them). */
async function reinstateOrderRollup(trx: Transaction<Database>, tenantId: string, orderId: string): Promise<void> {
  await sql`
    UPDATE order_daily_stats AS s SET orders_cancelled = s.orders_cancelled - 1, sales_satang = s.sales_satang + o.total_satang::bigint
    FROM orders o
    WHERE o.tenant_id = ${tenantId} AND o.id = ${orderId}
      AND s.tenant_id = o.tenant_id AND s.day = (o.created_at AT TIME ZONE 'Asia/Bangkok')::date`.execute(trx);
  await sql`
    UPDATE order_monthly_stats AS s SET orders_cancelled = s.orders_cancelled - 1, sales_satang = s.sales_satang + o.total_satang::bigint
    FROM orders o
    WHERE o.tenant_id = ${tenantId} AND o.id = ${orderId}
      AND s.tenant_id = o.tenant_id AND s.month = date_trunc('month', o.created_at AT TIME ZONE 'Asia/Bangkok')::date`.execute(trx);
}

/** The first day of the month after `day` (YYYY-MM-DD). */
function nextMonthStart(day: string): string {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

/** The day after `day` (YYYY-MM-DD). */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The rollup rows that cover Bangkok days `from`..`to` (inclusive), as one subquery with the daily
 * table's columns (`tenant_id`, `day`, `orders_*`, `sales_satang`): whole calendar months from
 * `order_monthly_stats` (their `day` is the month's first day) and the partial months at the ends
 * from `order_daily_stats`. Summing it gives the range's figures, and grouping by month still
 * works; a year for 300 co-ops is 3,600 monthly rows rather than 110,000 daily ones.
 */
export function orderRollupRows(trx: Transaction<Database>, from: string, to: string) {
  // Whole months lie in [fullStart, fullEnd): from the first month starting on or after `from`
  // to the last month ending on or before `to`.
  const fullStart = from.endsWith("-01") ? from : nextMonthStart(from);
  const fullEnd = dayAfter(to).endsWith("-01") ? dayAfter(to) : `${to.slice(0, 7)}-01`;
  if (fullStart >= fullEnd) {
    return trx
      .selectFrom("order_daily_stats")
      .select(["tenant_id", "day", "orders_placed", "orders_cancelled", "orders_refunded", "sales_satang"])
      .where(sql<boolean>`day BETWEEN ${from}::date AND ${to}::date`);
  }
  return trx
    .selectFrom("order_daily_stats")
    .select(["tenant_id", "day", "orders_placed", "orders_cancelled", "orders_refunded", "sales_satang"])
    .where(sql<boolean>`day BETWEEN ${from}::date AND ${to}::date AND NOT (day >= ${fullStart}::date AND day < ${fullEnd}::date)`)
    .unionAll(
      trx
        .selectFrom("order_monthly_stats")
        .select(["tenant_id", "month as day", "orders_placed", "orders_cancelled", "orders_refunded", "sales_satang"])
        .where(sql<boolean>`month >= ${fullStart}::date AND month < ${fullEnd}::date`),
    );
}
