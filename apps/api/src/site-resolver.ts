import { findTenantBySlug, parseHost } from "@coop/core";
import type { Database, Kysely } from "@coop/db";
import type { Site } from "@coop/trpc";

/**
 * Turns a Host header into a Site. Co-op lookups are cached briefly so that a busy site
 * costs one indexed query every few seconds, not one per request; a status change (approve,
 * suspend, restore) shows within `ttlMs` everywhere, or at once where `forget` is called.
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
    if (target.kind === "foreign") return { kind: "unknown", slug: target.host };
    const now = Date.now();
    const hit = this.#cache.get(target.slug);
    if (hit && hit.expires > now) return hit.site;
    const tenant = await findTenantBySlug(this.db, target.slug);
    // Kind "suspended" means "closed to the public, open to its own team": a co-op suspended by
    // staff or one still waiting for approval (`tenant.status` tells the two apart). Both keep
    // their back office; neither serves shop pages, feeds or public procedures.
    const site: Site =
      tenant === null ? { kind: "unknown", slug: target.slug } : tenant.status === "active" ? { kind: "coop", tenant } : { kind: "suspended", tenant };
    if (this.#cache.size >= this.maxEntries) this.#cache.clear();
    this.#cache.set(target.slug, { site, expires: now + this.ttlMs });
    return site;
  }

  forget(slug: string): void {
    this.#cache.delete(slug);
  }
}
