import type { PublicTenant } from "@coop/core";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "@coop/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../root.ts";
import { makeCoopWithMembers, refusal, testCaller, testContext } from "../../testing.ts";

let t: TestDatabase;
let db: Kysely<Database>;

interface Coop {
  tenant: PublicTenant;
  manager: string;
  product: (stock: number, price?: number) => Promise<string>;
}

async function makeCoop(slug: string): Promise<Coop> {
  const coop = await makeCoopWithMembers(db, slug, ["manager"], { promptpay_id: "0812345678", local_delivery_enabled: true, local_delivery_fee_satang: 4000 });
  const product = (stock: number, price = 10000) =>
    withTenant(db, coop.id, async (trx) =>
      (await trx.insertInto("products").values({ tenant_id: coop.id, name_th: `ผลผลิต ${slug}`, price_satang: price, unit: "kg", stock }).returning("id").executeTakeFirstOrThrow()).id,
    );
  return { tenant: coop.tenant, manager: coop.members.manager, product };
}

/** A guest on the network site; the context keeps the cookies procedures set, as a browser would. */
async function shopper(ip = "198.51.100.7") {
  const ctx = await testContext(db, { kind: "network" }, { ip });
  return { caller: createCaller(ctx), ctx };
}

function checkoutInput(coops: Coop[], extra: Record<string, unknown> = {}) {
  return {
    idempotencyKey: randomUUID(),
    customer: { name: "สมศรี มีสุข", phone: "0812345678" },
    parts: coops.map((c) => ({ coopId: c.tenant.id, deliveryMethod: "pickup" as const, paymentMethod: "promptpay" as const })),
    payWithStripe: false,
    ...extra,
  };
}

let a: Coop;
let b: Coop;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  a = await makeCoop("mp-alpha");
  b = await makeCoop("mp-beta");
});
afterAll(async () => t?.destroy());

