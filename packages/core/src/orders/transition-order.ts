import { type Database, type Kysely, type OrderStatus, sql, type Transaction, withTenant } from "@coop/db";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { enqueueSlipRejectedNotice } from "./notify-slip.ts";
import { loadOrderDetail } from "./queries.ts";
import { recordOrderRollup } from "./rollups.ts";
import { type TransitionOrderInput, transitionOrderInput } from "./schemas.ts";
import { canTransition, STOCK_RETURNING_STATUSES } from "./state-machine.ts";
import { orderStockLines, recordStockMovements, returnStock } from "./stock.ts";
import type { OrderDetail } from "./views.ts";

/**
 * Moves an order to its next status if the state machine allows it, recording who did it and
 * why. Cancelling or refunding puts the order's stock back (with stock movements); a sold-out
 * product with stock again becomes available.
 */
export async function transitionOrder(
  db: Kysely<Database>,
  tenantId: string,
  actorUserId: string,
  rawInput: TransitionOrderInput,
  /** When given, a customer whose slip is rejected is e-mailed (through the outbox, in this transaction). */
  notify?: { siteOrigin: string },
): Promise<OrderDetail> {
  const input = transitionOrderInput.parse(rawInput);
  return withTenant(db, tenantId, async (trx) => {
    const order = await trx
      .selectFrom("orders")
      .select(["id", "status", "payment_method"])
      .where("tenant_id", "=", tenantId)
      .where("id", "=", input.orderId)
      .forUpdate()
      .executeTakeFirst();
    if (!order) throw new AppError("NOT_FOUND", "orders.not_found");
    if (!canTransition(order.status, input.to, order.payment_method)) {
      throw new AppError("CONFLICT", "orders.illegal_transition", { params: { from: order.status, to: input.to } });
    }
    await applyOrderTransition(trx, tenantId, order, input.to, { actorUserId, note: input.note ?? null });
    if (notify && order.status === "payment_review" && input.to === "pending_payment") {
      await enqueueSlipRejectedNotice(trx, tenantId, { orderId: order.id, reason: input.note ?? null }, notify);
    }
    await recordAudit(trx, {
      tenantId,
      actorUserId,
      action: "order.transition",
      subjectType: "order",
      subjectId: order.id,
      data: { status: { before: order.status, after: input.to }, ...(input.note ? { note: input.note } : {}) },
    });
    return loadOrderDetail(trx, tenantId, order.id);
  });
}

/**
 * A line in the order's history (staff and the customer see it). clock_timestamp(), not now():
 * several events in one transaction keep their order.
 */
export async function recordOrderEvent(
  trx: Transaction<Database>,
  tenantId: string,
  event: { orderId: string; from: OrderStatus; to: OrderStatus; actorUserId: string | null; note: string | null },
): Promise<void> {
  await trx
    .insertInto("order_events")
    .values({
      tenant_id: tenantId,
      order_id: event.orderId,
      from_status: event.from,
      to_status: event.to,
      actor_user_id: event.actorUserId,
      note: event.note,
      created_at: sql`clock_timestamp()`,
    })
    .execute();
}

/**
 * The effect of a status change inside the caller's transaction, with no permission or state
 * machine check (the caller has decided): status, event row, stock back for cancelled/refunded,
 * rollups. Staff changes come through transitionOrder; payment events (Stripe webhooks, expiry)
 * call it with no actor.
 */
export async function applyOrderTransition(
  trx: Transaction<Database>,
  tenantId: string,
  order: { id: string; status: OrderStatus },
  to: OrderStatus,
  by: { actorUserId: string | null; note: string | null },
): Promise<void> {
  const actorUserId = by.actorUserId;
  await trx
    .updateTable("orders")
    .set({ status: to, updated_at: sql`now()` })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", order.id)
    .execute();
  await recordOrderEvent(trx, tenantId, { orderId: order.id, from: order.status, to, actorUserId, note: by.note });

  if (STOCK_RETURNING_STATUSES.includes(to)) {
    const returned = [];
    for (const line of await orderStockLines(trx, tenantId, order.id)) {
      returned.push({ productId: line.productId, delta: line.quantity, stockAfter: await returnStock(trx, tenantId, line) });
    }
    await recordStockMovements(trx, tenantId, returned, to === "cancelled" ? "order_cancelled" : "order_refunded", actorUserId);
  }
  if (to === "cancelled" || to === "refunded") await recordOrderRollup(trx, tenantId, order.id, to);
}
