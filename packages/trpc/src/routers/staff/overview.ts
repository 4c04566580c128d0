import { coopFigures, coopFiguresInput, coopTimeline, coopTimelineInput, regionOverview, regionOverviewInput } from "@coop/core";
import { consoleProcedure } from "./procedure.ts";

/** Staff console: region overview, a co-op's figures over time and its activity timeline. Core scopes every read to the staff member's regions. */
export const overviewProcedures = {
  overview: consoleProcedure.input(regionOverviewInput).query(({ ctx, input }) => regionOverview(ctx.db, ctx.staff, input)),
  coopFigures: consoleProcedure.input(coopFiguresInput).query(({ ctx, input }) => coopFigures(ctx.db, ctx.staff, input.tenantId, { from: input.from, to: input.to })),
  coopTimeline: consoleProcedure.input(coopTimelineInput).query(({ ctx, input }) => coopTimeline(ctx.db, ctx.staff, input)),
};
