import { previewArticle, previewArticleInput } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const previewInput = previewArticleInput;

/** The live preview: the body rendered and sanitised exactly as saving would. */
export const preview = memberProcedure("content.edit")
  .input(previewInput)
  .query(({ ctx, input }) => previewArticle(ctx.tenant.id, input.bodyMd));
