import { articleRefInput, fileRefInput, listArticleFiles, removeArticleFile } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const filesInput = articleRefInput;
export const deleteFileInput = fileRefInput;

/** An article's images and PDFs (uploads go through the API's upload routes). */
export const files = memberProcedure("content.edit")
  .input(filesInput)
  .query(({ ctx, input }) => listArticleFiles(ctx.db, ctx.tenant.id, input.articleId));

export const deleteFile = memberProcedure("content.edit")
  .input(deleteFileInput)
  .mutation(async ({ ctx, input }) => {
    await removeArticleFile(ctx.db, ctx.tenant.id, ctx.user.id, input.fileId);
    return { ok: true as const };
  });
