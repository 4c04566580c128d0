import { generatePassword, hashPassword } from "@coop/core";
import { sql } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { seedDemoData } from "@coop/db/seed";
import { createCaller, type Site } from "@coop/trpc";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicOrigins } from "./origins.ts";
import { mountReachRoutes } from "./reach.ts";
import { SiteResolver } from "./site-resolver.ts";
import { parseXml } from "./xml-wellformed.ts";

const TRICKY_NAME = `ข้าว <b>"หอม"</b> & <script>`;
const FIXED_NOW = new Date("2026-01-02T03:04:05.000Z");

let t: TestDatabase;
let app: Hono<{ Variables: { site: Site } }>;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, { hashPassword, newPassword: generatePassword });
  const suspended = await t.db
    .insertInto("tenants")
    .values({ slug: "closed-coop", name_th: "สหกรณ์ที่ถูกระงับ จำกัด", province_code: 30, region_id: 5, status: "suspended" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const korat = await t.db.selectFrom("tenants").select("id").where("slug", "=", "korat").executeTakeFirstOrThrow();
  await t.owner().transaction().execute(async (trx) => {
    await trx
      .insertInto("products" as never)
      .values([
        { tenant_id: korat.id, name_th: TRICKY_NAME, description_th: "a < b && c > d", price_satang: 4_550, unit: "kg", stock: 5 },
        { tenant_id: suspended.id, name_th: "สินค้าลับเฉพาะ", price_satang: 100, unit: "kg" },
      ] as never)
      .execute();
  });

  const origins = publicOrigins({ ROOT_DOMAIN: "localhost", PORT: 3000 });
  const sites = new SiteResolver(t.db, "localhost", 0);
  app = new Hono();
  app.use("*", async (c, next) => {
    c.set("site", await sites.resolve(c.req.header("host")));
    await next();
  });
  mountReachRoutes(app, {
    origins,
    now: () => FIXED_NOW,
    caller: (c) =>
      createCaller({
        db: t.db,
        site: c.get("site"),
        requestId: "test",
        origins,
        auth: null,
        request: { host: c.req.header("host") ?? "", ip: "127.0.0.1", userAgent: "vitest", secure: false, locale: "th", cookieHeader: null },
        responseCookies: [],
      }),
  });
  app.all("*", (c) => c.text("web app", 200));
});
afterAll(async () => {
  await t?.destroy();
});

const get = (host: string, path: string) => app.request(path, { headers: { host } });
const KORAT = "korat.localhost:3000";

describe("parseXml (the tests' own checker)", () => {
  it("rejects what is not well-formed", () => {
    expect(() => parseXml("<a><b></a>")).toThrow();
    expect(() => parseXml("<a>x & y</a>")).toThrow();
    expect(() => parseXml("<a>x < y</a>")).toThrow();
    expect(() => parseXml('<a href="x"y">z</a>')).toThrow();
    expect(parseXml('<?xml version="1.0"?>\n<a x="1"><b/>&amp;</a>').elements).toEqual(["a", "b"]);
  });
});

describe("robots.txt", () => {
  it("allows everything but the back office and points to the sitemap", async () => {
    const res = await get(KORAT, "/robots.txt");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain("User-agent: *\nAllow: /\nDisallow: /admin\n");
    expect(text).toContain("Sitemap: http://korat.localhost:3000/sitemap.xml");
  });
});

