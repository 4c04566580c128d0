import type { shopStripeTh } from "./shop-stripe.th.ts";

/** English messages for card payments in the co-op shop and refunds in the back office (UI; keys are prefixed "stripeShop."). Same keys as the Thai file. */
export const shopStripeEn: { readonly [K in keyof typeof shopStripeTh]: string } = {
};
