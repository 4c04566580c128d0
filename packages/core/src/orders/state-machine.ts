import { ORDER_STATUSES, type OrderStatus, type PaymentMethod } from "@coop/db";

/**
 * Where an order may go next. Cash-on-delivery orders have no payment step before packing;
 * payment-review orders go back to waiting for payment when a slip is rejected.
 */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ["payment_review", "cancelled"],
  payment_review: ["paid", "pending_payment", "cancelled"],
  paid: ["packed", "cancelled", "refunded"],
  packed: ["shipped", "ready_for_pickup", "cancelled", "refunded"],
  shipped: ["completed", "refunded"],
  ready_for_pickup: ["completed", "refunded"],
  completed: ["refunded"],
  cancelled: [],
  refunded: [],
};

/** Statuses whose stock goes back on the shelf when the order is entered. */
export const STOCK_RETURNING_STATUSES: readonly OrderStatus[] = ["cancelled", "refunded"];

export function canTransition(from: OrderStatus, to: OrderStatus, paymentMethod: PaymentMethod): boolean {
  // Stripe orders are paid by Stripe's events (no slip to review) and refunded through refundOrder,
  // which gives the money back; a bare status change (refunded, or cancelling a paid order) would
  // keep the customer's money.
  if (paymentMethod === "stripe" && (to === "payment_review" || to === "refunded" || (to === "cancelled" && from !== "pending_payment"))) return false;
  if (paymentMethod === "cod" && from === "pending_payment" && to === "packed") return true;
  return NEXT[from].includes(to);
}

/** The statuses an order may move to now (for the back office's buttons). */
export function nextStatuses(from: OrderStatus, paymentMethod: PaymentMethod): OrderStatus[] {
  return ORDER_STATUSES.filter((to) => canTransition(from, to, paymentMethod));
}
