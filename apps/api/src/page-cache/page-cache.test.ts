import { randomUUID } from "node:crypto";
import { announceStockChanged } from "@coop/core";
import { describe, expect, it } from "vitest";
import type { Site } from "@coop/trpc";
import { changedPages, isCacheableRequest, pageVariant } from "./http.ts";
import { type CachedPage, MemoryPageStore, pageBytes } from "./memory-store.ts";
import { etagOf, PageCache } from "./page-cache.ts";
import { decodePage, encodePage, NETWORK_WIDE } from "./redis-store.ts";
import { dropRedisPrefix, TEST_REDIS_URL } from "./testing.ts";

const page = (size: number, expiresAt = Date.now() + 60_000): CachedPage => {
  const body = new Uint8Array(size).fill(65);
  return { status: 200, headers: [["content-type", "text/html; charset=utf-8"]], body, etag: etagOf(body), expiresAt };
};

describe("the in-memory page store", () => {
  it("keeps its bytes under the budget by dropping the least recently used pages", () => {
    const store = new MemoryPageStore(pageBytes("a", page(1000)) * 4);
    for (const key of ["a", "b", "c", "d"]) store.set(key, page(1000));
    expect(store.get("a")).toBeDefined(); // "a" is now the most recently used
    store.set("e", page(1000));
    expect(store.get("b")).toBeUndefined();
    for (const key of ["a", "c", "d", "e"]) expect(store.get(key), key).toBeDefined();
    expect(store.bytes).toBeLessThanOrEqual(store.maxBytes);
  });

  it("never serves an expired page, and forgets its bytes", () => {
    const store = new MemoryPageStore(1_000_000);
    store.set("old", page(100, 1_000));
    expect(store.get("old", 1_001)).toBeUndefined();
    expect(store.bytes).toBe(0);
  });

  it("refuses a page larger than a quarter of the budget instead of flushing everything for it", () => {
    const store = new MemoryPageStore(10_000);
    store.set("small", page(100));
    store.set("huge", page(5_000));
    expect(store.get("huge")).toBeUndefined();
    expect(store.get("small")).toBeDefined();
  });

  it("counts a replaced page once", () => {
    const store = new MemoryPageStore(1_000_000);
    store.set("a", page(100));
    store.set("a", page(200));
    expect(store.size).toBe(1);
    expect(store.bytes).toBe(pageBytes("a", page(200)));
  });
});

describe("pages as Redis keeps them", () => {
  it("come back byte for byte", () => {
    const original = page(300);
    expect(decodePage(encodePage(original))).toEqual(original);
  });

  it("read as a miss when the stored value is not one", () => {
    expect(decodePage(Buffer.from("xx"))).toBeNull();
    expect(decodePage(Buffer.from([0, 0, 0, 9, 1, 2]))).toBeNull();
    expect(decodePage(Buffer.from([0, 0, 0, 2, 123, 123]))).toBeNull();
  });
});

describe("which requests a cached page may answer", () => {
  const coop = { kind: "coop", tenant: { id: "t1" } } as unknown as Site;
  const req = (path: string, init: { method?: string; cookie?: string } = {}) =>
    new Request(`http://korat.localhost${path}`, { method: init.method ?? "GET", headers: init.cookie ? { cookie: init.cookie } : {} });

  it("anonymous GET and HEAD of public pages of an open co-op", () => {
    for (const path of ["/", "/products?category=rice", "/products/abc", "/about", "/knowledge/1", "/products.data"]) {
      expect(isCacheableRequest(req(path), coop, false), path).toBe(true);
    }
    expect(isCacheableRequest(req("/", { method: "HEAD" }), coop, false)).toBe(true);
    // Cookies that do not change the page (the language is part of the key) do not stop it.
    expect(isCacheableRequest(req("/", { cookie: "lang=en; _ga=1" }), coop, false)).toBe(true);
  });

  it("never with a session or cart cookie, never a personal page, never a write, never a closed site", () => {
    expect(isCacheableRequest(req("/", { cookie: "coop_session=abc" }), coop, false)).toBe(false);
    expect(isCacheableRequest(req("/", { cookie: "lang=th; coop_cart=abc" }), coop, false)).toBe(false);
    expect(isCacheableRequest(req("/", { cookie: "__Host-coop_session=abc" }), coop, true)).toBe(false);
    for (const path of ["/admin", "/admin/products", "/admin.data", "/orders/tok", "/checkout", "/cart", "/cart.data"]) {
      expect(isCacheableRequest(req(path), coop, false), path).toBe(false);
    }
    expect(isCacheableRequest(req("/", { method: "POST" }), coop, false)).toBe(false);
    const suspended = { kind: "suspended", tenant: { id: "t1" } } as unknown as Site;
    expect(isCacheableRequest(req("/"), suspended, false)).toBe(false);
    expect(isCacheableRequest(req("/"), { kind: "network" }, false)).toBe(false);
  });

  it("keys a page by path, sorted query and locale", () => {
    expect(pageVariant(req("/products?b=2&a=1"))).toBe(pageVariant(req("/products?a=1&b=2")));
    expect(pageVariant(req("/products?a=1"))).not.toBe(pageVariant(req("/products?a=2")));
    expect(pageVariant(req("/", { cookie: "lang=en" }))).not.toBe(pageVariant(req("/")));
    expect(pageVariant(req("/?lang=en"))).toContain("|en");
    expect(pageVariant(req("/"))).toContain("|th");
  });
});

