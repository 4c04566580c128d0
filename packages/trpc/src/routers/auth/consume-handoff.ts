import { consumeHandoff as consume } from "@coop/core";
import { z } from "zod";
import { sessionCookie } from "../../cookies.ts";
import { coopAccountProcedure } from "../../trpc.ts";

/** After sign-up on the network, the new owner's first session is made on the co-op's own host. */
export const consumeHandoff = coopAccountProcedure
  .input(z.object({ token: z.string().min(10, "auth.link_invalid").max(200, "auth.link_invalid") }))
  .mutation(async ({ ctx, input }) => {
    const session = await consume(ctx.db, {
      token: input.token,
      tenantId: ctx.tenant.id,
      host: ctx.request.host,
      ip: ctx.request.ip,
      userAgent: ctx.request.userAgent,
    });
    ctx.responseCookies.push(sessionCookie(session.token, session.expiresAt, ctx.request.secure));
    return { ok: true as const };
  });
