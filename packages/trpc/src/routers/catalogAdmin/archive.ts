import { archiveProduct, productRefInput } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const archiveInput = productRefInput;

export const archive = memberProcedure("products.edit")
  .input(archiveInput)
  .mutation(({ ctx, input }) => archiveProduct(ctx.db, ctx.tenant.id, ctx.user.id, input.productId));
