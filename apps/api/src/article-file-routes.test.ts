import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createArticle, createSession, getAdminArticle, readSession, type SessionInfo, setArticleShared, setArticleStatus } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { type MemberRole, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { readCookie, sessionCookieName, type Site } from "@coop/trpc";
import { Hono } from "hono";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentDisposition, mountArticleFileRoutes } from "./article-file-routes.ts";
import { mountMediaRoutes } from "./media-routes.ts";
import { SiteResolver } from "./site-resolver.ts";

let t: TestDatabase;
let root: string;
let app: Hono<{ Variables: { site: Site; auth: SessionInfo | null } }>;
const coops = { a: "", b: "" };
const users = { ownerA: "", ownerB: "" };
const cookies = { ownerA: "", outsider: "", ownerB: "" };
let articleA: string;
let articleB: string;

const A = "files-a.localhost:3000";
const B = "files-b.localhost:3000";
const NETWORK = "localhost:3000";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

function form(bytes: Uint8Array, name: string, type: string): FormData {
  const data = new FormData();
  data.set("file", new File([new Uint8Array(bytes)], name, { type }));
  return data;
}

const upload = (host: string, query: string, body: FormData | null, cookie?: string) =>
  app.request(`/admin/uploads/article-file?${query}`, { method: "POST", body, headers: { host, ...(cookie ? { cookie } : {}) } });
const get = (host: string, url: string, cookie?: string) => app.request(url, { headers: { host, ...(cookie ? { cookie } : {}) } });

