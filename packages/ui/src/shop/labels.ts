import type { MessageKey } from "@coop/i18n";

// A marketplace part is an ordinary co-op order: both sites name methods and statuses with the
// shop's message keys, from these maps.
export type DeliveryMethod = "pickup" | "local" | "parcel";
export type PaymentMethod = "promptpay" | "bank_transfer" | "cod" | "stripe";
export type OrderStatus =
  | "pending_payment"
  | "payment_review"
  | "paid"
  | "packed"
  | "shipped"
  | "ready_for_pickup"
  | "completed"
  | "cancelled"
  | "refunded";

export const DELIVERY_LABEL = {
  pickup: "shop.delivery.pickup",
  local: "shop.delivery.local",
  parcel: "shop.delivery.parcel",
} as const satisfies Record<DeliveryMethod, MessageKey>;

export const PAYMENT_LABEL = {
  promptpay: "shop.payment.promptpay",
  bank_transfer: "shop.payment.bank_transfer",
  cod: "shop.payment.cod",
  stripe: "shop.payment.stripe",
} as const satisfies Record<PaymentMethod, MessageKey>;

export const PAYMENT_HINT = {
  promptpay: "shop.payment.promptpayHint",
  bank_transfer: "shop.payment.bank_transferHint",
  cod: "shop.payment.codHint",
  stripe: "shop.payment.stripeHint",
} as const satisfies Record<PaymentMethod, MessageKey>;

export const STATUS_LABEL = {
  pending_payment: "shop.status.pending_payment",
  payment_review: "shop.status.payment_review",
  paid: "shop.status.paid",
  packed: "shop.status.packed",
  shipped: "shop.status.shipped",
  ready_for_pickup: "shop.status.ready_for_pickup",
  completed: "shop.status.completed",
  cancelled: "shop.status.cancelled",
  refunded: "shop.status.refunded",
} as const satisfies Record<OrderStatus, MessageKey>;
