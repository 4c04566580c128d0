/** Staff console: region overview and province map procedures. */
export const overviewProcedures = {};
