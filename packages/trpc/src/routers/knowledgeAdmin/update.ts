import { updateArticle, updateArticleInput } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const updateInput = updateArticleInput;

/** Saves the article's fields (the HTML is rendered again, the search index rewritten). */
export const update = memberProcedure("content.edit")
  .input(updateInput)
  .mutation(async ({ ctx, input }) => {
    const { articleId, ...fields } = input;
    await updateArticle(ctx.db, ctx.tenant.id, ctx.user.id, articleId, fields);
    return { ok: true as const };
  });
