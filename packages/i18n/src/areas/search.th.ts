/** Thai messages for the search area (merged into th.ts; keys are prefixed "search."). */
export const searchTh = {
} as const;
