import { resendVerification as resend, verifyEmail as verify } from "@coop/core";
import { coopSiteUrl } from "../../site.ts";
import { z } from "zod";
import { coopAccountProcedure, publicProcedure } from "../../trpc.ts";
import { AppError } from "@coop/core";

export const verifyEmail = publicProcedure
  .input(z.object({ token: z.string().min(10, "auth.link_invalid").max(200, "auth.link_invalid") }))
  .mutation(async ({ ctx, input }) => {
    await verify(ctx.db, input.token);
    return { ok: true as const };
  });

export const resendVerification = coopAccountProcedure.mutation(async ({ ctx }) => {
  if (!ctx.auth) throw new AppError("UNAUTHENTICATED", "auth.sign_in_required");
  const base = coopSiteUrl(ctx.origins, ctx.tenant.slug);
  await resend(ctx.db, ctx.auth.user.id, { locale: ctx.request.locale, linkFor: (token) => `${base}/admin/verify-email?token=${encodeURIComponent(token)}` });
  return { ok: true as const };
});
