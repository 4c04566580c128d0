import type { seminarsTh } from "./seminars.th.ts";

/** English messages for the seminars area: exactly the Thai keys. */
export const seminarsEn: { readonly [K in keyof typeof seminarsTh]: string } = {
};
