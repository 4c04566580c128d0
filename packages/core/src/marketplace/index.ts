// The marketplace on the network site (issue 7): one cart across co-ops, a checkout that places
// one order per co-op (all or none), and the marketplace order the customer follows.
export {
  getMarketCart, addToMarketCart, updateMarketCartItem, removeFromMarketCart, marketCartParts, clearMarketCart, purgeStaleMarketCarts,
} from "./cart.ts";
export type { MarketCartView, MarketCartGroup, MarketCartChange, MarketCoop, MarketLinks, MarketCartPart } from "./cart.ts";
export { getMarketCheckoutOptions, placeMarketplaceOrder, cancelMarketplaceOrder } from "./checkout.ts";
export type { MarketCheckoutOptions, MarketCheckoutPart, MarketCheckoutDeps, PlacedMarketplaceOrder, StartMarketplacePayment } from "./checkout.ts";
export { getMarketplaceOrder } from "./orders.ts";
export type { MarketplaceOrderView, MarketplaceOrderPart } from "./orders.ts";
export { marketCheckoutInput, marketCheckoutOptionsInput, marketOrderInput } from "./schemas.ts";
export type { MarketCheckoutInput, MarketCheckoutOptionsInput } from "./schemas.ts";
export { marketplaceTrackingToken, partTrackingToken } from "./tokens.ts";
