import type { coopStatusTh } from "./coop-status.th.ts";

/** English messages for a co-op's pending and suspended states in the back office and sign-up (keys and placeholders match coop-status.th.ts). */
export const coopStatusEn: { readonly [K in keyof typeof coopStatusTh]: string } = {
};
