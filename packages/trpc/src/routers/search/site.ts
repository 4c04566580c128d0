import { searchSite, searchSiteInput } from "@coop/core";
import { coopProcedure } from "../../trpc.ts";
import { limitSearch } from "./limits.ts";

/** A co-op site's search: that co-op's published articles and seminars and its listed products (the co-op comes from the Host). */
export const site = coopProcedure.input(searchSiteInput).query(async ({ ctx, input }) => {
  await limitSearch(ctx);
  return searchSite(ctx.db, ctx.tenant.id, input);
});