describe(`market cart, checkout and orders procedures on ${TEST_ENGINE}`, () => {
  it("keep the cart in a host-only market_cart cookie on the network site, apart from co-op carts", async () => {
    const { caller, ctx } = await shopper();
    const rice = await a.product(10);
    const cart = await caller.market.cart.add({ productId: rice, quantity: 2 });
    expect(cart.groups.map((g) => g.coop.siteUrl)).toEqual(["http://mp-alpha.localhost:3000"]);
    expect(ctx.responseCookies).toHaveLength(1);
    expect(ctx.responseCookies[0]).toMatch(/^market_cart=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    // A later request carrying only the Cookie header finds the same cart.
    const later = await testContext(db, { kind: "network" });
    later.request.cookieHeader = ctx.responseCookies[0]!.split(";")[0]!;
    expect((await createCaller(later).market.cart.get()).count).toBe(2);
    // The co-op site's own cart does not see it, and the market cart is not served on a co-op host.
    const coopCtx = await testContext(db, { kind: "coop", tenant: a.tenant });
    coopCtx.request.cookieHeader = later.request.cookieHeader;
    expect((await createCaller(coopCtx).cart.get()).count).toBe(0);
    expect(await refusal(createCaller(coopCtx).market.cart.get())).toBe("NOT_FOUND:site.not_found");
    expect(await refusal(createCaller(coopCtx).market.checkout.place(checkoutInput([a])))).toBe("NOT_FOUND:site.not_found");
    expect(await refusal(createCaller(coopCtx).market.orders.get({ token: "x".repeat(43) }))).toBe("NOT_FOUND:site.not_found");
    expect((await caller.market.cart.update({ productId: rice, quantity: 0 })).count).toBe(0);
  });

  it("place one order per co-op, empty the cart, and show the marketplace order; each co-op sees only its own part", async () => {
    const { caller } = await shopper();
    const rice = await a.product(10, 12000);
    const honey = await b.product(3, 25000);
    await caller.market.cart.add({ productId: rice, quantity: 2 });
    await caller.market.cart.add({ productId: honey, quantity: 1 });
    const options = await caller.market.checkout.options({ provinceCode: 30 });
    expect(options.stripeForAll).toBe(false);
    // In the cart's order (first added first), each with its own methods.
    expect(options.parts.map((p) => [p.coop.slug, p.payment])).toEqual([["mp-alpha", ["promptpay", "cod"]], ["mp-beta", ["promptpay", "cod"]]]);

    const input = checkoutInput([a, b]);
    const placed = await caller.market.checkout.place(input);
    expect(placed).toEqual({ trackingToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), paymentUrl: null });
    expect((await caller.market.cart.get()).count).toBe(0);
    expect(await caller.market.checkout.place(input)).toEqual(placed);

    const view = await caller.market.orders.get({ token: placed.trackingToken });
    expect(view.totalSatang).toBe(24000 + 25000);
    expect(view.parts.map((p) => p.coop.slug).sort()).toEqual(["mp-alpha", "mp-beta"]);
    const partA = view.parts.find((p) => p.coop.slug === "mp-alpha")!;
    expect(partA.trackingUrl).toMatch(/^http:\/\/mp-alpha\.localhost:3000\/orders\/[A-Za-z0-9_-]{43}$/);
    expect(partA.promptPayQr?.svg).toContain("<svg");

    // The part's link opens the order on its own co-op's site (and only there).
    const partToken = partA.trackingUrl.split("/orders/")[1]!;
    expect((await testCaller(db, { kind: "coop", tenant: a.tenant }).then((c) => c.orders.track({ token: partToken }))).number).toBe(partA.number);
    expect(await refusal(testCaller(db, { kind: "coop", tenant: b.tenant }).then((c) => c.orders.track({ token: partToken })))).toBe("NOT_FOUND:orders.not_found");

    // Co-op A's back office lists A's part only, and cannot open B's part by id.
    const adminA = await testCaller(db, { kind: "coop", tenant: a.tenant }, { userId: a.manager });
    const partIds = (coop: Coop) =>
      withTenant(db, coop.tenant.id, (trx) => trx.selectFrom("orders").select("id").where("marketplace_order_id", "is not", null).execute());
    const [aIds, bIds] = [await partIds(a), await partIds(b)];
    expect(aIds).toHaveLength(1);
    expect(bIds).toHaveLength(1);
    const listA = await adminA.ordersAdmin.list({});
    expect(listA.items.map((o) => o.id)).toEqual(aIds.map((o) => o.id));
    expect((await adminA.ordersAdmin.get({ orderId: aIds[0]!.id })).number).toBe(partA.number);
    for (const { id } of bIds) expect(await refusal(adminA.ordersAdmin.get({ orderId: id }))).toBe("NOT_FOUND:orders.not_found");
    // B's manager in A's back office is no member there.
    const bInA = await testCaller(db, { kind: "coop", tenant: a.tenant }, { userId: b.manager });
    expect(await refusal(bInA.ordersAdmin.list({}))).toBe("FORBIDDEN:auth.not_a_member");
  });

  it("never reveal another marketplace order, and answer garbage with 4xx", async () => {
    const { caller } = await shopper("198.51.100.8");
    expect(await refusal(caller.market.orders.get({ token: "A".repeat(43) }))).toBe("NOT_FOUND:marketplace.order_not_found");
    expect(await refusal(caller.market.orders.get({ token: "short" }))).toBe("BAD_REQUEST:validation.invalid");
    expect(await refusal(caller.market.orders.get({} as never))).toBe("BAD_REQUEST:validation.invalid");
    expect(await refusal(caller.market.cart.add({ productId: "not-a-uuid", quantity: 1 }))).toBe("BAD_REQUEST:validation.invalid");
    expect(await refusal(caller.market.cart.add({ productId: randomUUID(), quantity: 0 }))).toBe("BAD_REQUEST:validation.invalid");
    expect(await refusal(caller.market.cart.add({ productId: randomUUID(), quantity: 1 }))).toBe("NOT_FOUND:marketplace.product_unavailable");
    expect(await refusal(caller.market.checkout.options({ provinceCode: 1000 }))).toBe("BAD_REQUEST:validation.invalid");
    expect(await refusal(caller.market.checkout.place({ idempotencyKey: "x" } as never))).toBe("BAD_REQUEST:validation.invalid");
    expect(await refusal(caller.market.checkout.place(checkoutInput([a])))).toBe("BAD_REQUEST:checkout.cart_empty");
    const honey = await b.product(5);
    await caller.market.cart.add({ productId: honey, quantity: 1 });
    expect(await refusal(caller.market.checkout.place(checkoutInput([a])))).toBe("CONFLICT:marketplace.cart_changed");
    expect(await refusal(caller.market.checkout.place(checkoutInput([b], { payWithStripe: true })))).toBe("BAD_REQUEST:marketplace.stripe_unavailable");
    expect(await refusal(caller.market.checkout.place(checkoutInput([b], { parts: [{ coopId: b.tenant.id, deliveryMethod: "local", paymentMethod: "cod" }] })))).toBe(
      "BAD_REQUEST:validation.invalid",
    );
  });
});
