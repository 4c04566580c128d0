import { setArticleStatus, setArticleStatusInput } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const setStatusInput = setArticleStatusInput;

/** Publishes the article, or takes it back to draft. */
export const setStatus = memberProcedure("content.edit")
  .input(setStatusInput)
  .mutation(async ({ ctx, input }) => {
    await setArticleStatus(ctx.db, ctx.tenant.id, ctx.user.id, input.articleId, input.status);
    return { ok: true as const };
  });
