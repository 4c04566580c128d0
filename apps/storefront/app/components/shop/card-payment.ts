import type { OrderStatus, PaymentMethod } from "@coop/ui";

/**
 * What the order page says about a card (Stripe) payment:
 * - pay: waiting for payment, Stripe's page still open until `expiresAt`;
 * - confirming: the customer is back from Stripe (`?stripe=return`) but the webhook has not
 *   marked the order paid yet (PromptPay through Stripe confirms a little later than cards);
 *   `payUrl` stays for a customer who came back without finishing;
 * - paid: back from Stripe and paid;
 * - expired: the payment time ran out, so the order was (or is about to be) cancelled;
 * - unavailable: waiting for payment with no page to pay on (should not last; says to reload).
 */
export type CardPayment =
  | { kind: "pay"; payUrl: string; expiresAt: string | null }
  | { kind: "confirming"; payUrl: string | null; expiresAt: string | null }
  | { kind: "paid" }
  | { kind: "expired" }
  | { kind: "unavailable" };

export interface CardPaymentOrder {
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  payUrl: string | null;
  expiresAt: string | null;
  events: ReadonlyArray<{ toStatus: OrderStatus; at: string }>;
}

export function cardPayment(order: CardPaymentOrder, options: { returned: boolean; now: Date }): CardPayment | null {
  if (order.paymentMethod !== "stripe") return null;
  const expiresAt = order.expiresAt ? new Date(order.expiresAt) : null;
  const timeRanOut = expiresAt !== null && expiresAt.getTime() <= options.now.getTime();
  if (order.status === "pending_payment") {
    if (options.returned) return { kind: "confirming", payUrl: order.payUrl, expiresAt: order.expiresAt };
    if (order.payUrl && !timeRanOut) return { kind: "pay", payUrl: order.payUrl, expiresAt: order.expiresAt };
    // Expiry cancels the order through Stripe's event (or the backstop timer a few minutes later).
    return timeRanOut ? { kind: "expired" } : { kind: "unavailable" };
  }
  if (order.status === "cancelled") {
    // Cancelled once the session had expired, not by the co-op beforehand: the time ran out.
    const cancelledAt = order.events.findLast((e) => e.toStatus === "cancelled")?.at;
    return expiresAt && cancelledAt && new Date(cancelledAt).getTime() >= expiresAt.getTime() ? { kind: "expired" } : null;
  }
  if (order.status === "refunded") return null;
  return options.returned ? { kind: "paid" } : null;
}

/** How often the page looks again while a payment is being confirmed, and for how long. */
export const CONFIRM_POLL_SECONDS = 4;
export const CONFIRM_POLL_TIMES = 15;
