import { listPublicProducts as list } from "@coop/core";
import { z } from "zod";
import { coopProcedure } from "../../trpc.ts";

export const listPublicProductsInput = z
  .object({
    limit: z.number().int().min(1).max(100).default(48),
    offset: z.number().int().min(0).max(10_000).default(0),
  })
  .default({ limit: 48, offset: 0 });

export const listPublicProducts = coopProcedure
  .input(listPublicProductsInput)
  .query(async ({ ctx, input }) => ({ items: await list(ctx.db, ctx.tenant.id, input) }));
