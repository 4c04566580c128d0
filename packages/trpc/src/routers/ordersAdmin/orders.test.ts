import type { PublicTenant } from "@coop/core";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorInfo } from "../../errors.ts";
import { createCaller } from "../../root.ts";
import type { Site } from "../../site.ts";
import { makeCoopWithMembers, testCaller, testContext } from "../../testing.ts";

let t: TestDatabase;
let db: Kysely<Database>;

async function failure(promise: Promise<unknown>): Promise<{ code: string; key: string }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const info = errorInfo(error);
    return { code: info.code, key: info.messageKey };
  }
  throw new Error("expected a failure");
}

interface Coop {
  tenant: PublicTenant;
  site: Site;
  manager: string;
  editor: string;
  rice: string;
  honey: string;
}

async function makeCoop(slug: string): Promise<Coop> {
  const coop = await makeCoopWithMembers(db, slug, ["manager", "editor"], { promptpay_id: "0812345678", local_delivery_enabled: true, local_delivery_fee_satang: 4000 });
  const product = (name: string, stock: number, price: number) =>
    withTenant(db, coop.id, async (trx) =>
      (await trx.insertInto("products").values({ tenant_id: coop.id, name_th: name, price_satang: price, unit: "kg", stock }).returning("id").executeTakeFirstOrThrow()).id,
    );
  return { tenant: coop.tenant, site: coop.site, ...coop.members, rice: await product("ข้าวหอมมะลิ", 20, 12000), honey: await product("น้ำผึ้งป่า", 5, 25000) };
}

/** A guest's caller whose requests carry `cookies` (as the server reads them from the Cookie header). */
async function guest(coop: Coop, cookies: string[] = [], ip = "192.0.2.1") {
  const ctx = await testContext(db, coop.site, { ip });
  Object.assign(ctx.request, { cookieHeader: cookies.map((c) => c.split(";")[0]).join("; ") });
  return { caller: createCaller(ctx), ctx };
}

const customer = { name: "สมศรี มีสุข", phone: "0812345678" };

let a: Coop;
let b: Coop;
let bOrder: { orderId: string; trackingToken: string; number: string };

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  a = await makeCoop("kr-alpha");
  b = await makeCoop("bravo-coop");
  const { caller } = await guest(b);
  const placed = await caller.checkout.place({ idempotencyKey: randomUUID(), customer, deliveryMethod: "pickup", paymentMethod: "cod", items: [{ productId: b.rice, quantity: 2 }] });
  const order = await withTenant(db, b.tenant.id, (trx) => trx.selectFrom("orders").select("id").executeTakeFirstOrThrow());
  bOrder = { orderId: order.id, trackingToken: placed.trackingToken, number: placed.number };
});
afterAll(async () => {
  await t?.destroy();
});

