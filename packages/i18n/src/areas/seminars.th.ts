/** Thai messages for the seminars area (merged into th.ts; keys are prefixed "seminar." (singular: "seminars.x" would read as a column reference)). */
export const seminarsTh = {
} as const;
