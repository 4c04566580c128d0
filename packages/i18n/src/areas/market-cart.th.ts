/** Thai messages for the marketplace cart, checkout and order pages on the network site (UI; keys are prefixed "marketCart."). */
export const marketCartTh = {
} as const;
