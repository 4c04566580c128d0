/** Thai messages for card payments in the co-op shop and refunds in the back office (UI; keys are prefixed "stripeShop."). */
export const shopStripeTh = {
} as const;