describe("sitemap.xml", () => {
  it("lists the home page with an absolute address from the configured origin", async () => {
    const res = await get(KORAT, "/sitemap.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const xml = await res.text();
    expect(parseXml(xml).root).toBe("urlset");
    expect(xml).toContain("<loc>http://korat.localhost:3000/</loc>");
    expect(xml).toContain("<loc>http://korat.localhost:3000/products</loc>");
    expect(xml).toContain("<loc>http://korat.localhost:3000/about</loc>");
    expect(xml).toMatch(/<loc>http:\/\/korat\.localhost:3000\/products\/[0-9a-f-]{36}<\/loc>/);
    expect(xml).not.toContain("สินค้าลับเฉพาะ");
  });

  it("never takes its addresses from the Host header", async () => {
    // Upper case and a stray port still resolve to the co-op, but the links use the configured origin.
    const xml = await (await get("KORAT.localhost:3000", "/sitemap.xml")).text();
    expect(xml).toContain("<loc>http://korat.localhost:3000/</loc>");
    expect(xml).not.toContain("KORAT");
  });
});

describe("feed.xml", () => {
  it("is a well-formed Atom feed of the co-op's products with prices in baht", async () => {
    const res = await get(KORAT, "/feed.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await res.text();
    const { root, elements } = parseXml(xml);
    expect(root).toBe("feed");
    expect(xml).toContain('xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain("<title>สหกรณ์การเกษตรเมืองนครราชสีมา จำกัด</title>");
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="http://korat.localhost:3000/feed.xml"/>');
    expect(xml).toContain(`<updated>${FIXED_NOW.toISOString()}</updated>`);
    expect(xml).toContain("ข้าวหอมมะลิ");
    const entries = elements.filter((name) => name === "entry").length;
    expect(entries).toBeGreaterThanOrEqual(8);
    expect(entries).toBeLessThanOrEqual(30);
    expect(xml).not.toContain("สินค้าลับเฉพาะ");
  });

  it("escapes a product name and description full of markup", async () => {
    const xml = await (await get(KORAT, "/feed.xml")).text();
    expect(xml).toContain("<title>ข้าว &lt;b&gt;&quot;หอม&quot;&lt;/b&gt; &amp; &lt;script&gt;</title>");
    expect(xml).toContain("a &lt; b &amp;&amp; c &gt; d");
    expect(xml).toMatch(/฿45\.50 \/ (กก\.|กิโลกรัม)/);
    expect(xml).not.toContain("<script>");
  });
});

describe("manifest.webmanifest", () => {
  it("lets the co-op's site be added to a home screen in its colour", async () => {
    const res = await get(KORAT, "/manifest.webmanifest");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/manifest+json; charset=utf-8");
    const manifest = (await res.json()) as Record<string, unknown>;
    const tenant = await t.db.selectFrom("tenants").select(["theme_color", "logo_key"]).where("slug", "=", "korat").executeTakeFirstOrThrow();
    expect(manifest).toMatchObject({
      name: "สหกรณ์การเกษตรเมืองนครราชสีมา จำกัด",
      start_url: "/",
      display: "standalone",
      theme_color: tenant.theme_color,
    });
    expect(typeof manifest["short_name"]).toBe("string");
    expect(manifest["icons"]).toEqual(
      tenant.logo_key ? [expect.objectContaining({ src: expect.stringContaining(tenant.logo_key) })] : [expect.objectContaining({ src: "/icon.svg", type: "image/svg+xml" })],
    );
  });

  it("uses the co-op's logo as the icon when it has one", async () => {
    await sql`UPDATE tenants SET logo_key = 'tenants/x/logo.webp' WHERE slug = 'buriram-rice'`.execute(t.owner());
    const manifest = (await (await get("buriram-rice.localhost:3000", "/manifest.webmanifest")).json()) as { icons: { src: string }[] };
    expect(manifest.icons).toHaveLength(1);
    expect(manifest.icons[0]!.src).toContain("tenants/x/logo.webp");
  });

  it("serves the fallback icon as well-formed SVG in the co-op's colour", async () => {
    const res = await get(KORAT, "/icon.svg");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(parseXml(await res.text()).root).toBe("svg");
  });
});

describe("closed and unknown sites", () => {
  const paths = ["/robots.txt", "/sitemap.xml", "/feed.xml", "/manifest.webmanifest", "/icon.svg"];

  it.each(paths)("answers %s with a 404 on a suspended or unknown co-op", async (path) => {
    for (const host of ["closed-coop.localhost:3000", "no-such-coop.localhost:3000", "evil.example"]) {
      const res = await get(host, path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("สินค้าลับเฉพาะ");
    }
  });

  it("leaves the network host to its own app", async () => {
    const res = await get("localhost:3000", "/robots.txt");
    expect(await res.text()).toBe("web app");
  });
});
