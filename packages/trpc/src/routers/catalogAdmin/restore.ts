import { productRefInput, restoreProduct } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const restoreInput = productRefInput;

export const restore = memberProcedure("products.edit")
  .input(restoreInput)
  .mutation(({ ctx, input }) => restoreProduct(ctx.db, ctx.tenant.id, ctx.user.id, input.productId));
