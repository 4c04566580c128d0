import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSession, getOrderByTrackingToken, placeOrder, readSession, type SessionInfo } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { type MemberRole, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { readCookie, sessionCookieName, type Site } from "@coop/trpc";
import { Hono } from "hono";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountMediaRoutes } from "./media-routes.ts";
import { SiteResolver } from "./site-resolver.ts";
import { mountSlipRoutes } from "./slip-routes.ts";

let t: TestDatabase;
let root: string;
let app: Hono<{ Variables: { site: Site; auth: SessionInfo | null } }>;
const coops = { a: "", b: "" };
const cookies = { managerA: "", editorA: "", outsider: "", ownerB: "" };
const A = "slips-a.localhost:3000";
const B = "slips-b.localhost:3000";

async function makeUser(email: string, membership?: [string, MemberRole]): Promise<string> {
  const { id } = await t.db.insertInto("users").values({ email, display_name: email, password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
  if (membership) {
    const [tenantId, role] = membership;
    await withTenant(t.db, tenantId, (trx) => trx.insertInto("memberships").values({ tenant_id: tenantId, user_id: id, role }).execute());
  }
  const session = await createSession(t.db, id, { host: "localhost" });
  return `${sessionCookieName(false)}=${session.token}`;
}

async function order(tenantId: string, paymentMethod: "promptpay" | "bank_transfer" | "cod" = "promptpay") {
  const productId = await withTenant(t.db, tenantId, async (trx) => {
    const row = await trx
      .insertInto("products")
      .values({ tenant_id: tenantId, name_th: "ข้าวหอมมะลิ", price_satang: 12000, unit: "kg", stock: 10, status: "available" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return placeOrder(t.db, tenantId, {
    idempotencyKey: randomUUID(),
    customer: { name: "สมศรี", phone: "0812345678" },
    deliveryMethod: "pickup",
    paymentMethod,
    items: [{ productId, quantity: 1 }],
  });
}

const jpeg = () =>
  sharp({ create: { width: 30, height: 50, channels: 3, background: "#336699" } })
    .jpeg()
    .withExif({ IFD0: { Make: "SlipCam" } })
    .toBuffer();

function form(bytes: Uint8Array, name = "slip.jpg", type = "image/jpeg"): FormData {
  const data = new FormData();
  data.set("file", new File([new Uint8Array(bytes)], name, { type }));
  return data;
}

let ip = 0;
const post = (host: string, url: string, body: FormData, from = `192.0.2.${++ip}`) =>
  app.request(url, { method: "POST", body, headers: { host, "x-test-ip": from } });
const get = (host: string, url: string, cookie?: string) => app.request(url, { headers: { host, ...(cookie ? { cookie } : {}) } });

const slipFiles = () => readdirSync(root, { recursive: true }).map(String).filter((f) => f.includes("slips") && f.endsWith(".webp"));

beforeAll(async () => {
  t = await createTestDatabase();
  root = mkdtempSync(path.join(tmpdir(), "coop-api-slips-"));
  for (const slug of ["a", "b"] as const) {
    const { id } = await t.db
      .insertInto("tenants")
      .values({
        slug: `slips-${slug}`, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status: "active", promptpay_id: "0812345678",
        bank_transfer_enabled: true, bank_name: "ธ.ก.ส.", bank_account_no: "012-3-45678-9", bank_account_name: "สหกรณ์",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    coops[slug] = id;
  }
  cookies.managerA = await makeUser("manager@a.example", [coops.a, "manager"]);
  cookies.editorA = await makeUser("editor@a.example", [coops.a, "editor"]);
  cookies.outsider = await makeUser("outsider@example.com");
  cookies.ownerB = await makeUser("owner@b.example", [coops.b, "owner"]);

  const sites = new SiteResolver(t.db, "localhost", 0);
  const storage = new LocalDiskStorage(root);
  app = new Hono();
  app.use("*", async (c, next) => {
    c.set("site", await sites.resolve(c.req.header("host")));
    const token = readCookie(c.req.header("cookie"), sessionCookieName(false));
    c.set("auth", token ? await readSession(t.db, token) : null);
    await next();
  });
  mountSlipRoutes(app, { db: t.db, storage, clientIp: (c) => c.req.header("x-test-ip") ?? "unknown", rateLimit: { limit: 3, windowSeconds: 600 } });
  mountMediaRoutes(app, { db: t.db, storage });
});
afterAll(async () => {
  await t?.destroy();
  rmSync(root, { recursive: true, force: true });
});

describe("POST /orders/:token/slip", () => {
  it("stores the slip and moves the order to payment review; the token holder sees it back, privately", async () => {
    const placed = await order(coops.a, "bank_transfer");
    const response = await post(A, `/orders/${placed.trackingToken}/slip`, form(await jpeg()));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ status: "payment_review" });
    expect((await getOrderByTrackingToken(t.db, coops.a, placed.trackingToken)).status).toBe("payment_review");

    const image = await get(A, `/orders/${placed.trackingToken}/slip`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/webp");
    expect(image.headers.get("cache-control")).toBe("private, no-store");
    expect(image.headers.get("referrer-policy")).toBe("no-referrer");
    expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).exif).toBeUndefined();
    // Not with the token on another co-op's host.
    expect((await get(B, `/orders/${placed.trackingToken}/slip`)).status).toBe(404);
  });

  it("redirects a plain form back to its own tracking page only, with the outcome", async () => {
    const placed = await order(coops.a);
    const back = `/orders/${placed.trackingToken}`;
    const ok = await post(A, `${back}/slip?redirectTo=${encodeURIComponent(back)}`, form(await jpeg()));
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`${back}?slip=ok`);
    const again = await post(A, `${back}/slip?redirectTo=${encodeURIComponent(back)}`, form(await jpeg()));
    expect(again.headers.get("location")).toBe(`${back}?slipError=shop.slip.wrong_status`);
    const elsewhere = await post(A, `${back}/slip?redirectTo=${encodeURIComponent("https://evil.example/")}`, form(await jpeg()));
    expect(elsewhere.status).toBe(409);
  });

  it("refuses the wrong state (409), cash orders (409), another co-op's token (404) and files that are not images (415)", async () => {
    const before = slipFiles().length;
    const cod = await order(coops.a, "cod");
    const cash = await post(A, `/orders/${cod.trackingToken}/slip`, form(await jpeg()));
    expect(cash.status).toBe(409);
    expect(await cash.json()).toEqual({ error: "shop.slip.not_needed" });

    const paid = await order(coops.a);
    expect((await post(A, `/orders/${paid.trackingToken}/slip`, form(await jpeg()))).status).toBe(201);
    expect((await post(A, `/orders/${paid.trackingToken}/slip`, form(await jpeg()))).status).toBe(409);

    const theirs = await order(coops.b);
    const foreign = await post(A, `/orders/${theirs.trackingToken}/slip`, form(await jpeg()));
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: "orders.not_found" });
    expect((await post(A, `/orders/not-a-token/slip`, form(await jpeg()))).status).toBe(404);
    expect((await post("localhost:3000", `/orders/${theirs.trackingToken}/slip`, form(await jpeg()))).status).toBe(404);

    const fresh = await order(coops.a);
    const pdf = await post(A, `/orders/${fresh.trackingToken}/slip`, form(new TextEncoder().encode("%PDF-1.7 not an image"), "slip.pdf", "application/pdf"));
    expect(pdf.status).toBe(415);
    expect(await pdf.json()).toEqual({ error: "media.unsupported_type" });
    const empty = await app.request(`/orders/${fresh.trackingToken}/slip`, { method: "POST", body: new FormData(), headers: { host: A } });
    expect(empty.status).toBe(400);
    expect(slipFiles().length).toBe(before + 1);
    expect((await get(A, `/orders/${fresh.trackingToken}/slip`)).status).toBe(404);
  });

  it("is rate-limited per address", async () => {
    const placed = await order(coops.a, "cod");
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(A, `/orders/${placed.trackingToken}/slip`, form(await jpeg()), "198.51.100.9")).status);
    expect(statuses).toEqual([409, 409, 409, 429]);
    expect((await post(A, `/orders/${placed.trackingToken}/slip`, form(await jpeg()), "198.51.100.10")).status).toBe(409);
  });
});

