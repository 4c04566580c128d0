import { type Database, sql, type Transaction } from "@coop/db";

/**
 * The stock side of orders, shared by checkout (placeOrderIn), the status changes that give stock
 * back (applyOrderTransition) and a late Stripe payment that takes it again (retakeStock): one
 * place for the product update (sold out at 0, available again when stock returns) and the
 * stock_movements rows, so the three cannot drift apart.
 */

export interface StockLine {
  productId: string;
  quantity: number;
}

export type OrderStockReason = "order" | "order_cancelled" | "order_refunded";

/** The order's lines, in product-id order: checkout's lock order, so concurrent orders never deadlock. */
export async function orderStockLines(trx: Transaction<Database>, tenantId: string, orderId: string): Promise<StockLine[]> {
  const items = await trx
    .selectFrom("order_items")
    .select(["product_id", "quantity"])
    .where("tenant_id", "=", tenantId)
    .where("order_id", "=", orderId)
    .orderBy("product_id")
    .execute();
  return items.map((item) => ({ productId: item.product_id, quantity: item.quantity }));
}

/**
 * Takes `line.quantity` from a product that is available, not archived and has that much; the
 * product becomes sold out at 0. Returns the stock left, or null when the product cannot give it
 * (nothing changed for that line).
 */
export async function takeStock(trx: Transaction<Database>, tenantId: string, line: StockLine): Promise<number | null> {
  const updated = await trx
    .updateTable("products")
    .set({
      stock: sql<number>`stock - ${line.quantity}`,
      status: sql`CASE WHEN stock - ${line.quantity} = 0 THEN 'sold_out' ELSE status END`,
      updated_at: sql`now()`,
    })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", line.productId)
    .where("stock", ">=", line.quantity)
    .where("status", "=", "available")
    .where("archived_at", "is", null)
    .returning("stock")
    .executeTakeFirst();
  return updated ? updated.stock : null;
}

/** Puts `line.quantity` back; a sold-out product becomes available again. Returns the stock after. */
export async function returnStock(trx: Transaction<Database>, tenantId: string, line: StockLine): Promise<number> {
  const updated = await trx
    .updateTable("products")
    .set({
      stock: sql<number>`stock + ${line.quantity}`,
      status: sql`CASE WHEN status = 'sold_out' THEN 'available' ELSE status END`,
      updated_at: sql`now()`,
    })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", line.productId)
    .returning("stock")
    .executeTakeFirstOrThrow();
  return updated.stock;
}

/** One stock_movements row per change (delta negative when taken), in one statement. */
export async function recordStockMovements(
  trx: Transaction<Database>,
  tenantId: string,
  changes: ReadonlyArray<{ productId: string; delta: number; stockAfter: number }>,
  reason: OrderStockReason,
  actorUserId: string | null,
): Promise<void> {
  if (changes.length === 0) return;
  await trx
    .insertInto("stock_movements")
    .values(
      changes.map((change) => ({
        tenant_id: tenantId,
        product_id: change.productId,
        delta: change.delta,
        reason,
        actor_user_id: actorUserId,
        stock_after: change.stockAfter,
        created_at: sql`clock_timestamp()`,
      })),
    )
    .execute();
}
