import { listAuditEvents } from "@coop/core";
import { z } from "zod";
import { memberProcedure } from "../../trpc.ts";

export const list = memberProcedure("audit.view")
  .input(z.object({ before: z.iso.datetime().optional(), limit: z.number().int().min(1).max(100).default(50) }).default({ limit: 50 }))
  .query(async ({ ctx, input }) => ({ items: await listAuditEvents(ctx.db, ctx.tenant.id, input) }));
