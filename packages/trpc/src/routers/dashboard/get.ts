import { getDashboard } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

/** The back-office home of the Host's co-op. */
export const get = memberProcedure("dashboard.view").query(({ ctx }) => getDashboard(ctx.db, ctx.tenant.id));