describe("which writes invalidate which pages", () => {
  it("every mutation on a co-op's host except those on the visitor's own cart or session", () => {
    expect(changedPages("/trpc/catalogAdmin.update", "coop")).toBe("site");
    expect(changedPages("/trpc/checkout.place", "coop")).toBe("site");
    expect(changedPages("/trpc/cart.add,catalogAdmin.update", "coop")).toBe("site");
    expect(changedPages("/admin/products/1", "coop")).toBe("site");
    expect(changedPages("/checkout", "coop")).toBe("site");
    expect(changedPages("/trpc/cart.add", "coop")).toBeNull();
    expect(changedPages("/trpc/cart.update,auth.signIn", "coop")).toBeNull();
    expect(changedPages("/cart", "coop")).toBeNull();
    expect(changedPages("/cart.data", "coop")).toBeNull();
  });

  it("every co-op's pages after a change other co-op sites show (shared knowledge, seminars, staff)", () => {
    expect(changedPages("/trpc/knowledgeAdmin.setStatus", "coop")).toBe("network");
    expect(changedPages("/admin/knowledge/1", "coop")).toBe("network");
    expect(changedPages("/admin/knowledge/new.data", "coop")).toBe("network");
    expect(changedPages("/trpc/staff.setCoopStatus", "network")).toBe("network");
    expect(changedPages("/staff/coops/1", "network")).toBe("network");
    // The network's own cart, search or sign-up change no co-op's page.
    expect(changedPages("/trpc/market.addToCart", "network")).toBeNull();
    expect(changedPages("/signup", "network")).toBeNull();
  });
});

describe("versions: what a bump makes stale", () => {
  const rendered = (text: string) => ({ status: 200, headers: [["content-type", "text/html"]] as Array<[string, string]>, body: new TextEncoder().encode(text) });
  const fill = async (cache: PageCache, tenantId: string) => (await cache.lookup(tenantId, "/|th")).store(rendered(`page of ${tenantId}`));

  it("a co-op's bump drops its own pages only; a network-wide bump drops every co-op's", async () => {
    const cache = new PageCache({ maxBytes: 1_000_000, ttlMs: 60_000, log: () => undefined });
    await fill(cache, "a");
    await fill(cache, "b");
    await cache.bump("a");
    expect((await cache.lookup("a", "/|th")).page).toBeNull();
    expect((await cache.lookup("b", "/|th")).page).not.toBeNull();
    await fill(cache, "a");
    await cache.bump(NETWORK_WIDE);
    expect((await cache.lookup("a", "/|th")).page).toBeNull();
    expect((await cache.lookup("b", "/|th")).page).toBeNull();
    await cache.close();
  });

  it("drops a co-op's pages when core code announces a stock change made outside its site (payment events, jobs)", async () => {
    const cache = new PageCache({ maxBytes: 1_000_000, ttlMs: 60_000, log: () => undefined });
    await fill(cache, "a");
    await fill(cache, "b");
    announceStockChanged({ tenantId: "a" });
    expect((await cache.lookup("a", "/|th")).page).toBeNull();
    expect((await cache.lookup("b", "/|th")).page).not.toBeNull();
    await cache.close();
    // A closed cache has unsubscribed: announcing again reaches nobody and fails nothing.
    announceStockChanged({ tenantId: "b" });
  });

  it("a page rendered before a bump is stored under the version it was rendered from, never served after it", async () => {
    const cache = new PageCache({ maxBytes: 1_000_000, ttlMs: 60_000, log: () => undefined });
    const lookup = await cache.lookup("a", "/|th"); // the render starts …
    await cache.bump("a"); // … a change commits meanwhile …
    lookup.store(rendered("old data")); // … and the render finishes
    expect((await cache.lookup("a", "/|th")).page).toBeNull();
    await cache.close();
  });

  it("shares pages and bumps between processes through Redis", async () => {
    const prefix = `test:${randomUUID()}:`;
    const options = { maxBytes: 1_000_000, ttlMs: 60_000, redisUrl: TEST_REDIS_URL, redisPrefix: prefix, log: () => undefined };
    const [one, two] = [new PageCache(options), new PageCache(options)];
    expect(await one.whenReady()).toBe(true);
    expect(await two.whenReady()).toBe(true);
    const stored = await fill(one, "a");
    let seen = null;
    for (let i = 0; i < 50 && !seen; i++) {
      seen = (await two.lookup("a", "/|th")).page;
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(seen?.etag).toBe(stored.etag);
    await one.bump(NETWORK_WIDE);
    expect((await two.lookup("a", "/|th")).page).toBeNull();
    await fill(two, "a");
    await one.bump("a");
    expect((await two.lookup("a", "/|th")).page).toBeNull();
    await Promise.all([one.close(), two.close()]);
    await dropRedisPrefix(prefix);
  });
});
