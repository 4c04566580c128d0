import { coopSiteUrl } from "../../site.ts";
import { resendVerification as resend, verifyEmail as verify } from "@coop/core";
import { z } from "zod";
import { publicProcedure, signedInProcedure } from "../../trpc.ts";

export const verifyEmail = publicProcedure
  .input(z.object({ token: z.string().min(10, "auth.link_invalid").max(200, "auth.link_invalid") }))
  .mutation(async ({ ctx, input }) => {
    await verify(ctx.db, input.token);
    return { ok: true as const };
  });

export const resendVerification = signedInProcedure.mutation(async ({ ctx }) => {
  const base = ctx.site.kind === "coop" ? coopSiteUrl(ctx.origins, ctx.site.tenant.slug) : ctx.origins.network;
  const path = ctx.site.kind === "coop" ? "/admin/verify-email" : "/staff/verify-email";
  await resend(ctx.db, ctx.user.id, { locale: ctx.request.locale, linkFor: (token) => `${base}${path}?token=${encodeURIComponent(token)}` });
  return { ok: true as const };
});
