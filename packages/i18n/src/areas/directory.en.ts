import type { directoryTh } from "./directory.th.ts";

/** English messages for the directory area: exactly the Thai keys. */
export const directoryEn: { readonly [K in keyof typeof directoryTh]: string } = {
};
