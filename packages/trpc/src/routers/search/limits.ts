import { AppError, hitRateLimit } from "@coop/core";
import type { TrpcContext } from "../../context.ts";

/**
 * Searches are the most expensive public reads. One address may search 60 times a minute
 * (a person types far slower; a scraper does not), and one site — a co-op's host, or the
 * network host — takes at most 1,200 a minute from everybody, so a flood aimed at one co-op
 * cannot use up the database for the others.
 */
export const SEARCH_LIMITS = {
  perIp: { limit: 60, windowSeconds: 60 },
  perSite: { limit: 1_200, windowSeconds: 60 },
};

/** Counts one search by this request's address and host; refuses with 429 and the wait once either is spent. */
export async function limitSearch(ctx: Pick<TrpcContext, "db" | "request" | "site">): Promise<void> {
  const site = ctx.site.kind === "coop" || ctx.site.kind === "suspended" ? `coop:${ctx.site.tenant.id}` : "network";
  const byIp = await hitRateLimit(ctx.db, `search:ip:${ctx.request.ip}`, SEARCH_LIMITS.perIp);
  const bySite = await hitRateLimit(ctx.db, `search:site:${site}`, SEARCH_LIMITS.perSite);
  if (!byIp.allowed || !bySite.allowed) {
    const seconds = Math.max(byIp.allowed ? 0 : byIp.retryAfterSeconds, bySite.allowed ? 0 : bySite.retryAfterSeconds);
    throw new AppError("RATE_LIMITED", "site.too_many_requests", { params: { seconds }, detail: `search ip=${ctx.request.ip} site=${site}` });
  }
}
