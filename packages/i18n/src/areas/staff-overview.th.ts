/** Thai messages for the staff console's region overview and province map (merged into th.ts; keys are prefixed "staff.overview."). */
export const staffOverviewTh = {
} as const;
