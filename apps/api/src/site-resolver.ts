import { findTenantByCustomDomain, findTenantBySlug, type PublicTenant, parseHost } from "@coop/core";
import type { Database, Kysely } from "@coop/db";
import type { Site } from "@coop/trpc";

/** A host name worth looking up as a custom domain (anything else is unknown without a query). */
const DOMAIN_SHAPE = /^(?=.{4,253}$)[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/**
 * Turns a Host header into a Site: the network, `<slug>.<ROOT_DOMAIN>`, or a co-op's verified
 * custom domain (an added but unverified one stays unknown). Co-op lookups are cached briefly so
 * that a busy site costs one indexed query every few seconds, not one per request; a status or
 * domain change shows within `ttlMs` everywhere, or at once where `forget` is called.
 */
export class SiteResolver {
  readonly #cache = new Map<string, { site: Site; expires: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly rootDomain: string,
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  async resolve(host: string | undefined): Promise<Site> {
    const target = parseHost(host, this.rootDomain);
    if (target.kind === "network") return { kind: "network" };
    if (target.kind === "foreign" && !DOMAIN_SHAPE.test(target.host)) return { kind: "unknown", slug: target.host };
    // Slugs have no dot and custom domains always do, so one cache serves both.
    const key = target.kind === "coop" ? target.slug : target.host;
    const now = Date.now();
    const hit = this.#cache.get(key);
    if (hit && hit.expires > now) return hit.site;
    const tenant = target.kind === "coop" ? await findTenantBySlug(this.db, key) : await findTenantByCustomDomain(this.db, key);
    const site = siteOf(tenant, key);
    if (this.#cache.size >= this.maxEntries) this.#cache.clear();
    this.#cache.set(key, { site, expires: now + this.ttlMs });
    return site;
  }

  /** Drops a slug or custom domain from the cache; a slug also drops the co-op's custom domain (a status change). */
  forget(slugOrDomain: string): void {
    const key = slugOrDomain.toLowerCase();
    this.#cache.delete(key);
    if (key.includes(".")) return;
    for (const [cached, { site }] of this.#cache) {
      if (site.kind !== "unknown" && site.kind !== "network" && site.tenant.slug === key) this.#cache.delete(cached);
    }
  }
}

// Kind "suspended" means "closed to the public, open to its own team": a co-op suspended by
// staff or one still waiting for approval (`tenant.status` tells the two apart). Both keep
// their back office; neither serves shop pages, feeds or public procedures.
function siteOf(tenant: PublicTenant | null, key: string): Site {
  if (tenant === null) return { kind: "unknown", slug: key };
  return tenant.status === "active" ? { kind: "coop", tenant } : { kind: "suspended", tenant };
}
