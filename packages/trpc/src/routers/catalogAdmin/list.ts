import { listAdminProducts, listAdminProductsInput } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const listInput = listAdminProductsInput;

/** The co-op's products for the back office, searched, filtered and paged, with the total. */
export const list = memberProcedure("products.edit")
  .input(listInput)
  .query(({ ctx, input }) => listAdminProducts(ctx.db, ctx.tenant.id, input));
