/** Thai messages for the knowledge area (merged into th.ts; keys are prefixed "knowledge."). */
export const knowledgeTh = {
} as const;