describe("GET /admin/orders/:orderId/slips/:index", () => {
  it("shows an order's slips to members with orders.manage only, never through /media/", async () => {
    const placed = await order(coops.a);
    await post(A, `/orders/${placed.trackingToken}/slip`, form(await jpeg()));
    const url = `/admin/orders/${placed.orderId}/slips/1`;

    const ok = await get(A, url, cookies.managerA);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/webp");
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    expect((await get(A, `/admin/orders/${placed.orderId}/slips/0`, cookies.managerA)).status).toBe(200);
    expect((await get(A, `/admin/orders/${placed.orderId}/slips/2`, cookies.managerA)).status).toBe(404);
    expect((await get(A, `/admin/orders/not-a-uuid/slips/1`, cookies.managerA)).status).toBe(404);

    expect((await get(A, url)).status).toBe(401);
    expect((await get(A, url, cookies.outsider)).status).toBe(403);
    expect((await get(A, url, cookies.editorA)).status).toBe(403);
    expect((await get(A, url, cookies.ownerB)).status).toBe(403);
    // Another co-op's owner on their own host: the order is not theirs.
    expect((await get(B, url, cookies.ownerB)).status).toBe(404);

    // The public image server does not hand out slips, even to someone who learnt the key.
    const key = await withTenant(t.db, coops.a, (trx) =>
      trx.selectFrom("order_slips").select("storage_key").where("order_id", "=", placed.orderId).executeTakeFirstOrThrow(),
    );
    expect(key.storage_key).toContain("/slips/");
    expect((await get(A, `/media/${key.storage_key}`)).status).toBe(404);
  });
});
