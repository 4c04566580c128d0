import { articleRefInput, getAdminArticle } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const getInput = articleRefInput;

/** One article with its files, for the editor. */
export const get = memberProcedure("content.edit")
  .input(getInput)
  .query(({ ctx, input }) => getAdminArticle(ctx.db, ctx.tenant.id, input.articleId));
