import { getOrderByTrackingToken, trackOrderInput } from "@coop/core";
import { coopProcedure } from "../../trpc.ts";

/** The customer's private tracking page: anyone holding the unguessable link, on that co-op's site only. */
export const track = coopProcedure.input(trackOrderInput).query(({ ctx, input }) => getOrderByTrackingToken(ctx.db, ctx.tenant.id, input.token));
