import { emailSchema, passwordSchema, requestPasswordReset as request, resetPassword as reset } from "@coop/core";
import { z } from "zod";
import { clearedSessionCookie } from "../../cookies.ts";
import { coopSiteUrl } from "../../site.ts";
import { coopAccountProcedure, publicProcedure } from "../../trpc.ts";

const tokenSchema = z.string().min(10, "auth.link_invalid").max(200, "auth.link_invalid");

/**
 * The reset link points to the back office of the co-op whose site the request came from,
 * built from the platform's configured origins — never from the request's Host header.
 */
export const requestPasswordReset = coopAccountProcedure.input(z.object({ email: emailSchema })).mutation(async ({ ctx, input }) => {
  const base = coopSiteUrl(ctx.origins, ctx.tenant.slug);
  await request(ctx.db, {
    email: input.email,
    ip: ctx.request.ip,
    locale: ctx.request.locale,
    linkFor: (token) => `${base}/admin/reset-password?token=${encodeURIComponent(token)}`,
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
