import type { MessageKey } from "@coop/i18n";
import type { WebLoadContext } from "@coop/trpc";

type OrdersAdmin = WebLoadContext["trpc"]["ordersAdmin"];
/** An order as `ordersAdmin.get` returns it. */
export type AdminOrder = Awaited<ReturnType<OrdersAdmin["get"]>>;
/** A row of `ordersAdmin.list`. */
export type AdminOrderRow = Awaited<ReturnType<OrdersAdmin["list"]>>["items"][number];
export type OrderStatus = AdminOrder["status"];
export type PaymentMethod = AdminOrder["paymentMethod"];
export type DeliveryMethod = AdminOrder["deliveryMethod"];

export const ORDER_STATUSES = [
  "pending_payment", "payment_review", "paid", "packed", "shipped", "ready_for_pickup", "completed", "cancelled", "refunded",
] as const satisfies readonly OrderStatus[];
export const PAYMENT_METHODS = ["promptpay", "bank_transfer", "cod"] as const satisfies readonly PaymentMethod[];
export const DELIVERY_METHODS = ["pickup", "local", "parcel"] as const satisfies readonly DeliveryMethod[];

export const STATUS_LABEL = {
  pending_payment: "orders.status.pending_payment",
  payment_review: "orders.status.payment_review",
  paid: "orders.status.paid",
  packed: "orders.status.packed",
  shipped: "orders.status.shipped",
  ready_for_pickup: "orders.status.ready_for_pickup",
  completed: "orders.status.completed",
  cancelled: "orders.status.cancelled",
  refunded: "orders.status.refunded",
} as const satisfies Record<OrderStatus, MessageKey>;

export const ACTION_LABEL = {
  pending_payment: "admin.orders.action.pending_payment",
  payment_review: "admin.orders.action.payment_review",
  paid: "admin.orders.action.paid",
  packed: "admin.orders.action.packed",
  shipped: "admin.orders.action.shipped",
  ready_for_pickup: "admin.orders.action.ready_for_pickup",
  completed: "admin.orders.action.completed",
  cancelled: "admin.orders.action.cancelled",
  refunded: "admin.orders.action.refunded",
} as const satisfies Record<OrderStatus, MessageKey>;

export const PAYMENT_LABEL = {
  promptpay: "admin.orders.payment.promptpay",
  bank_transfer: "admin.orders.payment.bank_transfer",
  cod: "admin.orders.payment.cod",
  stripe: "admin.orders.payment.stripe",
} as const satisfies Record<PaymentMethod, MessageKey>;

export const DELIVERY_LABEL = {
  pickup: "admin.orders.delivery.pickup",
  local: "admin.orders.delivery.local",
  parcel: "admin.orders.delivery.parcel",
} as const satisfies Record<DeliveryMethod, MessageKey>;

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === "string" && (ORDER_STATUSES as readonly string[]).includes(value);
}

/** Moves that need a reason: rejecting a slip sends the order back to waiting for payment. */
export function needsReason(from: OrderStatus, to: OrderStatus): boolean {
  return from === "payment_review" && to === "pending_payment";
}

/** Moves that undo work or money (shown as danger buttons). */
export function isDestructive(to: OrderStatus): boolean {
  return to === "cancelled" || to === "refunded" || to === "pending_payment";
}

export const PAGE_SIZE = 25;

/** The list's filters, as they are in the address bar (strings; "" = not set). */
export interface OrderListQuery {
  status: OrderStatus | "";
  payment: PaymentMethod | "";
  delivery: DeliveryMethod | "";
  from: string;
  to: string;
  q: string;
  page: number;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | "" {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : "";
}

function isRealDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Reads the filters; anything unknown is dropped (a hand-edited address never breaks the page). */
export function readOrderQuery(url: URL): OrderListQuery {
  const p = url.searchParams;
  const day = (name: string) => {
    const value = (p.get(name) ?? "").trim();
    return isRealDay(value) ? value : "";
  };
  const page = Number.parseInt(p.get("page") ?? "1", 10);
  return {
    status: pick(p.get("status"), ORDER_STATUSES),
    payment: pick(p.get("payment"), PAYMENT_METHODS),
    delivery: pick(p.get("delivery"), DELIVERY_METHODS),
    from: day("from"),
    to: day("to"),
    q: (p.get("q") ?? "").trim().slice(0, 50),
    page: Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The filters as `ordersAdmin.list` / `ordersAdmin.csv` input. */
export function orderFilters(query: OrderListQuery) {
  return {
    status: query.status || undefined,
    paymentMethod: query.payment || undefined,
    deliveryMethod: query.delivery || undefined,
    from: query.from || undefined,
    to: query.to || undefined,
    search: query.q || undefined,
  };
}

function searchOf(query: OrderListQuery, withPage: boolean): string {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.payment) params.set("payment", query.payment);
  if (query.delivery) params.set("delivery", query.delivery);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (query.q) params.set("q", query.q);
  if (withPage && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

export function orderListHref(query: OrderListQuery): string {
  return `/admin/orders${searchOf(query, true)}`;
}

/** The CSV export of the same filters (every page). */
export function orderCsvHref(query: OrderListQuery): string {
  return `/admin/orders.csv${searchOf(query, false)}`;
}

export function isFiltered(query: OrderListQuery): boolean {
  return Boolean(query.status || query.payment || query.delivery || query.from || query.to || query.q);
}

/** A Thai postal address on lines: house and street, then ต./อ./จ. (แขวง/เขต in Bangkok), then the postcode. */
export function addressLines(address: NonNullable<AdminOrder["address"]>, provinceName: string | undefined): string[] {
  const bangkok = address.provinceCode === 10;
  const area = bangkok
    ? `แขวง${address.subdistrict} เขต${address.district}`
    : `ต.${address.subdistrict} อ.${address.district}`;
  const province = provinceName ? (bangkok ? provinceName : `จ.${provinceName}`) : "";
  return [address.line, area, `${province} ${address.postcode}`.trim()];
}
