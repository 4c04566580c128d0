/** Thai messages for the staff console's reports and audit log (merged into th.ts; keys are prefixed "staff.reports."). */
export const staffReportsTh = {
} as const;
