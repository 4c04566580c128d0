import { removeProductPhoto as remove } from "@coop/core/media";
import { z } from "zod";
import { memberProcedure } from "../../trpc.ts";

export const removeProductPhotoInput = z.object({ photoId: z.uuid("validation.invalid") });

/** Removes a photo; its files are deleted afterwards by the outbox worker. */
export const removeProductPhoto = memberProcedure("products.edit")
  .input(removeProductPhotoInput)
  .mutation(async ({ ctx, input }) => {
    await remove(ctx.db, { tenantId: ctx.tenant.id, actorUserId: ctx.user.id, photoId: input.photoId });
    return { ok: true as const };
  });
