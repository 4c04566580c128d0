import { listMarketProducts, marketQueryInput } from "@coop/core";
import { publicProcedure } from "../../trpc.ts";

/** The network marketplace: listed products of every active co-op, filtered, searched and sorted. */
export const list = publicProcedure.input(marketQueryInput).query(({ ctx, input }) => listMarketProducts(ctx.db, input));
