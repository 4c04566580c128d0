import type { staffNetworkTh } from "./staff-network.th.ts";

/** English messages for staff acting for co-ops in the ศพก. network (keys and placeholders match staff-network.th.ts). */
export const staffNetworkEn: { readonly [K in keyof typeof staffNetworkTh]: string } = {
};
