import type { hubTh } from "./hub.th.ts";

/** English messages for the network hub: exactly the Thai keys. */
export const hubEn: { readonly [K in keyof typeof hubTh]: string } = {
};
