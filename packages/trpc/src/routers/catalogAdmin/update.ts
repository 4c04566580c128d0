import { updateProduct, updateProductInput } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const updateInput = updateProductInput;

/** Saves the fields given that differ from the stored product. */
export const update = memberProcedure("products.edit")
  .input(updateInput)
  .mutation(({ ctx, input }) => updateProduct(ctx.db, ctx.tenant.id, ctx.user.id, input));
