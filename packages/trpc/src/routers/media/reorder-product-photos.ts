import { MAX_PHOTOS_PER_PRODUCT, reorderProductPhotos as reorder } from "@coop/core/media";
import { z } from "zod";
import { memberProcedure } from "../../trpc.ts";

export const reorderProductPhotosInput = z.object({
  productId: z.uuid("validation.invalid"),
  /** Every photo of the product, each once, in the new order (the first is the cover photo). */
  photoIds: z.array(z.uuid("validation.invalid")).max(MAX_PHOTOS_PER_PRODUCT, "media.reorder_mismatch"),
});

export const reorderProductPhotos = memberProcedure("products.edit")
  .input(reorderProductPhotosInput)
  .mutation(async ({ ctx, input }) => ({
    items: await reorder(ctx.db, { tenantId: ctx.tenant.id, actorUserId: ctx.user.id, productId: input.productId, photoIds: input.photoIds }),
  }));