describe("cart and checkout", () => {
  it("keep a guest cart in a host-only cookie, check out from it and empty it", async () => {
    const first = await guest(a);
    expect(await first.caller.cart.get()).toEqual({ items: [], subtotalSatang: 0, count: 0 });
    const added = await first.caller.cart.add({ productId: a.rice, quantity: 2 });
    expect(added).toMatchObject({ subtotalSatang: 24000, count: 2, items: [{ productId: a.rice, nameTh: "ข้าวหอมมะลิ", nameEn: null, unit: "kg", unitPriceSatang: 12000, quantity: 2, stock: 20, lineTotalSatang: 24000, photoUrl: null }] });
    expect(first.ctx.responseCookies).toHaveLength(1);
    expect(first.ctx.responseCookies[0]).toMatch(/^coop_cart=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    expect(first.ctx.responseCookies[0]).not.toMatch(/Domain=/i);

    const later = await guest(a, first.ctx.responseCookies);
    await later.caller.cart.add({ productId: a.honey, quantity: 1 });
    expect(later.ctx.responseCookies).toEqual([]);
    expect((await later.caller.cart.update({ productId: a.rice, quantity: 3 })).count).toBe(4);
    expect(await failure(later.caller.cart.update({ productId: a.honey, quantity: 6 }))).toEqual({ code: "CONFLICT", key: "cart.not_enough_stock" });

    expect(await later.caller.checkout.options()).toEqual({
      delivery: [{ method: "pickup", feeSatang: 0 }, { method: "local", feeSatang: 4000 }],
      parcelFeeByProvince: {},
      payment: ["promptpay", "cod"],
      promptpayId: "0812345678",
      bank: null,
    });
    const request = {
      idempotencyKey: randomUUID(),
      customer: { ...customer, email: "somsri@example.com" },
      address: { line: "9 หมู่ 2", subdistrict: "ในเมือง", district: "เมือง", provinceCode: 30, postcode: "30000" },
      deliveryMethod: "local" as const,
      paymentMethod: "promptpay" as const,
      notes: "โทรก่อนส่ง",
    };
    const placed = await later.caller.checkout.place(request);
    // The browser re-sends the same checkout after the cart was emptied: the same order comes back.
    expect(await later.caller.checkout.place(request)).toEqual(placed);
    expect(placed).toEqual({ paymentUrl: null, number: expect.stringMatching(/^KR-\d{6}$/), trackingToken: expect.any(String), totalSatang: 3 * 12000 + 25000 + 4000 });
    expect(await later.caller.cart.get()).toEqual({ items: [], subtotalSatang: 0, count: 0 });
    expect(await failure(later.caller.checkout.place({ idempotencyKey: randomUUID(), customer, deliveryMethod: "pickup", paymentMethod: "cod" }))).toEqual({
      code: "BAD_REQUEST", key: "checkout.cart_empty",
    });

    const tracked = await later.caller.orders.track({ token: placed.trackingToken });
    expect(tracked).toMatchObject({
      number: placed.number, status: "pending_payment", paymentMethod: "promptpay", deliveryMethod: "local",
      subtotalSatang: 61000, deliveryFeeSatang: 4000, totalSatang: 65000, events: [{ toStatus: "pending_payment", note: null }],
      coop: { promptpayId: "0812345678", bank: null },
    });
    expect(tracked.items).toHaveLength(2);
  });

  it("refuses sold-out lines with a clear message and limits checkouts per IP", async () => {
    const { caller } = await guest(a, [], "198.51.100.7");
    expect(
      await failure(caller.checkout.place({ idempotencyKey: randomUUID(), customer, deliveryMethod: "pickup", paymentMethod: "cod", items: [{ productId: a.honey, quantity: 99 }] })),
    ).toEqual({ code: "CONFLICT", key: "checkout.sold_out" });
    for (let i = 0; i < 19; i++) {
      await caller.checkout.options();
      await failure(caller.checkout.place({ idempotencyKey: randomUUID(), customer, deliveryMethod: "pickup", paymentMethod: "cod", items: [{ productId: a.honey, quantity: 99 }] }));
    }
    expect(
      await failure(caller.checkout.place({ idempotencyKey: randomUUID(), customer, deliveryMethod: "pickup", paymentMethod: "cod", items: [{ productId: a.rice, quantity: 1 }] })),
    ).toEqual({ code: "TOO_MANY_REQUESTS", key: "checkout.rate_limited" });
  });
});

describe("orders back office", () => {
  it("lists, shows, moves and exports the co-op's orders for managers", async () => {
    const { caller } = await guest(a);
    await caller.checkout.place({ idempotencyKey: randomUUID(), customer: { name: "มาลี", phone: "0923456789" }, deliveryMethod: "pickup", paymentMethod: "cod", items: [{ productId: a.rice, quantity: 1 }] });
    const manager = await testCaller(db, a.site, { userId: a.manager });
    const list = await manager.ordersAdmin.list({ search: "0923456789" });
    expect(list.total).toBe(1);
    const id = list.items[0]!.id;
    expect((await manager.ordersAdmin.get({ orderId: id })).nextStatuses).toEqual(["payment_review", "packed", "cancelled"]);
    expect((await manager.ordersAdmin.transition({ orderId: id, to: "packed", note: "จัดของแล้ว" })).status).toBe("packed");
    expect(await failure(manager.ordersAdmin.transition({ orderId: id, to: "pending_payment" }))).toEqual({ code: "CONFLICT", key: "orders.illegal_transition" });
    const csv = await manager.ordersAdmin.csv({ status: "packed" });
    expect(csv.filename).toMatch(/^orders-kr-alpha-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.body).toContain("มาลี");
  });

  it("is closed to editors, guests and other co-ops' members", async () => {
    const editor = await testCaller(db, a.site, { userId: a.editor });
    const anonymous = await testCaller(db, a.site);
    const bManagerOnA = await testCaller(db, a.site, { userId: b.manager });
    for (const caller of [editor, bManagerOnA]) {
      expect(await failure(caller.ordersAdmin.list({}))).toMatchObject({ code: "FORBIDDEN" });
      expect(await failure(caller.ordersAdmin.get({ orderId: bOrder.orderId }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await failure(caller.ordersAdmin.transition({ orderId: bOrder.orderId, to: "cancelled" }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await failure(caller.ordersAdmin.csv({}))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await failure(anonymous.ordersAdmin.list({}))).toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("tenant isolation: A's host, B's ids", () => {
  it("never reveals or changes B's orders through A's manager", async () => {
    const manager = await testCaller(db, a.site, { userId: a.manager });
    expect(await failure(manager.ordersAdmin.get({ orderId: bOrder.orderId }))).toEqual({ code: "NOT_FOUND", key: "orders.not_found" });
    expect(await failure(manager.ordersAdmin.transition({ orderId: bOrder.orderId, to: "cancelled" }))).toEqual({ code: "NOT_FOUND", key: "orders.not_found" });
    expect((await manager.ordersAdmin.list({ search: bOrder.number })).items.map((o) => o.id)).not.toContain(bOrder.orderId);
    expect((await manager.ordersAdmin.csv({})).body).not.toContain(bOrder.number);
    const bManager = await testCaller(db, b.site, { userId: b.manager });
    expect(await bManager.ordersAdmin.get({ orderId: bOrder.orderId })).toMatchObject({ status: "pending_payment", events: [expect.anything()] });
    const stock = await withTenant(db, b.tenant.id, (trx) => trx.selectFrom("products").select("stock").where("id", "=", b.rice).executeTakeFirstOrThrow());
    expect(stock.stock).toBe(18);
  });

  it("does not find B's tracking link on A's site", async () => {
    const { caller } = await guest(a);
    expect(await failure(caller.orders.track({ token: bOrder.trackingToken }))).toEqual({ code: "NOT_FOUND", key: "orders.not_found" });
    const onB = await guest(b);
    expect((await onB.caller.orders.track({ token: bOrder.trackingToken })).number).toBe(bOrder.number);
  });

  it("still shows a customer the order while the co-op is suspended, but asks for no payment and sells nothing", async () => {
    const closedB: Coop = { ...b, site: { kind: "suspended", tenant: { ...b.tenant, status: "suspended" } } };
    const { caller } = await guest(closedB);
    expect((await caller.orders.track({ token: bOrder.trackingToken })).number).toBe(bOrder.number);
    expect(await failure(caller.orders.promptPayQr({ token: bOrder.trackingToken }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(caller.cart.get())).toMatchObject({ code: "NOT_FOUND" });
    // Closed or not, A's tracking links stay A's.
    const closedA: Coop = { ...a, site: { kind: "suspended", tenant: { ...a.tenant, status: "suspended" } } };
    expect(await failure((await guest(closedA)).caller.orders.track({ token: bOrder.trackingToken }))).toEqual({ code: "NOT_FOUND", key: "orders.not_found" });
  });

  it("keeps carts and products to their own co-op", async () => {
    const onB = await guest(b);
    await onB.caller.cart.add({ productId: b.rice, quantity: 1 });
    const bCookie = onB.ctx.responseCookies;
    // B's cart cookie presented on A's host is no cart there.
    const onA = await guest(a, bCookie);
    expect(await onA.caller.cart.get()).toEqual({ items: [], subtotalSatang: 0, count: 0 });
    expect(await onA.caller.cart.remove({ productId: b.rice })).toEqual({ items: [], subtotalSatang: 0, count: 0 });
    expect(await onA.caller.cart.update({ productId: b.rice, quantity: 0 })).toEqual({ items: [], subtotalSatang: 0, count: 0 });
    expect(await failure(onA.caller.cart.add({ productId: b.rice, quantity: 1 }))).toEqual({ code: "NOT_FOUND", key: "cart.product_not_found" });
    expect(await failure(onA.caller.cart.update({ productId: b.honey, quantity: 1 }))).toEqual({ code: "NOT_FOUND", key: "cart.product_not_found" });
    expect(
      await failure(onA.caller.checkout.place({ idempotencyKey: randomUUID(), customer, deliveryMethod: "pickup", paymentMethod: "cod", items: [{ productId: b.rice, quantity: 1 }] })),
    ).toEqual({ code: "NOT_FOUND", key: "checkout.product_not_found" });
    // A checkout on A's host with B's cart cookie orders nothing of B's.
    expect(await failure(onA.caller.checkout.place({ idempotencyKey: randomUUID(), customer, deliveryMethod: "pickup", paymentMethod: "cod" }))).toEqual({
      code: "BAD_REQUEST", key: "checkout.cart_empty",
    });
    const stillB = await guest(b, bCookie);
    expect((await stillB.caller.cart.get()).items.map((i) => [i.productId, i.quantity])).toEqual([[b.rice, 1]]);
  });

  it("answers nothing on the network host", async () => {
    const network = await testCaller(db, { kind: "network" });
    expect(await failure(network.cart.get())).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(network.orders.track({ token: bOrder.trackingToken }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(network.checkout.options())).toMatchObject({ code: "NOT_FOUND" });
  });
});
