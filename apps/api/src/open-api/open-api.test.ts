import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "@coop/db/testing";
import type { Site } from "@coop/trpc";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicOrigins } from "../origins.ts";
import { SiteResolver } from "../site-resolver.ts";
import { openApiDocument } from "./openapi.ts";
import { API_PREFIX, mountOpenApi } from "./routes.ts";
import { type HubFixture, SECRET, seedHubFixture, TRICKY_TITLE } from "./test-fixtures.ts";

let t: TestDatabase;
let f: HubFixture;
let app: Hono<{ Variables: { site: Site } }>;
const origins = publicOrigins({ ROOT_DOMAIN: "localhost", PORT: 3000 });
const NETWORK = "localhost:3000";
const KORAT = "korat.localhost:3000";

beforeAll(async () => {
  t = await createTestDatabase();
  f = await seedHubFixture(t);
  const sites = new SiteResolver(t.db, "localhost", 0);
  app = new Hono();
  app.use("*", async (c, next) => {
    c.set("site", await sites.resolve(c.req.header("host")));
    await next();
  });
  mountOpenApi(app, { db: t.db, origins });
  app.all("*", (c) => c.text("web app", 200));
});
afterAll(async () => {
  await t?.destroy();
});

const get = (path: string, headers: Record<string, string> = {}, host = NETWORK) => app.request(path, { headers: { host, ...headers } });
const json = async (path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as { data: Record<string, unknown>[]; meta: { page: number; per_page: number; total: number; total_pages: number } };
};
const everything = async (path: string) => JSON.stringify(await (await get(path)).json());

