import { activityReport, activityReportInput } from "@coop/core";
import { consoleProcedure } from "./procedure.ts";

/**
 * Staff console: the three activities' report (the audit log is `staff.auditLog`). Thin: core
 * keeps every figure to the staff member's regions and refuses a region or province outside them.
 */
export const reportProcedures = {
  report: consoleProcedure.input(activityReportInput).query(({ ctx, input }) => activityReport(ctx.db, ctx.staff, input)),
};
