import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "@coop/db/testing";
import type { Site } from "@coop/trpc";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atomFeedXml, escapeXml } from "./atom.ts";
import { FEED_SIZE, mountKnowledgeFeeds } from "./knowledge-feeds.ts";
import { type HubFixture, SECRET, seedHubFixture, TRICKY_TITLE } from "./open-api/test-fixtures.ts";
import { publicOrigins } from "./origins.ts";
import { SiteResolver } from "./site-resolver.ts";
import { parseXml } from "./xml-wellformed.ts";

const FIXED_NOW = new Date("2026-01-02T03:04:05.000Z");
const origins = publicOrigins({ ROOT_DOMAIN: "localhost", PORT: 3000 });
let t: TestDatabase;
let f: HubFixture;
let app: Hono<{ Variables: { site: Site } }>;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await seedHubFixture(t);
  const sites = new SiteResolver(t.db, "localhost", 0);
  app = new Hono();
  app.use("*", async (c, next) => {
    c.set("site", await sites.resolve(c.req.header("host")));
    await next();
  });
  mountKnowledgeFeeds(app, { db: t.db, origins, now: () => FIXED_NOW });
  app.all("*", (c) => c.text("web app", 200));
});
afterAll(async () => {
  await t?.destroy();
});

const get = (path: string, host = "localhost:3000", headers: Record<string, string> = {}) => app.request(path, { headers: { host, ...headers } });
const entryIds = (xml: string) => [...xml.matchAll(/<entry>\s*<id>urn:uuid:([0-9a-f-]+)<\/id>/g)].map((m) => m[1]);

describe("atomFeedXml", () => {
  it("escapes text and attributes and drops characters XML forbids", () => {
    const xml = atomFeedXml({
      id: "http://x/?a=1&b=2",
      title: `<b>"T"</b> & 'x'\u0001`,
      lang: "th",
      selfUrl: "http://x/feed?a=1&b=2",
      alternateUrl: "http://x/",
      updated: FIXED_NOW,
      author: { name: "A & B" },
      entries: [{ id: "urn:uuid:1", title: "<script>", link: 'http://x/"q"', updated: FIXED_NOW, summary: "1 < 2", categories: [{ term: 'a"b' }] }],
    });
    expect(parseXml(xml).root).toBe("feed");
    expect(xml).toContain("<title>&lt;b&gt;&quot;T&quot;&lt;/b&gt; &amp; &apos;x&apos;</title>");
    expect(xml).toContain('href="http://x/feed?a=1&amp;b=2"');
    expect(xml).not.toContain("\u0001");
    expect(escapeXml("a\u0000b")).toBe("ab");
  });
});

describe(`knowledge feeds (${TEST_ENGINE})`, () => {
  it("serves the network feed: valid Atom, newest shared articles, links to the network article pages", async () => {
    const res = await get("/feeds/knowledge.atom");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const xml = await res.text();
    const { root, elements } = parseXml(xml);
    expect(root).toBe("feed");
    expect(elements.filter((e) => e === "entry")).toHaveLength(FEED_SIZE);
    expect(entryIds(xml).slice(0, 3)).toEqual([f.articles.tricky, f.articles.cassava, f.articles.silk]);
    expect(xml).toContain(`<title>${escapeXml(TRICKY_TITLE)}</title>`);
    expect(xml).not.toContain("<script>");
    expect(xml).toContain(`href="http://localhost:3000/knowledge/korat/${f.articles.tricky}"`);
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="http://localhost:3000/feeds/knowledge.atom"/>');
    expect(xml).toContain(`<updated>${new Date(Date.UTC(2026, 0, 1) + 400 * 86_400_000).toISOString()}</updated>`);
  });

  it("never includes a draft or unshared article in any network feed", async () => {
    for (const path of ["/feeds/knowledge.atom", "/feeds/knowledge/topic/production.atom", "/feeds/knowledge/crop/rice.atom"]) {
      const xml = await (await get(path)).text();
      expect(xml, path).not.toContain(SECRET.draft);
      expect(xml, path).not.toContain(SECRET.unshared);
      expect(entryIds(xml), path).not.toContain(f.articles.draft);
      expect(entryIds(xml), path).not.toContain(f.articles.unshared);
    }
  });

  it("serves a feed per topic and per crop", async () => {
    const marketing = await (await get("/feeds/knowledge/topic/marketing.atom")).text();
    parseXml(marketing);
    expect(entryIds(marketing)).toEqual([f.articles.cassava]);
    expect(marketing).toContain("<title>ความรู้หมวดการตลาด — เครือข่ายสหกรณ์</title>");
    const silk = await (await get("/feeds/knowledge/crop/silk.atom")).text();
    parseXml(silk);
    expect(entryIds(silk)).toEqual([f.articles.silk]);
    expect(silk).toContain('href="http://localhost:3000/knowledge?crop=silk"');
    expect(silk).toContain("<title>ความรู้เรื่องหม่อนไหม — เครือข่ายสหกรณ์</title>");
    const none = await (await get("/feeds/knowledge/crop/durian.atom")).text();
    expect(parseXml(none).elements).not.toContain("entry");
    expect(none).toContain(`<updated>${FIXED_NOW.toISOString()}</updated>`);
  });

  it("answers 404 for unknown topics, malformed crops and non-feed names", async () => {
    for (const path of ["/feeds/knowledge/topic/gardening.atom", "/feeds/knowledge/topic/production.xml", "/feeds/knowledge/crop/RICE.atom", "/feeds/knowledge/crop/no-such-crop.atom", "/feeds/knowledge/crop/%3Cx%3E.atom"]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it("serves a co-op's own feed on its host: its published articles (shared or not), never drafts or other co-ops'", async () => {
    const res = await get("/feeds/knowledge.atom", "korat.localhost:3000");
    expect(res.status).toBe(200);
    const xml = await res.text();
    parseXml(xml);
    expect(entryIds(xml)).toEqual([f.articles.unshared, f.articles.tricky, f.articles.cassava]);
    expect(xml).not.toContain(SECRET.draft);
    expect(xml).toContain(`href="http://korat.localhost:3000/knowledge/${f.articles.tricky}"`);
    expect(xml).toContain('href="http://korat.localhost:3000/feeds/knowledge.atom"');
    const silk = await (await get("/feeds/knowledge.atom", "chaiyaphum-silk.localhost:3000")).text();
    expect(entryIds(silk)).toEqual([f.articles.silk]);
  });

  it("keeps topic and crop feeds on the network host, and unknown hosts get 404", async () => {
    expect((await get("/feeds/knowledge/topic/production.atom", "korat.localhost:3000")).status).toBe(404);
    expect((await get("/feeds/knowledge.atom", "nobody.localhost:3000")).status).toBe(404);
  });

  it("answers 304 when the feed has not changed", async () => {
    const first = await get("/feeds/knowledge/crop/silk.atom");
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect((await get("/feeds/knowledge/crop/silk.atom", "localhost:3000", { "if-none-match": etag })).status).toBe(304);
  });
});
