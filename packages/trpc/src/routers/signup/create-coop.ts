import { AppError, hitRateLimit, signUpCoop, signUpCoopInput } from "@coop/core";
import { coopSiteUrl } from "../../site.ts";
import { publicProcedure } from "../../trpc.ts";

/** Signs a co-op up on the network; the browser then goes to the new site's back office, signed in. */
export const createCoop = publicProcedure.input(signUpCoopInput).mutation(async ({ ctx, input }) => {
  if (ctx.site.kind !== "network") throw new AppError("NOT_FOUND", "site.not_found");
  const limit = await hitRateLimit(ctx.db, `signup:ip:${ctx.request.ip}`, { limit: 10, windowSeconds: 3600 });
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "auth.too_many_attempts", { params: { minutes: Math.ceil(limit.retryAfterSeconds / 60) } });
  // Sign-up happens only on the network host, so "per site" is the whole network: 200 new co-ops an hour
  // is far above real demand and keeps a flood from many addresses from filling staff's review queue.
  const overall = await hitRateLimit(ctx.db, "signup:network", { limit: 200, windowSeconds: 3600 });
  if (!overall.allowed) throw new AppError("RATE_LIMITED", "auth.too_many_attempts", { params: { minutes: Math.ceil(overall.retryAfterSeconds / 60) } });
  const created = await signUpCoop(ctx.db, input, {
    locale: ctx.request.locale,
    verifyLinkFor: (slug, token) => `${coopSiteUrl(ctx.origins, slug)}/admin/verify-email?token=${encodeURIComponent(token)}`,
    staffReviewLinkFor: (tenantId) => `${ctx.origins.network}/staff/coops/${tenantId}`,
  });
  return {
    slug: created.slug,
    /** "pending": the back office opens now, the public site once regional staff approve it. */
    status: created.status,
    redirectTo: `${coopSiteUrl(ctx.origins, created.slug)}/admin/handoff?token=${encodeURIComponent(created.handoffToken)}`,
  };
});
