import { getAdminProduct, productRefInput } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const getInput = productRefInput;

export const get = memberProcedure("products.edit")
  .input(getInput)
  .query(({ ctx, input }) => getAdminProduct(ctx.db, ctx.tenant.id, input.productId));
