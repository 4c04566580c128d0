/** Thai messages for the marketplace cart and split checkout (domain messages; keys are prefixed "marketplace."). */
export const marketplaceTh = {
} as const;
