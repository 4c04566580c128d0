/** Thai messages for staff acting for co-ops in the ศพก. network (merged into th.ts; keys are prefixed "staff.network."). */
export const staffNetworkTh = {
} as const;
