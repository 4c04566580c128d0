import { coopProcedure } from "../../trpc.ts";

/** The co-op whose site this request is for. */
export const current = coopProcedure.query(({ ctx }) => ctx.tenant);
