import { listAdminArticles, listAdminArticlesInput } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const listInput = listAdminArticlesInput;

/** The co-op's articles for the back office, filtered by status/topic and paged. */
export const list = memberProcedure("content.edit")
  .input(listInput)
  .query(({ ctx, input }) => listAdminArticles(ctx.db, ctx.tenant.id, input));
