import type { staffOverviewTh } from "./staff-overview.th.ts";

/** English messages for the staff console's region overview and province map (keys and placeholders match staff-overview.th.ts). */
export const staffOverviewEn: { readonly [K in keyof typeof staffOverviewTh]: string } = {
};
