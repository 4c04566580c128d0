import type { marketplaceTh } from "./marketplace.th.ts";

/** English messages for the marketplace cart and split checkout (domain messages; keys are prefixed "marketplace."). Same keys as the Thai file. */
export const marketplaceEn: { readonly [K in keyof typeof marketplaceTh]: string } = {
};
