import type { DeliveryMethod, OrderAddress, OrderStatus, PaymentMethod, ProductUnit } from "@coop/db";

export interface OrderItemView {
  productId: string;
  nameTh: string;
  nameEn: string | null;
  unit: ProductUnit;
  unitPriceSatang: number;
  quantity: number;
  lineTotalSatang: number;
}

export interface OrderEventView {
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  /** ISO time */
  at: string;
  note: string | null;
}

/** Where a customer pays a co-op by transfer or PromptPay. */
export interface CoopPaymentDetails {
  promptpayId: string | null;
  bank: { name: string; accountNo: string; accountName: string } | null;
}

/** An order's lines and money, as its customer sees them (a co-op's order, or one co-op's part of a market order). */
export interface CustomerOrderLines {
  number: string;
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  deliveryMethod: DeliveryMethod;
  items: OrderItemView[];
  subtotalSatang: number;
  deliveryFeeSatang: number;
  totalSatang: number;
}

/** What the customer's private tracking link shows. */
export interface TrackedOrder extends CustomerOrderLines {
  /** Given back so far (card refunds, or recorded by the co-op); 0 for most orders. */
  amountRefundedSatang: number;
  /** Stripe orders: the payment page while the order waits for payment and the page has not expired; else null. */
  payUrl: string | null;
  /** Stripe orders: when the payment page stops taking payment (ISO time); else null. */
  expiresAt: string | null;
  createdAt: string;
  events: OrderEventView[];
  coop: CoopPaymentDetails;
}

export interface OrderSummary {
  id: string;
  number: string;
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  deliveryMethod: DeliveryMethod;
  customerName: string;
  customerPhone: string;
  totalSatang: number;
  itemCount: number;
  createdAt: string;
}

export interface OrderDetail extends Omit<OrderSummary, "itemCount"> {
  customerEmail: string | null;
  address: OrderAddress | null;
  notes: string | null;
  items: OrderItemView[];
  subtotalSatang: number;
  deliveryFeeSatang: number;
  /** Given back so far (card refunds through Stripe, or refunds the co-op recorded). */
  amountRefundedSatang: number;
  /** Stripe orders: the payment page while it can still be paid; else null. */
  payUrl: string | null;
  /** Stripe orders: when the payment page stops taking payment (ISO time); else null. */
  expiresAt: string | null;
  updatedAt: string;
  events: Array<OrderEventView & { actor: { id: string; displayName: string } | null }>;
  /** Where the order may go now (buttons in the back office). */
  nextStatuses: OrderStatus[];
}

export interface OrderPage {
  items: OrderSummary[];
  total: number;
  page: number;
  pageSize: number;
}
