/** Thai messages for a co-op's pending and suspended states in the back office and sign-up (merged into th.ts; keys are prefixed "coopStatus."). */
export const coopStatusTh = {
} as const;
