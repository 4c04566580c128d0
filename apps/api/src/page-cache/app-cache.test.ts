import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSession, findTenantBySlug, generatePassword, hashPassword, placeOrder } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { sql, withTenant } from "@coop/db";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "@coop/db/testing";
import { seedDemoData } from "@coop/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { publicOrigins } from "../origins.ts";
import { SiteResolver } from "../site-resolver.ts";
import { loadWebApp, type WebApp } from "../web.ts";
import { PageCache } from "./page-cache.ts";
import { dropRedisPrefix, TEST_REDIS_URL } from "./testing.ts";

/** Each run keeps its Redis keys apart, and removes them at the end. */
const REDIS_PREFIX = `test:${randomUUID()}:`;
const KORAT = "korat.localhost:3000";
const BURIRAM = "buriram-rice.localhost:3000";

let t: TestDatabase;
let web: { storefront: WebApp; network: WebApp };
let media: LocalDiskStorage;
const caches: PageCache[] = [];
let ownerCookie: string;
let koratId: string;
let productId: string;

function appWith(pageCache: PageCache | null) {
  if (pageCache) caches.push(pageCache);
  return createApp({
    db: t.db,
    // TTL 0: a status change shows at once, so the tests see what the cache does, not the resolver.
    sites: new SiteResolver(t.db, "localhost", 0),
    origins: publicOrigins({ ROOT_DOMAIN: "localhost", PORT: 3000 }),
    web,
    databaseKind: t.kind,
    secure: false,
    trustProxy: false,
    media,
    pageCache,
  });
}

const memoryCache = () => new PageCache({ maxBytes: 16 * 1024 * 1024, ttlMs: 60_000, log: () => undefined });
const redisCache = () => new PageCache({ maxBytes: 16 * 1024 * 1024, ttlMs: 60_000, redisUrl: TEST_REDIS_URL, redisPrefix: REDIS_PREFIX, log: () => undefined });

type App = ReturnType<typeof createApp>;
const get = (app: App, host: string, path = "/", headers: Record<string, string> = {}) => app.request(path, { headers: { host, ...headers } });
const trpcPost = (app: App, host: string, procedure: string, input: unknown, cookie?: string) =>
  app.request(`/trpc/${procedure}`, {
    method: "POST",
    headers: { host, origin: `http://${host}`, "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(input),
  });
const renameProduct = async (app: App, name: string) => {
  const res = await trpcPost(app, KORAT, "catalogAdmin.update", { productId, nameTh: name }, ownerCookie);
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, { hashPassword, newPassword: generatePassword });
  web = { storefront: await loadWebApp("storefront", "production"), network: await loadWebApp("network", "production") };
  media = new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "media-")));
  const owner = await t.db.selectFrom("users").select("id").where("email", "=", "owner@korat.example.test").executeTakeFirstOrThrow();
  ownerCookie = `coop_session=${(await createSession(t.db, owner.id, { host: KORAT })).token}`;
  koratId = (await findTenantBySlug(t.db, "korat"))!.id;
  productId = await withTenant(t.db, koratId, async (trx) => {
    const row = await trx.selectFrom("products").select("id").where("status", "=", "available").orderBy("name_th").executeTakeFirstOrThrow();
    await trx.updateTable("products").set({ stock: 500 }).where("id", "=", row.id).execute();
    return row.id;
  });
}, 120_000);

afterAll(async () => {
  for (const cache of caches) await cache.close();
  await dropRedisPrefix(REDIS_PREFIX);
  await t?.destroy();
});

