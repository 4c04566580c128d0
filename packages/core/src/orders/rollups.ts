import { type Database, sql, type Transaction } from "@coop/db";

/** What happened to an order, as the daily rollup counts it (cancelled and refunded are final, so an order enters at most one). */
export type OrderRollupEvent = "placed" | "cancelled" | "refunded";

/**
 * Keeps `order_daily_stats` current: adds the order to the row of its creation day (Asia/Bangkok),
 * so cancelling a month-old order adjusts that month. Call it in the transaction that changes the
 * order, after the order's stock work (the rollup row is the last lock taken, so it cannot deadlock).
 */
export async function recordOrderRollup(trx: Transaction<Database>, tenantId: string, orderId: string, event: OrderRollupEvent): Promise<void> {
  const placed = event === "placed" ? 1 : 0;
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
}
