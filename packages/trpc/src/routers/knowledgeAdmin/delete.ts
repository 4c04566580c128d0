import { articleRefInput, deleteArticle } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const deleteInput = articleRefInput;

/** Deletes the article with its files. */
export const remove = memberProcedure("content.edit")
  .input(deleteInput)
  .mutation(async ({ ctx, input }) => {
    await deleteArticle(ctx.db, ctx.tenant.id, ctx.user.id, input.articleId);
    return { ok: true as const };
  });