describe(`page cache on a co-op site (${TEST_ENGINE})`, () => {
  it("answers an anonymous visitor's second request from the cache, with a strong ETag and 304 for the browser", async () => {
    const app = appWith(memoryCache());
    const first = await get(app, KORAT, "/about");
    expect(first.status).toBe(200);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    const html = await first.text();

    const second = await get(app, KORAT, "/about");
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("etag")).toBe(etag);
    expect(second.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await second.text()).toBe(html);

    const revalidated = await get(app, KORAT, "/about", { "if-none-match": etag! });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    const head = await app.request("/about", { method: "HEAD", headers: { host: KORAT } });
    expect(head.status).toBe(200);
    expect(head.headers.get("x-page-cache")).toBe("hit");
    expect(await head.text()).toBe("");
  });

  it("keys the catalogue by its query string, in any order", async () => {
    const app = appWith(memoryCache());
    expect((await get(app, KORAT, "/products?sort=price_asc&page=1")).headers.get("x-page-cache")).toBe("miss");
    expect((await get(app, KORAT, "/products?page=1&sort=price_asc")).headers.get("x-page-cache")).toBe("hit");
    expect((await get(app, KORAT, "/products?page=1&sort=price_desc")).headers.get("x-page-cache")).toBe("miss");
  });

  it("renders every request with the cache off (PAGE_CACHE=off), still public but untagged", async () => {
    const app = appWith(null);
    const first = await get(app, KORAT, "/about");
    expect(first.status).toBe(200);
    expect(first.headers.get("x-page-cache")).toBe("off");
    expect(first.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    // Each render carries its own request id, so a tag would never match: none is sent.
    expect(first.headers.get("etag")).toBeNull();
  });

  it("renders afresh, marked private, for a visitor with a session or a cart, and for the back office, cart and checkout", async () => {
    const app = appWith(memoryCache());
    await get(app, KORAT, "/");
    for (const cookie of [ownerCookie, "coop_cart=some-cart-token"]) {
      const res = await get(app, KORAT, "/", { cookie });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-page-cache")).toBeNull();
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(res.headers.get("etag")).toBeNull();
    }
    for (const personal of ["/cart", "/checkout", "/admin"]) {
      await get(app, KORAT, personal);
      const again = await get(app, KORAT, personal);
      expect(again.headers.get("x-page-cache"), personal).toBeNull();
      expect(again.headers.get("cache-control"), personal).toMatch(/no-store/);
    }
  });

  it("keeps the Thai and English pages apart, whether English was asked by cookie or not", async () => {
    const app = appWith(memoryCache());
    const thai = await (await get(app, KORAT, "/about")).text();
    const english = await get(app, KORAT, "/about", { cookie: "lang=en" });
    expect(english.headers.get("x-page-cache")).toBe("miss");
    const englishHtml = await english.text();
    expect(englishHtml).toContain('lang="en"');
    expect(thai).toContain('lang="th"');
    expect(await (await get(app, KORAT, "/about", { cookie: "lang=en" })).text()).toBe(englishHtml);
    expect(await (await get(app, KORAT, "/about")).text()).toBe(thai);
  });

  it("never answers one co-op's host with another co-op's page for the same path", async () => {
    const app = appWith(memoryCache());
    const korat = await (await get(app, KORAT, "/")).text();
    await get(app, KORAT, "/");
    const buriram = await get(app, BURIRAM, "/");
    expect(buriram.headers.get("x-page-cache")).toBe("miss");
    const html = await buriram.text();
    expect(html).not.toBe(korat);
    expect(html).not.toContain("สหกรณ์การเกษตรเมืองนครราชสีมา");
    // Korat's product page, asked on Buriram's host: not Korat's cached page.
    await get(app, KORAT, `/products/${productId}`);
    const foreign = await get(app, BURIRAM, `/products/${productId}`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get("x-page-cache")).toBeNull();
  });

  it("shows a product edit on the very next request", async () => {
    const app = appWith(memoryCache());
    await get(app, KORAT, `/products/${productId}`);
    expect((await get(app, KORAT, `/products/${productId}`)).headers.get("x-page-cache")).toBe("hit");
    await renameProduct(app, "ข้าวหอมมะลิแก้ไขแล้ว");
    const after = await get(app, KORAT, `/products/${productId}`);
    expect(after.headers.get("x-page-cache")).toBe("miss");
    expect(await after.text()).toContain("ข้าวหอมมะลิแก้ไขแล้ว");
    // A cart change is the visitor's own: it leaves the co-op's pages cached.
    await trpcPost(app, KORAT, "cart.add", { productId, quantity: 1 });
    expect((await get(app, KORAT, `/products/${productId}`)).headers.get("x-page-cache")).toBe("hit");
  });

  it("shows the stock an order took, whether it came through the site or from elsewhere (marketplace, webhook)", async () => {
    const app = appWith(memoryCache());
    const page = `/products/${productId}`;
    const soldOutHint = "Sold out for now";
    await withTenant(t.db, koratId, (trx) => trx.updateTable("products").set({ stock: 2, status: "available" }).where("id", "=", productId).execute());
    // The direct update above is no write the cache hears of (nor should it be): start from a cold key.
    await appBump(app);
    const before = await get(app, KORAT, page, { cookie: "lang=en" });
    const beforeHtml = await before.text();
    expect(beforeHtml).not.toContain(soldOutHint);
    expect(beforeHtml).toMatch(/>2 [^<]+ left</);
    expect((await get(app, KORAT, page, { cookie: "lang=en" })).headers.get("x-page-cache")).toBe("hit");

    const order = (key: string) => ({
      idempotencyKey: key,
      customer: { name: "ลูกค้าทดสอบ", phone: "0812345678" },
      deliveryMethod: "pickup" as const,
      paymentMethod: "cod" as const,
      items: [{ productId, quantity: 1 }],
    });
    // Through the co-op's own checkout (HTTP) …
    expect((await trpcPost(app, KORAT, "checkout.place", order(randomUUID()))).status).toBe(200);
    const afterSiteOrder = await get(app, KORAT, page, { cookie: "lang=en" });
    expect(afterSiteOrder.headers.get("x-page-cache")).toBe("miss");
    expect(await afterSiteOrder.text()).toMatch(/>1 [^<]+ left</);
    // … and by core code on another path (the marketplace places orders from the network host).
    await placeOrder(t.db, koratId, order(randomUUID()));
    const afterOtherOrder = await get(app, KORAT, page, { cookie: "lang=en" });
    expect(afterOtherOrder.headers.get("x-page-cache")).toBe("miss");
    expect(await afterOtherOrder.text()).toContain(soldOutHint);
  });

  it("drops every co-op's pages after a knowledge write on any co-op (shared articles show on every home page)", async () => {
    const app = appWith(memoryCache());
    const buriramOwner = await t.db.selectFrom("users").select("id").where("email", "=", "owner@buriram-rice.example.test").executeTakeFirstOrThrow();
    const buriramCookie = `coop_session=${(await createSession(t.db, buriramOwner.id, { host: BURIRAM })).token}`;
    await get(app, KORAT, "/");
    expect((await get(app, KORAT, "/")).headers.get("x-page-cache")).toBe("hit");
    const created = await trpcPost(app, BURIRAM, "knowledgeAdmin.create", { title: "บทความทดสอบแคช", topic: "production" }, buriramCookie);
    expect(created.status).toBe(200);
    expect((await get(app, KORAT, "/")).headers.get("x-page-cache")).toBe("miss");
  });

  it("never serves a suspended co-op's cached pages", async () => {
    const app = appWith(memoryCache());
    const slug = `cache-closed-${randomUUID().slice(0, 8)}`;
    const { id } = await t.db
      .insertInto("tenants")
      .values({ slug, name_th: "สหกรณ์ทดสอบแคช จำกัด", province_code: 30, region_id: 5, status: "active" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const host = `${slug}.localhost:3000`;
    expect((await get(app, host, "/about")).status).toBe(200);
    expect((await get(app, host, "/about")).headers.get("x-page-cache")).toBe("hit");
    await t.owner().transaction().execute((trx) => sql`UPDATE tenants SET status = 'suspended' WHERE id = ${id}`.execute(trx));
    const closed = await get(app, host, "/about");
    expect(closed.status).toBe(404);
    expect(closed.headers.get("x-page-cache")).toBeNull();
  });
});

async function appBump(app: App): Promise<void> {
  // A no-op edit through the back office: the same path every real change takes.
  const res = await trpcPost(app, KORAT, "catalogAdmin.update", { productId }, ownerCookie);
  expect(res.status).toBe(200);
}

describe(`page cache shared through Redis (${TEST_ENGINE})`, () => {
  it("lets a second app process serve the first one's page, and drops it there after an edit made through the first", async () => {
    const [cacheA, cacheB] = [redisCache(), redisCache()];
    expect(await cacheA.whenReady()).toBe(true);
    expect(await cacheB.whenReady()).toBe(true);
    const [a, b] = [appWith(cacheA), appWith(cacheB)];
    const page = `/products/${productId}`;

    const rendered = await get(a, KORAT, page);
    expect(rendered.headers.get("x-page-cache")).toBe("miss");
    const html = await rendered.text();
    // Stored in the background: wait for Redis to have it.
    let fromB: Response | undefined;
    for (let i = 0; i < 50; i++) {
      fromB = await get(b, KORAT, page);
      if (fromB.headers.get("x-page-cache") === "hit") break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(fromB!.headers.get("x-page-cache")).toBe("hit");
    expect(fromB!.headers.get("etag")).toBe(rendered.headers.get("etag"));
    expect(await fromB!.text()).toBe(html);

    await renameProduct(a, "ข้าวเปลี่ยนชื่อผ่านอีกเครื่อง");
    const afterEdit = await get(b, KORAT, page);
    expect(afterEdit.headers.get("x-page-cache")).toBe("miss");
    expect(await afterEdit.text()).toContain("ข้าวเปลี่ยนชื่อผ่านอีกเครื่อง");
  });

  it("keeps serving from memory, with one log line, when Redis cannot be reached", async () => {
    const lines: string[] = [];
    const cache = new PageCache({ maxBytes: 16 * 1024 * 1024, ttlMs: 60_000, redisUrl: "redis://127.0.0.1:1", log: (line) => lines.push(line) });
    expect(await cache.whenReady(300)).toBe(false);
    const app = appWith(cache);
    const first = await get(app, KORAT, "/about");
    expect(first.status).toBe(200);
    const second = await get(app, KORAT, "/about");
    expect(second.status).toBe(200);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    // Edits still invalidate this process's pages while Redis is away.
    await renameProduct(app, "ข้าวแก้ไขตอนเรดิสล่ม");
    expect((await get(app, KORAT, "/about")).headers.get("x-page-cache")).toBe("miss");
    expect(lines.filter((line) => line.includes("Redis unavailable"))).toHaveLength(1);
  });
});
