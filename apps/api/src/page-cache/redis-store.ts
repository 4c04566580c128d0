import { Redis } from "ioredis";
import type { CachedPage } from "./memory-store.ts";

/** The counter of what every co-op site shows (network-wide knowledge): bumping it invalidates every page. */
export const NETWORK_WIDE = "*";

/** Short enough that a Redis in trouble costs a page request a few milliseconds, not seconds. */
const COMMAND_TIMEOUT_MS = 250;

/**
 * The part of the page cache that several app processes share: one version counter per co-op
 * (INCR on every change, read on every cacheable request) and the rendered pages themselves.
 *
 * Redis is an accelerator, never a dependency: every call answers `null` (or does nothing) when
 * Redis cannot be reached, the cache then works from memory alone, and one line is logged when
 * it goes away and one when it is back. Commands are never queued while disconnected
 * (`enableOfflineQueue: false`), so an outage makes requests fail over at once instead of waiting.
 */
export class RedisPageStore {
  readonly #client: Redis;
  readonly #log: (message: string) => void;
  readonly #prefix: string;
  #down = false;
  #closing = false;
  /** Co-ops whose version could not be bumped in Redis: bumped as soon as it is reachable again. */
  readonly #unsyncedBumps = new Set<string>();

  constructor(url: string, options: { log: (message: string) => void; prefix?: string }) {
    this.#log = options.log;
    this.#prefix = options.prefix ?? "coop:page:";
    this.#client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 2_000,
      // Keep trying in the background, at most every 5 s; requests never wait for it.
      retryStrategy: (times) => Math.min(200 * times, 5_000),
    });
    this.#client.on("error", (error: Error) => this.#failed(error));
    // A lost connection is not always an "error" (Redis restarted cleanly): its closing says it.
    this.#client.on("close", () => {
      if (!this.#closing) this.#failed(new Error("connection closed"));
    });
    this.#client.on("ready", () => this.#recovered());
  }

  #recovered(): void {
    if (this.#down) this.#log("page cache: Redis is reachable again; pages are shared between processes once more");
    this.#down = false;
    if (this.#unsyncedBumps.size > 0) void this.#flushBumps();
  }

  /**
   * A command failed. While disconnected that is expected (the connection's own "error" event
   * has reported the outage, or the first connection is still being made); while connected it is
   * news (a timeout, an out-of-memory Redis) and is reported like an outage.
   */
  #commandFailed(error: unknown): void {
    if (this.#client.status === "ready") this.#failed(error);
  }

  #failed(error: unknown): void {
    if (this.#down) return;
    this.#down = true;
    this.#log(`page cache: Redis unavailable (${(error as Error)?.message ?? String(error)}); serving from this process's memory only`);
  }

  async #flushBumps(): Promise<void> {
    for (const tenantId of [...this.#unsyncedBumps]) {
      try {
        await this.#client.incr(this.#versionKey(tenantId));
        this.#unsyncedBumps.delete(tenantId);
      } catch (error) {
        this.#commandFailed(error);
        return;
      }
    }
  }

  #versionKey(tenantId: string): string {
    return `${this.#prefix}v:${tenantId}`;
  }

  /**
   * The shared version of the co-op's pages — its own counter and the network-wide one
   * (NETWORK_WIDE), read in one round trip — or null when Redis cannot say.
   */
  async version(tenantId: string): Promise<string | null> {
    try {
      const [own, network] = await this.#client.mget(this.#versionKey(tenantId), this.#versionKey(NETWORK_WIDE));
      // A command that timed out while connected marked Redis down without a reconnection to say it is back.
      if (this.#down || this.#unsyncedBumps.size > 0) this.#recovered();
      // A change has not reached Redis yet: the shared pages are older than it.
      if (this.#unsyncedBumps.has(tenantId) || this.#unsyncedBumps.has(NETWORK_WIDE)) return null;
      return `${own ?? 0}.${network ?? 0}`;
    } catch (error) {
      this.#commandFailed(error);
      return null;
    }
  }

  async bump(tenantId: string): Promise<void> {
    try {
      await this.#client.incr(this.#versionKey(tenantId));
    } catch (error) {
      this.#unsyncedBumps.add(tenantId);
      this.#commandFailed(error);
    }
  }

  async get(key: string): Promise<CachedPage | null> {
    try {
      const raw = await this.#client.getBuffer(this.#prefix + key);
      return raw ? decodePage(raw) : null;
    } catch (error) {
      this.#commandFailed(error);
      return null;
    }
  }

  /** Stores in the background: the visitor who rendered the page does not wait for Redis. */
  set(key: string, page: CachedPage): void {
    const ttlMs = page.expiresAt - Date.now();
    if (ttlMs <= 0) return;
    this.#client.set(this.#prefix + key, encodePage(page), "PX", ttlMs).catch((error: unknown) => this.#commandFailed(error));
  }

  /** Resolves once connected, or after `timeoutMs` (then the cache starts from memory and Redis joins when it can). */
  async whenReady(timeoutMs = 2_000): Promise<boolean> {
    if (this.#client.status === "ready") return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#client.once("ready", () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  async close(): Promise<void> {
    this.#closing = true;
    this.#client.disconnect();
  }
}

/** [4-byte length of the JSON head][head: status, headers, etag, expiry][body bytes]. */
export function encodePage(page: CachedPage): Buffer {
  const head = Buffer.from(JSON.stringify({ status: page.status, headers: page.headers, etag: page.etag, expiresAt: page.expiresAt }), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  return Buffer.concat([length, head, page.body]);
}

export function decodePage(raw: Buffer): CachedPage | null {
  if (raw.length < 4) return null;
  const headLength = raw.readUInt32BE(0);
  if (4 + headLength > raw.length) return null;
  try {
    const head = JSON.parse(raw.subarray(4, 4 + headLength).toString("utf8")) as Omit<CachedPage, "body">;
    return { ...head, body: new Uint8Array(raw.subarray(4 + headLength)) };
  } catch {
    return null; // written by another version of the server: a miss, not an error
  }
}
