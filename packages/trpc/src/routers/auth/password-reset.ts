import { emailSchema, passwordSchema, requestPasswordReset as request, resetPassword as reset } from "@coop/core";
import { z } from "zod";
import { clearedSessionCookie } from "../../cookies.ts";
import { publicProcedure } from "../../trpc.ts";

const tokenSchema = z.string().min(10, "auth.link_invalid").max(200, "auth.link_invalid");

/** The reset link points back to the host the request came from (a co-op's back office or the network). */
export const requestPasswordReset = publicProcedure.input(z.object({ email: emailSchema })).mutation(async ({ ctx, input }) => {
  const base = ctx.site.kind === "network" ? ctx.origins.network : `${ctx.request.secure ? "https" : "http"}://${ctx.request.host}`;
  const path = ctx.site.kind === "network" ? "/staff/reset-password" : "/admin/reset-password";
  await request(ctx.db, {
    email: input.email,
    ip: ctx.request.ip,
    locale: ctx.request.locale,
    linkFor: (token) => `${base}${path}?token=${encodeURIComponent(token)}`,
  });
  return { ok: true as const };
});

export const resetPassword = publicProcedure
  .input(z.object({ token: tokenSchema, password: passwordSchema }))
  .mutation(async ({ ctx, input }) => {
    await reset(ctx.db, input.token, input.password);
    ctx.responseCookies.push(clearedSessionCookie(ctx.request.secure));
    return { ok: true as const };
  });