describe(`public JSON API (${TEST_ENGINE})`, () => {
  it("lists shared articles newest first with totals, a Link header and the caching headers", async () => {
    const res = await get(`${API_PREFIX}/articles?per_page=2`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect(res.headers.get("x-total-count")).toBe(String(f.totalShared));
    const link = res.headers.get("link")!;
    expect(link).toContain(`<http://localhost:3000/api/v1/articles?per_page=2&page=2>; rel="next"`);
    expect(link).toContain(`rel="last"`);
    expect(link).not.toContain(`rel="prev"`);
    const body = (await res.json()) as { data: { id: string; title: string; coop: { slug: string }; url: string }[]; meta: unknown };
    expect(body.meta).toEqual({ page: 1, per_page: 2, total: f.totalShared, total_pages: Math.ceil(f.totalShared / 2) });
    expect(body.data.map((a) => a.id)).toEqual([f.articles.tricky, f.articles.cassava]);
    expect(body.data[0]!.title).toBe(TRICKY_TITLE);
    expect(body.data[0]!.coop.slug).toBe("korat");
    expect(body.data[0]!.url).toBe(`http://localhost:3000/knowledge/korat/${f.articles.tricky}`);
  });

  it("pages through every shared article exactly once, with pages larger than the core's 50", async () => {
    const first = await json(`${API_PREFIX}/articles?per_page=100&page=1`);
    const second = await json(`${API_PREFIX}/articles?per_page=100&page=2`);
    expect(first.data).toHaveLength(100);
    expect(second.data).toHaveLength(f.totalShared - 100);
    const ids = [...first.data, ...second.data].map((a) => a.id);
    expect(new Set(ids).size).toBe(f.totalShared);
    // A window that straddles two core pages (items 49..55) matches the same slice of a full listing.
    const odd = await json(`${API_PREFIX}/articles?per_page=7&page=8`);
    expect(odd.data.map((a) => a.id)).toEqual(ids.slice(49, 56));
    const beyond = await json(`${API_PREFIX}/articles?page=999`);
    expect(beyond.data).toEqual([]);
    expect(beyond.meta.total).toBe(f.totalShared);
  });

  it("filters articles by topic, crop and co-op", async () => {
    expect((await json(`${API_PREFIX}/articles?topic=marketing`)).data.map((a) => a.id)).toEqual([f.articles.cassava]);
    expect((await json(`${API_PREFIX}/articles?crop=silk`)).data.map((a) => a.id)).toEqual([f.articles.silk]);
    const korat = await json(`${API_PREFIX}/articles?coop=korat`);
    expect(korat.data.map((a) => a.id)).toEqual([f.articles.tricky, f.articles.cassava]);
    expect((await json(`${API_PREFIX}/articles?coop=no-such-coop`)).meta.total).toBe(0);
    expect((await json(`${API_PREFIX}/articles?topic=`)).meta.total).toBe(f.totalShared);
  });

  it("never shows a draft or unshared article, in lists or by id", async () => {
    const all = [
      await everything(`${API_PREFIX}/articles?per_page=100`),
      await everything(`${API_PREFIX}/articles?per_page=100&page=2`),
      await everything(`${API_PREFIX}/articles?coop=korat&topic=production`),
    ].join("");
    expect(all).not.toContain(SECRET.draft);
    expect(all).not.toContain(SECRET.unshared);
    for (const id of [f.articles.draft, f.articles.unshared]) {
      const res = await get(`${API_PREFIX}/articles/korat/${id}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "not_found", message: "Not found." } });
    }
  });

  it("answers one article with its body, and 404 under another co-op's slug", async () => {
    const res = await get(`${API_PREFIX}/articles/korat/${f.articles.tricky}`);
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { body_html: string; base_url: string; title: string } };
    expect(data.title).toBe(TRICKY_TITLE);
    expect(data.body_html).toBe("<p>x</p>");
    expect(data.base_url).toBe("http://korat.localhost:3000/");
    expect((await get(`${API_PREFIX}/articles/chaiyaphum-silk/${f.articles.tricky}`)).status).toBe(404);
    expect((await get(`${API_PREFIX}/articles/korat/not-a-uuid`)).status).toBe(404);
    expect((await get(`${API_PREFIX}/articles/KORAT!/${f.articles.tricky}`)).status).toBe(404);
  });

  it("answers 304 to a matching If-None-Match (strong or weak form) and 200 to a stale one", async () => {
    const first = await get(`${API_PREFIX}/articles?crop=silk`);
    const etag = first.headers.get("etag")!;
    const again = await get(`${API_PREFIX}/articles?crop=silk`, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    expect((await get(`${API_PREFIX}/articles?crop=silk`, { "if-none-match": `"old", W/${etag}` })).status).toBe(304);
    expect((await get(`${API_PREFIX}/articles?crop=silk`, { "if-none-match": '"stale"' })).status).toBe(200);
    // A different representation has a different tag.
    expect((await get(`${API_PREFIX}/articles?crop=rice`)).headers.get("etag")).not.toBe(etag);
    const detail = await get(`${API_PREFIX}/centres/${f.centres.formula}`);
    expect((await get(`${API_PREFIX}/centres/${f.centres.formula}`, { "if-none-match": detail.headers.get("etag")! })).status).toBe(304);
  });

  it.each([
    ["page=0", "page"],
    ["page=abc", "page"],
    ["page=1.5", "page"],
    ["page=99999999", "page"],
    ["per_page=101", "per_page"],
    ["per_page=0", "per_page"],
    ["per_page=-5", "per_page"],
    ["topic=gardening", "topic"],
    ["crop=RICE", "crop"],
    ["crop=" + "a".repeat(200), "crop"],
    ["coop=../etc", "coop"],
  ])("refuses ?%s with 400 naming the parameter", async (query, name) => {
    const res = await get(`${API_PREFIX}/articles?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain(name);
  });

  it("refuses bad filters of the directory and seminars with 400, in Thai when asked", async () => {
    for (const path of ["/centres?province=abc", "/centres?province=100", "/sages?crop=%3Cscript%3E", "/seminars?when=tomorrow", "/sages?per_page=1000"]) {
      const res = await get(API_PREFIX + path, { "accept-language": "th-TH,th;q=0.9" });
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/พารามิเตอร์/);
    }
  });

  it("lists and shows centres and sages without sages' phone numbers", async () => {
    const centres = await json(`${API_PREFIX}/centres?province=30`);
    expect(centres.data.map((c) => c.id)).toContain(f.centres.formula);
    expect(centres.data.map((c) => c.id)).not.toContain(f.centres.quoted);
    expect((await json(`${API_PREFIX}/centres?crop=silk`)).data.map((c) => c.id)).toContain(f.centres.quoted);
    const centre = (await (await get(`${API_PREFIX}/centres/${f.centres.formula}`)).json()) as { data: { sages: { id: string }[]; name_th: string } };
    expect(centre.data.name_th).toBe("=1+2 ศูนย์ทดสอบ");
    expect(centre.data.sages.map((s) => s.id)).toEqual([f.sages.one]);
    const sages = await everything(`${API_PREFIX}/sages?province=30`);
    expect(sages).toContain(f.sages.one);
    expect(sages).not.toContain(SECRET.sagePhone);
    const sage = await everything(`${API_PREFIX}/sages/${f.sages.one}`);
    expect(sage).toContain("พ่อทองดี");
    expect(sage).not.toContain(SECRET.sagePhone);
    expect((await get(`${API_PREFIX}/sages/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await get(`${API_PREFIX}/centres/not-a-uuid`)).status).toBe(404);
  });

  it("lists published seminars with public fields only: no drafts, registrants or joining link", async () => {
    const upcoming = await json(`${API_PREFIX}/seminars`);
    expect(upcoming.data.map((s) => s.id)).toEqual([f.seminars.upcoming]);
    expect(upcoming.data[0]).toMatchObject({ online: true, capacity: 50, seats_left: 49, coop: { slug: "korat" } });
    const text = JSON.stringify(upcoming) + (await everything(`${API_PREFIX}/seminars?when=past`));
    for (const secret of [SECRET.draftSeminar, SECRET.registrant, SECRET.registrantPhone, "secret-room"]) expect(text).not.toContain(secret);
  });

  it("is served on the network host only: co-op and unknown hosts get a JSON 404", async () => {
    for (const host of [KORAT, "nobody.localhost:3000"]) {
      for (const path of ["/articles", `/articles/korat/${f.articles.tricky}`, "/centres", "/openapi.json"]) {
        const res = await get(API_PREFIX + path, {}, host);
        expect(res.status, `${host}${path}`).toBe(404);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
      }
    }
  });

  it("answers unknown API paths with a JSON 404, writes with 405, and CORS preflight with 204", async () => {
    const missing = await get(`${API_PREFIX}/nothing-here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
    const write = await app.request(`${API_PREFIX}/articles`, { method: "POST", headers: { host: NETWORK } });
    expect(write.status).toBe(405);
    const preflight = await app.request(`${API_PREFIX}/articles`, { method: "OPTIONS", headers: { host: NETWORK, origin: "https://example.org" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("If-None-Match");
  });
});

describe("OpenAPI description", () => {
  const doc = openApiDocument(origins.network);
  const documented = Object.keys(doc.paths).sort();
  /** The GET routes the server mounted under the API, in OpenAPI's `{param}` form. */
  const served = () =>
    [...new Set(app.routes.filter((r) => r.method === "GET" && r.path.startsWith(`${API_PREFIX}/`) && !r.path.endsWith("*")).map((r) => r.path))]
      .map((p) => p.slice(API_PREFIX.length).replace(/:(\w+)/g, "{$1}"))
      .sort();

  it("is OpenAPI 3.1 and is itself served with an ETag", async () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0]!.url).toBe("http://localhost:3000/api/v1");
    const res = await get(`${API_PREFIX}/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBeTruthy();
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("documents every path the server answers, and nothing else", () => {
    expect(served()).toEqual(documented);
  });

  it("every documented path answers 200, with each documented query parameter accepted", async () => {
    const examples: Record<string, string> = { coopSlug: "korat", id: "" };
    for (const path of documented) {
      const idFor = path.startsWith("/articles") ? f.articles.tricky : path.startsWith("/centres") ? f.centres.formula : f.sages.one;
      const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) => (name === "id" ? idFor : examples[name]!));
      const res = await get(API_PREFIX + concrete);
      expect(res.status, concrete).toBe(200);
      const op = (doc.paths as Record<string, { get: { parameters?: { name: string; in: string; schema: { enum?: string[]; minimum?: number; default?: unknown } }[] } }>)[path]!.get;
      for (const p of op.parameters ?? []) {
        if (p.in !== "query") continue;
        const value = p.schema.enum?.[0] ?? p.schema.default ?? p.schema.minimum ?? "rice";
        const withParam = await get(`${API_PREFIX}${concrete}?${p.name}=${encodeURIComponent(String(value))}`);
        expect(withParam.status, `${concrete}?${p.name}=${value}`).toBe(200);
      }
    }
  });

  it("refers only to schemas it defines", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const name of refs) expect(Object.keys(doc.components.schemas)).toContain(name);
  });

  it("lists every field the answers carry for each item schema", async () => {
    const props = (name: string) => Object.keys((doc.components.schemas as unknown as Record<string, { properties: object }>)[name]!.properties).sort();
    const first = async (path: string) => Object.keys((await json(API_PREFIX + path)).data[0]!).sort();
    expect(await first("/articles")).toEqual(props("Article"));
    expect(await first("/centres")).toEqual(props("Centre"));
    expect(await first("/sages")).toEqual(props("Sage"));
    expect(await first("/seminars")).toEqual(props("Seminar"));
  });
});

describe(`open-data CSV (${TEST_ENGINE})`, () => {
  const csv = async (name: string, host = NETWORK) => {
    const res = await get(`/open-data/${name}.csv`, {}, host);
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };
  const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

  it.each(["articles", "centres", "sages", "seminars"])("%s.csv is UTF-8 with a BOM, a header row and CRLF rows", async (name) => {
    const { res, bytes } = await csv(name);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${name}.csv"`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = text(bytes);
    expect(body.slice(1).startsWith("id,")).toBe(true);
    expect(body.endsWith("\r\n")).toBe(true);
  });

  it("holds every shared article once, quoted and formula-safe, and nothing unshared", async () => {
    const body = text((await csv("articles")).bytes);
    const lines = body.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(1 + f.totalShared);
    expect(body).toContain(`"ข้าว <b>""หอม""</b> & <script>alert(1)</script>"`);
    expect(body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(body).not.toContain(SECRET.draft);
    expect(body).not.toContain(SECRET.unshared);
  });

  it("keeps quotes, commas and line breaks inside one cell and defuses formulas in the directory", async () => {
    const centres = text((await csv("centres")).bytes);
    expect(centres).toContain(`"ศูนย์ ""บ้านนา"", ชัยภูมิ"`);
    expect(centres).toContain(`"ภูเขียว\nบรรทัดใหม่"`);
    expect(centres).toContain(`'=1+2 ศูนย์ทดสอบ`);
    expect(centres).toContain(`'+66 44 000 000`);
    const sages = text((await csv("sages")).bytes);
    expect(sages).toContain("พ่อทองดี");
    expect(sages).not.toContain(SECRET.sagePhone);
    const seminars = text((await csv("seminars")).bytes);
    expect(seminars).toContain("เสวนาข้าวหอม");
    for (const secret of [SECRET.draftSeminar, SECRET.registrant, SECRET.registrantPhone, "secret-room"]) expect(seminars).not.toContain(secret);
  });

  it("is served on the network host only", async () => {
    expect((await csv("articles", KORAT)).res.status).toBe(404);
  });
});
