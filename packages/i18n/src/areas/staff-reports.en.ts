import type { staffReportsTh } from "./staff-reports.th.ts";

/** English messages for the staff console's reports and audit log (keys and placeholders match staff-reports.th.ts). */
export const staffReportsEn: { readonly [K in keyof typeof staffReportsTh]: string } = {
};
