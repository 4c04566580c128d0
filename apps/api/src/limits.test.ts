/**
 * Limits seen from outside: rate limits per address and per co-op answer 429 with Retry-After
 * and a translated message, a flood at one co-op leaves the others alone, and request bodies
 * above the limit get 413 (JSON for /trpc, a Thai/English page for a form post).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findTenantBySlug, generatePassword, hashPassword } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { sql } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { seedDemoData } from "@coop/db/seed";
import { t } from "@coop/i18n";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { MAX_FORM_BODY_BYTES, MAX_RPC_BODY_BYTES } from "./http-errors.ts";
import { publicOrigins } from "./origins.ts";
import { SiteResolver } from "./site-resolver.ts";
import type { WebApp } from "./web.ts";

let db: TestDatabase;
let app: ReturnType<typeof createApp>;
// A stand-in for the built web apps: /search runs a search in its "loader" and, like React Router
// with an error thrown in a loader, answers 500 when it fails; any other page answers 200.
const webApp = (name: WebApp["name"]): WebApp => ({
  name,
  clientDir: mkdtempSync(path.join(tmpdir(), "no-web-")),
  handle: async (request, context) => {
    if (new URL(request.url).pathname !== "/search") return new Response("page", { status: 200 });
    try {
      await context.trpc.search.site({ q: "ข้าว" });
      return new Response("results", { status: 200 });
    } catch {
      return new Response("Something went wrong", { status: 500 });
    }
  },
});

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.db, { hashPassword, newPassword: generatePassword });
  app = createApp({
    db: db.db,
    sites: new SiteResolver(db.db, "localhost", 0),
    origins: publicOrigins({ ROOT_DOMAIN: "localhost", PORT: 3000 }),
    web: { storefront: webApp("storefront"), network: webApp("network") },
    databaseKind: db.kind,
    secure: false,
    // Each test client gets an address of its own, as behind the reverse proxy.
    trustProxy: true,
    media: new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "media-"))),
  });
});
afterAll(async () => {
  await db?.destroy();
});

const trpcQuery = (host: string, ip: string, name: string, input: unknown) =>
  app.request(`/trpc/${name}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { host, "x-forwarded-for": ip } });
const trpcMutation = (host: string, ip: string, name: string, input: unknown) =>
  app.request(`/trpc/${name}`, { method: "POST", headers: { host, origin: `http://${host}`, "x-forwarded-for": ip, "content-type": "application/json" }, body: JSON.stringify(input) });

async function refusal(res: Response) {
  const body = (await res.json()) as { error: { data: { messageKey: string; params: Record<string, number> | null } } };
  return body.error.data;
}

/** Uses up a limit's current window at once (as a flood would), without sending thousands of requests. */
async function exhaust(key: string, windowSeconds: number, hits: number) {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  await sql`INSERT INTO rate_limits (key, window_start, hits) VALUES (${key}, ${windowStart}, ${hits})
            ON CONFLICT (key, window_start) DO UPDATE SET hits = ${hits}`.execute(db.owner());
}

