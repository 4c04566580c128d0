import { createHash } from "node:crypto";
import { onOrderPlaced, onStockChanged } from "@coop/core";
import { type CachedPage, MemoryPageStore } from "./memory-store.ts";
import { NETWORK_WIDE, RedisPageStore } from "./redis-store.ts";

export type { CachedPage } from "./memory-store.ts";

export interface PageCacheOptions {
  /** Budget of the in-process store (bodies, headers and keys). */
  maxBytes: number;
  /** How long a page is served after it was rendered, at most; changes invalidate sooner. */
  ttlMs: number;
  /** When set, pages and versions are shared through Redis by every process using it. */
  redisUrl?: string;
  /** Namespace of the keys in Redis (tests give each run its own). */
  redisPrefix?: string;
  /** Where the one-line notices go (Redis lost and found again). */
  log: (message: string) => void;
}

/** What a lookup found, and how to store the page rendered after a miss (bound to the version read before rendering). */
export interface PageLookup {
  page: CachedPage | null;
  store(page: Omit<CachedPage, "etag" | "expiresAt">): CachedPage;
}

/** A strong validator: the same bytes always give the same tag, on every process. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/**
 * Rendered public pages of the co-op sites, per co-op and version.
 *
 * Invalidation is by version, never by finding keys: each co-op has a counter that every
 * change to its public pages bumps, and the counter is part of every key. The version is read
 * before a page is rendered and the page is stored under that version, so a page rendered from
 * data older than a change can never be stored under the version that follows the change —
 * within one process a committed change is never followed by an older page. With Redis the
 * counter is shared (INCR) and read on every cacheable request, so every process sees a change
 * as soon as the request that made it has answered. Pages of old versions are simply never
 * asked for again; the LRU (memory) and the TTL (Redis) drop them.
 */
export class PageCache {
  readonly #memory: MemoryPageStore;
  readonly #redis: RedisPageStore | null;
  readonly #localVersions = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #unsubscribe: () => void;

  constructor(options: PageCacheOptions) {
    this.#memory = new MemoryPageStore(options.maxBytes);
    this.#ttlMs = options.ttlMs;
    this.#redis = options.redisUrl ? new RedisPageStore(options.redisUrl, { log: options.log, prefix: options.redisPrefix }) : null;
    // Orders change stock (and "sold out") on the co-op's pages, whoever placed them: its own
    // site, the marketplace on the network host, or a payment webhook.
    const unsubscribers = [
      onOrderPlaced((event) => void this.bump(event.tenantId)),
      // Stock a payment event or a job changed: no request on the co-op's host saw it.
      onStockChanged((event) => void this.bump(event.tenantId)),
    ];
    this.#unsubscribe = () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  get sharedThroughRedis(): boolean {
    return this.#redis !== null;
  }

  /** Waits (briefly) for Redis at start, so the first requests already share pages. */
  async whenReady(timeoutMs?: number): Promise<boolean> {
    return this.#redis ? this.#redis.whenReady(timeoutMs) : true;
  }

  /**
   * Looks a page up by co-op and variant (path, sorted query, locale). The memory key carries
   * both this process's counter and the shared one: a change made here while Redis was
   * unreachable still invalidates here.
   */
  async lookup(tenantId: string, variant: string): Promise<PageLookup> {
    const local = `${this.#localVersions.get(tenantId) ?? 0}.${this.#localVersions.get(NETWORK_WIDE) ?? 0}`;
    const shared = this.#redis ? await this.#redis.version(tenantId) : null;
    const memoryKey = `${tenantId}|${shared ?? "-"}|${local}|${variant}`;
    const redisKey = shared === null ? null : `${tenantId}|${shared}|${variant}`;
    let page = this.#memory.get(memoryKey) ?? null;
    if (!page && redisKey && this.#redis) {
      page = await this.#redis.get(redisKey);
      if (page && page.expiresAt > Date.now()) this.#memory.set(memoryKey, page);
      else page = null;
    }
    return {
      page,
      store: (rendered) => {
        const stored: CachedPage = { ...rendered, etag: etagOf(rendered.body), expiresAt: Date.now() + this.#ttlMs };
        this.#memory.set(memoryKey, stored);
        if (redisKey) this.#redis?.set(redisKey, stored);
        return stored;
      },
    };
  }

  /**
   * After a committed change to the co-op's public pages: every cached page of it is out of date.
   * `NETWORK_WIDE` for a change every co-op site may show (an article shared with the network).
   */
  async bump(tenantId: string): Promise<void> {
    this.#localVersions.set(tenantId, (this.#localVersions.get(tenantId) ?? 0) + 1);
    await this.#redis?.bump(tenantId);
  }

  get stats(): { entries: number; bytes: number; maxBytes: number } {
    return { entries: this.#memory.size, bytes: this.#memory.bytes, maxBytes: this.#memory.maxBytes };
  }

  async close(): Promise<void> {
    this.#unsubscribe();
    await this.#redis?.close();
  }
}