async function makeUser(email: string, membership?: [string, MemberRole]): Promise<{ id: string; cookie: string }> {
  const { id } = await t.db.insertInto("users").values({ email, display_name: email, password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
  if (membership) {
    const [tenantId, role] = membership;
    await withTenant(t.db, tenantId, (trx) => trx.insertInto("memberships").values({ tenant_id: tenantId, user_id: id, role }).execute());
  }
  const session = await createSession(t.db, id, { host: "localhost" });
  return { id, cookie: `${sessionCookieName(false)}=${session.token}` };
}

beforeAll(async () => {
  t = await createTestDatabase();
  root = mkdtempSync(path.join(tmpdir(), "coop-api-article-files-"));
  for (const slug of ["a", "b"] as const) {
    const { id } = await t.db
      .insertInto("tenants")
      .values({ slug: `files-${slug}`, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status: "active" })
      .returning("id")
      .executeTakeFirstOrThrow();
    coops[slug] = id;
  }
  const ownerA = await makeUser("owner@a.example", [coops.a, "editor"]);
  const ownerB = await makeUser("owner@b.example", [coops.b, "owner"]);
  users.ownerA = ownerA.id;
  users.ownerB = ownerB.id;
  cookies.ownerA = ownerA.cookie;
  cookies.ownerB = ownerB.cookie;
  cookies.outsider = (await makeUser("outsider@example.com")).cookie;
  const fields = { title: "บทความ", topic: "production" as const };
  articleA = (await createArticle(t.db, coops.a, users.ownerA, fields)).id;
  articleB = (await createArticle(t.db, coops.b, users.ownerB, fields)).id;

  const sites = new SiteResolver(t.db, "localhost", 0);
  app = new Hono();
  app.use("*", async (c, next) => {
    c.set("site", await sites.resolve(c.req.header("host")));
    const token = readCookie(c.req.header("cookie"), sessionCookieName(false));
    c.set("auth", token ? await readSession(t.db, token) : null);
    await next();
  });
  const storage = new LocalDiskStorage(root);
  mountMediaRoutes(app, { db: t.db, storage });
  mountArticleFileRoutes(app, { db: t.db, storage });
});

afterAll(async () => {
  await t?.destroy();
  rmSync(root, { recursive: true, force: true });
});

describe("POST /admin/uploads/article-file", () => {
  it("refuses strangers, other co-ops' members, other co-ops' articles and the network host", async () => {
    const body = () => form(PDF, "a.pdf", "application/pdf");
    expect((await upload(A, `articleId=${articleA}&kind=pdf`, body())).status).toBe(401);
    expect((await upload(A, `articleId=${articleA}&kind=pdf`, body(), cookies.outsider)).status).toBe(403);
    expect((await upload(A, `articleId=${articleA}&kind=pdf`, body(), cookies.ownerB)).status).toBe(403);
    expect((await upload(NETWORK, `articleId=${articleA}&kind=pdf`, body(), cookies.ownerA)).status).toBe(404);
    const crossTenant = await upload(A, `articleId=${articleB}&kind=pdf`, body(), cookies.ownerA);
    expect(crossTenant.status).toBe(404);
    expect(await crossTenant.json()).toEqual({ error: "knowledge.errors.not_found" });
    expect((await getAdminArticle(t.db, coops.b, articleB)).files).toEqual([]);
  });

  it("checks the query and the file", async () => {
    expect((await upload(A, `articleId=nope&kind=pdf`, form(PDF, "a.pdf", "application/pdf"), cookies.ownerA)).status).toBe(400);
    expect((await upload(A, `articleId=${articleA}&kind=exe`, form(PDF, "a.pdf", "application/pdf"), cookies.ownerA)).status).toBe(400);
    expect((await upload(A, `articleId=${articleA}&kind=pdf`, new FormData(), cookies.ownerA)).status).toBe(400);
    const fake = await upload(A, `articleId=${articleA}&kind=pdf`, form(Buffer.from("<html><script>alert(1)</script>"), "x.pdf", "application/pdf"), cookies.ownerA);
    expect(fake.status).toBe(400);
    expect(await fake.json()).toEqual({ error: "knowledge.errors.not_a_pdf" });
    const notImage = await upload(A, `articleId=${articleA}&kind=image`, form(PDF, "x.png", "image/png"), cookies.ownerA);
    expect(notImage.status).toBe(415);
    expect((await getAdminArticle(t.db, coops.a, articleA)).files).toEqual([]);
  });

  it("stores an image, a cover and a PDF; a form post is redirected back", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#884400" } }).png().toBuffer();
    const image = await upload(A, `articleId=${articleA}&kind=image`, form(png, "นา.png", "image/png"), cookies.ownerA);
    expect(image.status).toBe(201);
    const imageView = (await image.json()) as { url: string; markdown: string; kind: string };
    expect(imageView.kind).toBe("image");
    expect(imageView.markdown).toBe(`![นา.png](${imageView.url})`);
    // Content-hash keys: served by the public media route on the co-op's host.
    expect((await get(A, imageView.url)).status).toBe(200);

    const cover = await upload(A, `articleId=${articleA}&kind=cover&redirectTo=/admin/knowledge/${articleA}`, form(png, "ปก.png", "image/png"), cookies.ownerA);
    expect(cover.status).toBe(303);
    expect(cover.headers.get("location")).toBe(`/admin/knowledge/${articleA}?upload=ok`);
    expect((await getAdminArticle(t.db, coops.a, articleA)).coverUrl).toBe(imageView.url);

    const bad = await upload(A, `articleId=${articleA}&kind=pdf&redirectTo=/admin/knowledge/${articleA}`, form(Buffer.from("nope"), "x.pdf", "application/pdf"), cookies.ownerA);
    expect(bad.headers.get("location")).toBe(`/admin/knowledge/${articleA}?uploadError=knowledge.errors.not_a_pdf`);
    const evil = await upload(A, `articleId=${articleA}&kind=pdf&redirectTo=https://evil.example/`, form(PDF, "a.pdf", "application/pdf"), cookies.ownerA);
    expect(evil.status).toBe(201);
  });
});

describe("GET /article-files/:tenantId/:fileId", () => {
  it("serves a PDF only while its article may be read by the asker", async () => {
    const res = await upload(A, `articleId=${articleA}&kind=pdf`, form(PDF, "คู่มือ ปุ๋ย.pdf", "application/pdf"), cookies.ownerA);
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^/article-files/${coops.a}/[0-9a-f-]{36}$`));

    const statuses = async () => [
      (await get(A, url, cookies.ownerA)).status, // the co-op's team
      (await get(A, url)).status, // a visitor of the co-op's site
      (await get(NETWORK, url)).status, // the network
      (await get(B, url)).status, // another co-op's host
    ];
    expect(await statuses()).toEqual([200, 404, 404, 404]);
    await setArticleStatus(t.db, coops.a, users.ownerA, articleA, "published");
    expect(await statuses()).toEqual([200, 200, 404, 404]);
    await setArticleShared(t.db, coops.a, users.ownerA, articleA, true);
    expect(await statuses()).toEqual([200, 200, 200, 404]);

    const file = await get(NETWORK, url);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toBe(contentDisposition("attachment", "คู่มือ ปุ๋ย.pdf"));
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PDF);

    await setArticleStatus(t.db, coops.a, users.ownerA, articleA, "draft");
    expect(await statuses()).toEqual([200, 404, 404, 404]);
    expect((await get(NETWORK, `/article-files/${coops.a}/not-a-uuid`)).status).toBe(404);
  });

  it("writes a safe Content-Disposition for any name", () => {
    expect(contentDisposition("inline", "it's (1).pdf")).toBe(`inline; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`);
    expect(contentDisposition("attachment", 'a";\r\nb.pdf')).toBe(`attachment; filename="a____b.pdf"; filename*=UTF-8''a%22%3B%0D%0Ab.pdf`);
  });
});
