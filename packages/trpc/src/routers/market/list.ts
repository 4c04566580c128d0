import { listMarketProducts, marketQueryInput } from "@coop/core";
import { publicProcedure } from "../../trpc.ts";
import { limitSearch } from "../search/limits.ts";

/** The network marketplace: listed products of every active co-op, filtered, searched and sorted. */
export const list = publicProcedure.input(marketQueryInput).query(async ({ ctx, input }) => {
  // Browsing is not limited; a text search counts like any other search.
  if (input.q?.trim()) await limitSearch(ctx);
  return listMarketProducts(ctx.db, input);
});
