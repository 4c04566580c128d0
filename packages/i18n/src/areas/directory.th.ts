/** Thai messages for the directory area (merged into th.ts; keys are prefixed "directory."). */
export const directoryTh = {
} as const;
