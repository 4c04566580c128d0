/** Thai messages for the network hub: home blocks, header menu, developer/open-data page (merged into th.ts; keys are prefixed "hub."). */
export const hubTh = {
} as const;
