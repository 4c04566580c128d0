/** Thai messages for card payments through Stripe Connect (merged into th.ts; keys are prefixed "payments."). */
export const paymentsTh = {
} as const;
