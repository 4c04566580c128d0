import type { marketplaceTh } from "./marketplace.th.ts";

/** English messages for the marketplace cart and split checkout (domain messages; keys are prefixed "marketplace."). Same keys as the Thai file. */
export const marketplaceEn: { readonly [K in keyof typeof marketplaceTh]: string } = {
  "marketplace.product_unavailable": "This product is no longer sold on the marketplace.",
  "marketplace.parts_missing": "Choose how to receive and pay for each co-op's items.",
  "marketplace.part_repeated": "The same co-op was chosen twice.",
  "marketplace.stripe_all_or_none": "Card or online PromptPay is only available as one payment for every co-op in the cart.",
  "marketplace.cart_changed": "Your cart has changed. Please review it and place the order again.",
  "marketplace.stripe_unavailable": "Card and online PromptPay payments are not available right now. Please pay each co-op directly.",
  "marketplace.stripe_failed": "The card payment page could not be opened. This order was cancelled and its items returned; please order again.",
  "marketplace.order_cancelled": "This order was cancelled. Please place a new order.",
  "marketplace.order_not_found": "Order not found. Please check the link.",
};
