// The marketplace's parts are ordinary co-op orders: their methods and statuses read as in the shop
// (the shop's message keys), so both sites name them the same way.
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

export const deliveryLabel = <M extends DeliveryMethod>(method: M) => `shop.delivery.${method}` as const;
export const paymentLabel = <M extends PaymentMethod>(method: M) => `shop.payment.${method}` as const;
export const paymentHint = <M extends PaymentMethod>(method: M) => `shop.payment.${method}Hint` as const;
export const statusLabel = <S extends OrderStatus>(status: S) => `shop.status.${status}` as const;
