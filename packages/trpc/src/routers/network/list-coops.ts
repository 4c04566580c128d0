import { listActiveCoops } from "@coop/core";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";

export const listCoopsInput = z
  .object({
    limit: z.number().int().min(1).max(100).default(60),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .default({ limit: 60, offset: 0 });

/** Every active co-op in the network (a public, cross-tenant read of profiles only). */
export const listCoops = publicProcedure
  .input(listCoopsInput)
  .query(async ({ ctx, input }) => ({ items: await listActiveCoops(ctx.db, input) }));
