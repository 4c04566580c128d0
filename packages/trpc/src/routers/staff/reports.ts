/** Staff console: reports and the audit log. */
export const reportProcedures = {};
