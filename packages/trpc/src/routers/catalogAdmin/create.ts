import { createProduct, createProductInput } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const createInput = createProductInput;

export const create = memberProcedure("products.edit")
  .input(createInput)
  .mutation(({ ctx, input }) => createProduct(ctx.db, ctx.tenant.id, ctx.user.id, input));
