import type { Context } from "hono";
import type { SiteResolver } from "./site-resolver.ts";

/**
 * Caddy's on-demand TLS "ask" endpoint (infra/compose/Caddyfile): before requesting a
 * certificate for a name, Caddy asks `GET /_tls/ask?domain=<name>` and proceeds only on 200.
 * Ours are the network's domain, the subdomain of every co-op that exists (a suspended or
 * pending co-op still needs its notice served over HTTPS) and every VERIFIED custom domain of a
 * co-op (packages/core/src/tenants/domains.ts); anything else, an added but unverified custom
 * domain included, gets 404, so nobody can make the platform request certificates for names it
 * does not serve or whose owner has not proved control through DNS.
 */
export function tlsAsk(sites: Pick<SiteResolver, "resolve">) {
  return async (c: Context): Promise<Response> => {
    const domain = c.req.query("domain")?.trim().toLowerCase() ?? "";
    if (!domain || domain.length > 253 || !/^[a-z0-9.-]+$/.test(domain)) return c.text("bad domain", 400);
    const site = await sites.resolve(domain);
    return site.kind === "unknown" ? c.text("not ours", 404) : c.text("ok", 200);
  };
}
