import { checkSubdomain as check } from "@coop/core";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";

export const checkSubdomain = publicProcedure
  .input(z.object({ slug: z.string().max(100), hint: z.string().max(100).optional() }))
  .query(({ ctx, input }) => check(ctx.db, input.slug, input.hint));
