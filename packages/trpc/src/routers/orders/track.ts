import { getOrderByTrackingToken, trackOrderInput } from "@coop/core";
import { orderLinkProcedure } from "../../trpc.ts";

/** The customer's private tracking page: anyone holding the unguessable link, on that co-op's site only (open or closed). */
export const track = orderLinkProcedure.input(trackOrderInput).query(({ ctx, input }) => getOrderByTrackingToken(ctx.db, ctx.tenant.id, input.token));
