import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LocalDiskStorage } from "@coop/core/media";
import { createSession, generatePassword, hashPassword } from "@coop/core";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { seedDemoData } from "@coop/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { publicOrigins } from "./origins.ts";
import { SiteResolver } from "./site-resolver.ts";
import { loadWebApp } from "./web.ts";

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
let sites: SiteResolver;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, { hashPassword, newPassword: generatePassword });
  // A suspended co-op with a product whose name must never be shown.
  const { id } = await t.db
    .insertInto("tenants")
    .values({ slug: "closed-coop", name_th: "สหกรณ์ที่ถูกระงับ จำกัด", province_code: 30, region_id: 5, status: "suspended" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.owner().transaction().execute(async (trx) => {
    await trx.insertInto("products" as never).values({ tenant_id: id, name_th: "สินค้าลับเฉพาะ", price_satang: 100, unit: "kg" } as never).execute();
  });
  sites = new SiteResolver(t.db, "localhost", 0);
  app = createApp({
    db: t.db,
    sites,
    origins: publicOrigins({ ROOT_DOMAIN: "localhost", PORT: 3000 }),
    web: { storefront: await loadWebApp("storefront", "production"), network: await loadWebApp("network", "production") },
    databaseKind: t.kind,
    secure: false,
    trustProxy: false,
    media: new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "media-"))),
  });
});
afterAll(async () => {
  await t?.destroy();
});

const get = (host: string, path = "/") => app.request(path, { headers: { host } });

describe("health", () => {
  it("answers /healthz and /readyz with JSON", async () => {
    const health = await get("localhost:3000", "/healthz");
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    const ready = await get("anything.example", "/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: t.kind });
  });
});

describe("routing by Host", () => {
  it("serves a co-op's site with its products at <slug>.<ROOT_DOMAIN>", async () => {
    const res = await get("korat.localhost:3000");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('lang="th"');
    expect(html).toContain("สหกรณ์การเกษตรเมืองนครราชสีมา จำกัด");
    expect(html).toContain("ข้าวหอมมะลิ");
    expect(html.match(/data-testid="product-card"/g)?.length).toBeGreaterThanOrEqual(8);
  });

  it("serves the network at the apex, listing the co-ops", async () => {
    const res = await get("localhost:3000");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/data-testid="coop-card"/g)?.length).toBe(3);
    expect(html).toContain("http://korat.localhost:3000");
    expect(html).not.toContain("สหกรณ์ที่ถูกระงับ");
  });

  it("answers an unknown subdomain with a 404 page", async () => {
    const res = await get("no-such-coop.localhost:3000");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("ไม่พบเว็บไซต์สหกรณ์");
    expect(html).not.toContain("ข้าวหอมมะลิ");
  });

  it("answers a suspended co-op with a 404 notice that shows no data", async () => {
    const res = await get("closed-coop.localhost:3000");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).not.toContain("สินค้าลับเฉพาะ");
    expect(html).not.toContain('data-testid="product-card"');
  });

  it("answers a host that is not ours with a 404 page", async () => {
    expect((await get("evil.example")).status).toBe(404);
    expect((await get("a.korat.localhost:3000")).status).toBe(404);
  });

  it("shows a 404 page for an unknown path on a co-op site", async () => {
    expect((await get("korat.localhost:3000", "/no/such/page")).status).toBe(404);
  });
});

describe("reach", () => {
  it("serves robots.txt, the sitemap and the manifest for a co-op, and links them from its home page", async () => {
    const robots = await get("korat.localhost:3000", "/robots.txt");
    expect(robots.status).toBe(200);
    expect(await robots.text()).toContain("Sitemap: http://korat.localhost:3000/sitemap.xml");
    expect((await get("korat.localhost:3000", "/sitemap.xml")).status).toBe(200);
    expect((await get("korat.localhost:3000", "/manifest.webmanifest")).status).toBe(200);
    expect((await get("closed-coop.localhost:3000", "/sitemap.xml")).status).toBe(404);
    const home = await (await get("korat.localhost:3000")).text();
    expect(home).toContain('rel="manifest"');
    expect(home).toContain('property="og:url"');
  });
});

describe("request safety", () => {
  it("refuses a state-changing request from another origin", async () => {
    const post = (origin: string | null, extra: Record<string, string> = {}) =>
      app.request("/trpc/auth.signOut", {
        method: "POST",
        headers: { host: "korat.localhost:3000", "content-type": "application/json", ...(origin ? { origin } : {}), ...extra },
        body: "{}",
      });
    expect((await post("http://evil.example")).status).toBe(403);
    expect((await post("http://buriram-rice.localhost:3000")).status).toBe(403);
    expect((await post(null, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post("http://korat.localhost:3000")).status).toBe(200);
  });

  it("sends the session cookie again when a session in use is extended", async () => {
    const user = await t.db.selectFrom("users").select("id").where("email", "=", "owner@korat.example.test").executeTakeFirstOrThrow();
    const session = await createSession(t.db, user.id, { host: "korat.localhost:3000" });
    const fresh = await app.request("/", { headers: { host: "korat.localhost:3000", cookie: `coop_session=${session.token}` } });
    expect(fresh.headers.get("set-cookie")).toBeNull();
    await t.db.updateTable("sessions").set({ last_seen_at: new Date(Date.now() - 3600_000) }).where("id", "=", session.sessionId).execute();
    const later = await app.request("/", { headers: { host: "korat.localhost:3000", cookie: `coop_session=${session.token}` } });
    expect(later.headers.get("set-cookie")).toMatch(new RegExp(`^coop_session=${session.token}; Path=/; HttpOnly; SameSite=Lax; Expires=`));
  });

  it("treats a mangled session cookie as no session", async () => {
    const res = await app.request("/", { headers: { host: "korat.localhost:3000", cookie: "coop_session=%E0%A4%A" } });
    expect(res.status).toBe(200);
  });

  it("sets the session cookie on sign-in over HTTP, host-only and HttpOnly", async () => {
    const res = await app.request("/trpc/auth.signIn", {
      method: "POST",
      headers: { host: "korat.localhost:3000", origin: "http://korat.localhost:3000", "content-type": "application/json" },
      body: JSON.stringify({ email: "nobody@example.test", password: "wrong-password" }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    const body = (await res.json()) as { error: { data: { messageKey: string } } };
    expect(body.error.data.messageKey).toBe("auth.invalid_credentials");
  });
});

describe("tRPC over HTTP", () => {
  it("lists only the Host co-op's products", async () => {
    type Page = { result: { data: { items: Array<{ id: string }> } } };
    const list = async (host: string) => ((await (await get(host, "/trpc/catalog.listPublicProducts")).json()) as Page).result.data.items;
    const buriram = await list("buriram-rice.localhost:3000");
    const korat = await list("korat.localhost:3000");
    expect(buriram.length).toBeGreaterThan(0);
    expect(korat.length).toBeGreaterThan(0);
    const koratIds = new Set(korat.map((p) => p.id));
    expect(buriram.filter((p) => koratIds.has(p.id))).toEqual([]);
  });

  it("rejects bad input with a 400 and a suspended host with a 404", async () => {
    const bad = await get("korat.localhost:3000", `/trpc/catalog.listPublicProducts?input=${encodeURIComponent('{"limit":100000}')}`);
    expect(bad.status).toBe(400);
    const closed = await get("closed-coop.localhost:3000", "/trpc/catalog.listPublicProducts");
    expect(closed.status).toBe(404);
    expect(JSON.stringify(await closed.json())).not.toContain("สินค้าลับเฉพาะ");
  });
});
