import type { marketCartTh } from "./market-cart.th.ts";

/** English messages for the marketplace cart, checkout and order pages on the network site (UI; keys are prefixed "marketCart."). Same keys as the Thai file. */
export const marketCartEn: { readonly [K in keyof typeof marketCartTh]: string } = {
};
