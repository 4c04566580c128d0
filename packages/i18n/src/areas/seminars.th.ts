/** Thai messages for the seminars area (merged into th.ts; keys are prefixed "seminars."). */
export const seminarsTh = {
} as const;
