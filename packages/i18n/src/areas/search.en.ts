import type { searchTh } from "./search.th.ts";

/** English messages for the search area: exactly the Thai keys. */
export const searchEn: { readonly [K in keyof typeof searchTh]: string } = {
};
