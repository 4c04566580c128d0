import { setArticleShared, setArticleSharedInput } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const shareInput = setArticleSharedInput;

/** Shares the article with the network (shown there while published), or stops sharing. */
export const share = memberProcedure("content.edit")
  .input(shareInput)
  .mutation(async ({ ctx, input }) => {
    await setArticleShared(ctx.db, ctx.tenant.id, ctx.user.id, input.articleId, input.shared);
    return { ok: true as const };
  });