describe("rate limits", () => {
  it("one address searching too often gets 429, Retry-After and a message in Thai and English", async () => {
    let res: Response | undefined;
    for (let i = 0; i <= 60; i++) res = await trpcQuery("korat.localhost:3000", "203.0.113.7", "search.site", { q: "ข้าว" });
    expect(res!.status).toBe(429);
    const wait = Number(res!.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    const data = await refusal(res!);
    expect(data.messageKey).toBe("site.too_many_requests");
    expect(t("th", "site.too_many_requests", { seconds: data.params!.seconds! })).toContain(String(data.params!.seconds));
    // Another address is not affected.
    expect((await trpcQuery("korat.localhost:3000", "203.0.113.8", "search.site", { q: "ข้าว" })).status).toBe(200);
  });

  it("a page whose search is refused answers 429 with Retry-After and the message, not an error page", async () => {
    await exhaust("search:ip:203.0.113.9", 60, 60);
    const res = await app.request("/search?q=x", { headers: { host: "korat.localhost:3000", "x-forwarded-for": "203.0.113.9" } });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.text()).toContain("ส่งคำขอถี่เกินไป");
  });

  it("a search flood at one co-op's host leaves the other co-ops and the network searchable", async () => {
    const korat = (await findTenantBySlug(db.db, "korat"))!;
    await exhaust(`search:site:coop:${korat.id}`, 60, 1_200);
    const flooded = await trpcQuery("korat.localhost:3000", "198.51.100.1", "search.site", { q: "ข้าว" });
    expect(flooded.status).toBe(429);
    expect(flooded.headers.get("retry-after")).toBeTruthy();
    expect((await trpcQuery("chaiyaphum-silk.localhost:3000", "198.51.100.1", "search.site", { q: "ผ้าไหม" })).status).toBe(200);
    expect((await trpcQuery("localhost:3000", "198.51.100.1", "search.network", { q: "ข้าว" })).status).toBe(200);
  });

  it("checkouts are limited per co-op: when one co-op is flooded, another still takes orders", async () => {
    const korat = (await findTenantBySlug(db.db, "korat"))!;
    const buriram = (await findTenantBySlug(db.db, "buriram-rice"))!;
    await exhaust(`checkout:coop:${korat.id}`, 600, 600);
    const order = (productId: string) => ({
      idempotencyKey: crypto.randomUUID(),
      customer: { name: "ลูกค้า", phone: "0812345678" },
      deliveryMethod: "pickup",
      paymentMethod: "cod",
      items: [{ productId, quantity: 1 }],
    });
    const productOf = async (tenantId: string) =>
      (await sql<{ id: string }>`SELECT id FROM products WHERE tenant_id = ${tenantId} AND status = 'available' AND stock > 0 LIMIT 1`.execute(db.owner())).rows[0]!.id;
    const refused = await trpcMutation("korat.localhost:3000", "192.0.2.10", "checkout.place", order(await productOf(korat.id)));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refusal(refused)).messageKey).toBe("checkout.rate_limited");
    const placed = await trpcMutation("buriram-rice.localhost:3000", "192.0.2.10", "checkout.place", order(await productOf(buriram.id)));
    expect(placed.status).toBe(200);
  });

  it("sign-in is limited per site as well as per address and account", async () => {
    await exhaust("login:host:korat.localhost:3000", 900, 600);
    const res = await trpcMutation("korat.localhost:3000", "192.0.2.20", "auth.signIn", { email: "owner@korat.example.test", password: "wrong" });
    expect(res.status).toBe(429);
    expect((await refusal(res)).messageKey).toBe("auth.too_many_attempts");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    // The network host's sign-in is another site: it answers (here: wrong password).
    expect((await trpcMutation("localhost:3000", "192.0.2.20", "auth.signIn", { email: "owner@korat.example.test", password: "wrong" })).status).toBe(401);
  });
});

describe("request body limits", () => {
  it("a tRPC call above the limit gets 413 with a translated message", async () => {
    const body = JSON.stringify({ q: "x".repeat(MAX_RPC_BODY_BYTES + 10) });
    const res = await app.request("/trpc/auth.signIn", { method: "POST", headers: { host: "korat.localhost:3000", origin: "http://korat.localhost:3000", "content-type": "application/json" }, body });
    expect(res.status).toBe(413);
    const data = await refusal(res);
    expect(data.messageKey).toBe("site.too_large");
    expect(data.params).toEqual({ kilobytes: MAX_RPC_BODY_BYTES / 1024 });
  });

  it("a form post above the limit gets a 413 page in the reader's language", async () => {
    const body = `text=${"x".repeat(MAX_FORM_BODY_BYTES + 10)}`;
    const headers = { host: "korat.localhost:3000", origin: "http://korat.localhost:3000", "content-type": "application/x-www-form-urlencoded" };
    const th = await app.request("/admin/products/new", { method: "POST", headers, body });
    expect(th.status).toBe(413);
    expect(th.headers.get("content-type")).toContain("text/html");
    expect(await th.text()).toContain("ข้อมูลที่ส่งมามีขนาดใหญ่เกินไป");
    const en = await app.request("/admin/products/new?lang=en", { method: "POST", headers, body });
    expect(await en.text()).toContain("too large");
  });

  it("bodies within the limits pass", async () => {
    const res = await app.request("/admin/products/new", { method: "POST", headers: { host: "korat.localhost:3000", origin: "http://korat.localhost:3000", "content-type": "application/x-www-form-urlencoded" }, body: "name=ข้าว" });
    expect(res.status).toBe(200);
  });
});
