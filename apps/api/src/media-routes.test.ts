import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { createSession, readSession, type SessionInfo } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { type MemberRole, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { readCookie, sessionCookieName, type Site } from "@coop/trpc";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mediaUrl, mountMediaRoutes } from "./media-routes.ts";
import { SiteResolver } from "./site-resolver.ts";

let t: TestDatabase;
let root: string;
let app: Hono<{ Variables: { site: Site; auth: SessionInfo | null } }>;
const coops = { a: "", b: "" };
const cookies = { ownerA: "", editorA: "", outsider: "", ownerB: "" };
let productA: string;
let productB: string;

/** A solid-colour RGB PNG, made without any image library. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "ascii");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x7f)]);
  const idat = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}

function storedFiles(): string[] {
  try {
    return (readdirSync(root, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; name: string; parentPath: string }>)
      .filter((e) => e.isFile() && !e.parentPath.includes(".tmp"))
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
  } catch {
    return [];
  }
}

function form(bytes: Uint8Array, name = "photo.jpg", type = "image/jpeg"): FormData {
  const data = new FormData();
  data.set("file", new File([new Uint8Array(bytes)], name, { type }));
  return data;
}

function post(host: string, url: string, body: FormData | null, cookie?: string, headers: Record<string, string> = {}) {
  return app.request(url, { method: "POST", body, headers: { host, ...(cookie ? { cookie } : {}), ...headers } });
}

const get = (host: string, url: string) => app.request(url, { headers: { host } });

async function makeUser(email: string, membership?: [string, MemberRole], host = "localhost"): Promise<string> {
  const { id } = await t.db.insertInto("users").values({ email, display_name: email, password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
  if (membership) {
    const [tenantId, role] = membership;
    await withTenant(t.db, tenantId, (trx) => trx.insertInto("memberships").values({ tenant_id: tenantId, user_id: id, role }).execute());
  }
  const session = await createSession(t.db, id, { host });
  return `${sessionCookieName(false)}=${session.token}`;
}

async function makeProduct(tenantId: string): Promise<string> {
  return withTenant(t.db, tenantId, async (trx) => {
    const row = await trx.insertInto("products").values({ tenant_id: tenantId, name_th: "ทุเรียน", price_satang: 15000, unit: "kg" }).returning("id").executeTakeFirstOrThrow();
    return row.id;
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  root = mkdtempSync(path.join(tmpdir(), "coop-api-media-"));
  for (const slug of ["a", "b"] as const) {
    const { id } = await t.db
      .insertInto("tenants")
      .values({ slug: `media-${slug}`, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status: "active" })
      .returning("id")
      .executeTakeFirstOrThrow();
    coops[slug] = id;
  }
  cookies.ownerA = await makeUser("owner@a.example", [coops.a, "owner"]);
  cookies.editorA = await makeUser("editor@a.example", [coops.a, "editor"]);
  cookies.outsider = await makeUser("outsider@example.com");
  cookies.ownerB = await makeUser("owner@b.example", [coops.b, "owner"]);
  productA = await makeProduct(coops.a);
  productB = await makeProduct(coops.b);

  // The same middleware order as app.ts: site from the Host, then the session, then the routes.
  const sites = new SiteResolver(t.db, "localhost", 0);
  app = new Hono();
  app.use("*", async (c, next) => {
    c.set("site", await sites.resolve(c.req.header("host")));
    const token = readCookie(c.req.header("cookie"), sessionCookieName(false));
    c.set("auth", token ? await readSession(t.db, token) : null);
    await next();
  });
  mountMediaRoutes(app, { db: t.db, storage: new LocalDiskStorage(root) });
});
afterAll(async () => {
  await t?.destroy();
  rmSync(root, { recursive: true, force: true });
});

const A = "media-a.localhost:3000";
const B = "media-b.localhost:3000";

describe("POST /admin/uploads/product-photo", () => {
  const url = () => `/admin/uploads/product-photo?productId=${productA}`;

  it("answers 401 without a session, 403 to outsiders and members of other co-ops, 404 off a co-op host", async () => {
    const noSession = await post(A, url(), form(png(10, 10)));
    expect(noSession.status).toBe(401);
    expect(await noSession.json()).toEqual({ error: "auth.sign_in_required" });
    const outsider = await post(A, url(), form(png(10, 10)), cookies.outsider);
    expect(outsider.status).toBe(403);
    expect(await outsider.json()).toEqual({ error: "auth.not_a_member" });
    expect((await post(A, url(), form(png(10, 10)), cookies.ownerB)).status).toBe(403);
    expect((await post("localhost:3000", url(), form(png(10, 10)), cookies.ownerA)).status).toBe(404);
    expect((await post("nobody.localhost:3000", url(), form(png(10, 10)), cookies.ownerA)).status).toBe(404);
    expect(storedFiles()).toEqual([]);
  });

  it("answers 413 to a body over the limit, checked before it is read", async () => {
    const big = Buffer.alloc(11 * 1024 * 1024);
    png(10, 10).copy(big);
    const streamed = await post(A, url(), form(big), cookies.editorA);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: "media.too_large" });
    const declared = await post(A, url(), form(png(10, 10)), cookies.editorA, { "content-length": String(50 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect(storedFiles()).toEqual([]);
  });

  it("answers 415 to what is not an image, whatever its name and type say, and 400 to a broken one", async () => {
    const text = await post(A, url(), form(Buffer.from("I am a text file"), "photo.jpg", "image/jpeg"), cookies.editorA);
    expect(text.status).toBe(415);
    expect(await text.json()).toEqual({ error: "media.unsupported_type" });
    const truncated = png(300, 300).subarray(0, 60);
    const broken = await post(A, url(), form(truncated, "photo.png", "image/png"), cookies.editorA);
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: "media.corrupt" });
    expect((await post(A, url(), new FormData(), cookies.editorA)).status).toBe(400);
    expect((await post(A, "/admin/uploads/product-photo?productId=nope", form(png(10, 10)), cookies.editorA)).status).toBe(400);
    expect(storedFiles()).toEqual([]);
  });

  it("answers 404 for another co-op's product and stores nothing", async () => {
    const res = await post(A, `/admin/uploads/product-photo?productId=${productB}`, form(png(10, 10)), cookies.editorA);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "catalog.product_not_found" });
    expect(storedFiles()).toEqual([]);
  });

  it("stores a photo (201) that is then served with immutable caching on its own co-op's host only", async () => {
    const res = await post(A, url(), form(png(900, 600), "IMG_0001.PNG", "image/png"), cookies.editorA);
    expect(res.status).toBe(201);
    const photo = (await res.json()) as { id: string; url: string; variants: Array<{ width: number; key: string; url: string }> };
    expect(photo.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(photo.variants.map((v) => v.width)).toEqual([320, 640, 900]);
    expect(photo.variants.every((v) => v.url === mediaUrl(v.key) && v.key.startsWith(`t/${coops.a}/p/`))).toBe(true);
    expect(storedFiles()).toHaveLength(3);

    const served = await get(A, photo.variants[0]!.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(bytes.subarray(8, 12).toString("ascii")).toBe("WEBP");

    const elsewhere = await get(B, photo.variants[0]!.url);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.headers.get("cache-control")).toBe("no-store");
    expect((await get("nobody.localhost:3000", photo.url)).status).toBe(404);
    // The network's own host may show any co-op's images.
    expect((await get("localhost:3000", photo.url)).status).toBe(200);
  });
});

describe("POST /admin/uploads/coop-image", () => {
  it("needs settings.edit: an editor gets 403, an owner sets the logo", async () => {
    const editor = await post(A, "/admin/uploads/coop-image?kind=logo", form(png(600, 300)), cookies.editorA);
    expect(editor.status).toBe(403);
    expect(await editor.json()).toEqual({ error: "auth.forbidden" });
    expect((await post(A, "/admin/uploads/coop-image?kind=banner", form(png(600, 300)), cookies.ownerA)).status).toBe(400);

    const res = await post(A, "/admin/uploads/coop-image?kind=logo", form(png(600, 300)), cookies.ownerA);
    expect(res.status).toBe(201);
    const logo = (await res.json()) as { key: string; url: string; variants: Array<{ size: number; url: string }> };
    expect(logo.variants.map((v) => v.size)).toEqual([128, 256, 512]);
    const tenant = await t.db.selectFrom("tenants").select("logo_key").where("id", "=", coops.a).executeTakeFirstOrThrow();
    expect(tenant.logo_key).toBe(logo.key);
    expect((await get(A, logo.url)).status).toBe(200);
    expect((await get(B, logo.url)).status).toBe(404);
  });
});

describe("GET /media/*", () => {
  it("answers 404 to missing objects and to keys that try to leave the store", async () => {
    expect((await get(A, `/media/t/${coops.a}/p/0000000000000000-320.webp`)).status).toBe(404);
    for (const probe of [`/media/t/${coops.a}/../../etc/passwd`, `/media/t/${coops.a}/%2e%2e/%2e%2e/x`, "/media/.tmp/x", "/media/"]) {
      expect((await get("localhost:3000", probe)).status, probe).toBe(404);
    }
  });
});
