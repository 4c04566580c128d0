export { canTransition, nextStatuses, STOCK_RETURNING_STATUSES } from "./state-machine.ts";
export { placeOrder, placeOrderIn, findPlacedOrder, getCheckoutOptions } from "./place-order.ts";
export type { PlacedOrder, CheckoutOffer, PlaceOrderOptions } from "./place-order.ts";
export { announceStockChanged, onOrderPlaced, onStockChanged } from "./observers.ts";
export type { OrderPlacedListener, StockChangedListener } from "./observers.ts";
export { BANGKOK_AND_VICINITY, PARCEL_ZONES, parcelFeeFor, parcelZoneOf, thaiRegionOf } from "./parcel-zones.ts";
export type { ParcelFees, ParcelZone, ThaiRegion } from "./parcel-zones.ts";
export { transitionOrder } from "./transition-order.ts";
export { getOrder, getOrderByTrackingToken, listOrders, ordersCsv, ORDERS_CSV_MAX_ROWS } from "./queries.ts";
export { formatOrderNumber, orderNumberPrefix, parseOrderNumber } from "./number.ts";
export {
  placeOrderInput, checkoutInput, transitionOrderInput, listOrdersInput, trackOrderInput, orderIdInput, orderAddressSchema, orderItemsSchema, thaiMobileSchema,
} from "./schemas.ts";
export type { PlaceOrderInput, TransitionOrderInput, ListOrdersInput } from "./schemas.ts";
export type { TrackedOrder, OrderDetail, OrderSummary, OrderPage, OrderItemView, OrderEventView } from "./views.ts";
export { enqueueOrderPlacedNotices, LINE_PUSH_KIND } from "./notify.ts";
export type { OrderNoticeOptions, LinePushPayload } from "./notify.ts";
