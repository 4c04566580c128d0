/** One rendered page as the cache keeps it: enough to answer the request again byte for byte. */
export interface CachedPage {
  status: number;
  /** The response headers worth replaying (content type, language, Vary …), never Set-Cookie. */
  headers: Array<[string, string]>;
  body: Uint8Array;
  /** Strong validator: a hash of the body, sent as ETag and compared with If-None-Match. */
  etag: string;
  /** Epoch milliseconds after which the entry is not served any more. */
  expiresAt: number;
}

/** Bytes an entry holds, counted against the budget (the body dominates; headers and key are small but not free). */
export function pageBytes(key: string, page: CachedPage): number {
  let bytes = page.body.byteLength + key.length * 2 + 64;
  for (const [name, value] of page.headers) bytes += (name.length + value.length) * 2;
  return bytes;
}

/**
 * A least-recently-used map bounded by bytes, not entries: one co-op's 50 KB home page and a
 * 2 KB data response must not count the same. A Map keeps insertion order, so re-inserting on
 * every hit makes its first key the least recently used one.
 */
export class MemoryPageStore {
  readonly #entries = new Map<string, { page: CachedPage; bytes: number }>();
  #bytes = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.page.expiresAt <= now) {
      this.#bytes -= entry.bytes;
      return undefined;
    }
    this.#entries.set(key, entry);
    return entry.page;
  }

  set(key: string, page: CachedPage): void {
    const bytes = pageBytes(key, page);
    // A page larger than a quarter of the budget would flush everything else for one entry.
    if (bytes > this.maxBytes / 4) return;
    this.delete(key);
    this.#entries.set(key, { page, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }
}
