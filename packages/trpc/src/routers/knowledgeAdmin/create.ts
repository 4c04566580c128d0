import { createArticle, createArticleInput } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const createInput = createArticleInput;

/** A new draft article. */
export const create = memberProcedure("content.edit")
  .input(createInput)
  .mutation(({ ctx, input }) => createArticle(ctx.db, ctx.tenant.id, ctx.user.id, input));
