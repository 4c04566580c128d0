export {
  getCart, addToCart, updateCartItem, removeFromCart, cartOrderLines, clearCart,
  cartItemInput, cartUpdateInput, cartRemoveInput, MAX_CART_LINES, MAX_LINE_QUANTITY,
} from "./cart.ts";
export type { CartView, CartLine, CartChange, CartItemInput, CartUpdateInput, CartRemoveInput } from "./cart.ts";
export { purgeStaleCarts, CART_MAX_IDLE_DAYS } from "./purge.ts";
