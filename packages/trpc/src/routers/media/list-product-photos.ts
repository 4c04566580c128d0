import { listProductPhotos as list, MAX_PHOTOS_PER_PRODUCT } from "@coop/core/media";
import { z } from "zod";
import { memberProcedure } from "../../trpc.ts";

export const listProductPhotosInput = z.object({ productId: z.uuid("validation.invalid") });

/** A product's photos in display order, with variant URLs for `srcset`. */
export const listProductPhotos = memberProcedure("products.edit")
  .input(listProductPhotosInput)
  .query(async ({ ctx, input }) => ({
    items: await list(ctx.db, { tenantId: ctx.tenant.id, productId: input.productId }),
    max: MAX_PHOTOS_PER_PRODUCT,
  }));
