import { adjustStock as adjust, adjustStockInput as input } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const adjustStockInput = input;

/** Adds (delta > 0) or removes stock with a reason; refused with catalog.stock_negative below zero. */
export const adjustStock = memberProcedure("products.edit")
  .input(adjustStockInput)
  .mutation(({ ctx, input }) => adjust(ctx.db, ctx.tenant.id, ctx.user.id, input));
