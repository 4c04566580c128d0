import { listStockMovements, stockHistoryInput as input } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const stockHistoryInput = input;

export const stockHistory = memberProcedure("products.edit")
  .input(stockHistoryInput)
  .query(async ({ ctx, input }) => ({ items: await listStockMovements(ctx.db, ctx.tenant.id, input) }));
