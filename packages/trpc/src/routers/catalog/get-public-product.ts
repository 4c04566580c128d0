import { getPublicProduct as get } from "@coop/core";
import { z } from "zod";
import { coopProcedure } from "../../trpc.ts";

/** One product's public page data; NOT_FOUND for hidden, archived or another co-op's products. */
export const getPublicProduct = coopProcedure
  .input(z.object({ productId: z.string().max(64) }))
  .query(({ ctx, input }) => get(ctx.db, ctx.tenant.id, input.productId));
