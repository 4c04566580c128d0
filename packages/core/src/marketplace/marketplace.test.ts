import { type Database, type Kysely, sql, withTenant } from "@coop/db";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "@coop/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MAX_CART_LINES } from "../cart/cart.ts";
import { AppError } from "../errors.ts";
import { getOrderByTrackingToken } from "../orders/queries.ts";
import { countRows, makeCoop, makeProduct, messageKeyOf, openForOrders, stockOf } from "../orders/testing.ts";
import { configureStripe } from "../payments/stripe/client.ts";
import { hashToken } from "../security/tokens.ts";
import { addToMarketCart, getMarketCart, purgeStaleMarketCarts, removeFromMarketCart, updateMarketCartItem } from "./cart.ts";
import { getMarketCheckoutOptions, type MarketCheckoutDeps, placeMarketplaceOrder } from "./checkout.ts";
import { getMarketplaceOrder } from "./orders.ts";
import type { MarketCheckoutInput } from "./schemas.ts";
import { partIdempotencyKey, partTrackingToken } from "./tokens.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let a: string;
let b: string;
let c: string;
const links = { siteUrl: (slug: string) => `http://${slug}.localhost:3000` };
const deps: MarketCheckoutDeps = { links };

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  // Created out of id order on purpose: the checkout sorts co-ops by id itself.
  a = await makeCoop(db, "mk-a");
  b = await makeCoop(db, "mk-b");
  c = await makeCoop(db, "mk-c");
  for (const coop of [a, b, c]) await openForOrders(db, coop);
});
afterAll(async () => {
  configureStripe(null);
  await t?.destroy();
});


/** A fresh cart holding the given lines; returns its cookie token. */
async function cartWith(lines: Array<{ productId: string; quantity: number }>): Promise<string> {
  let token: string | null = null;
  for (const line of lines) token = (await addToMarketCart(db, token, line, links)).newToken ?? token;
  return token!;
}

function order(coops: string[], extra: Partial<MarketCheckoutInput> = {}): MarketCheckoutInput {
  return {
    idempotencyKey: randomUUID(),
    customer: { name: "สมศรี มีสุข", phone: "081-234-5678", email: "somsri@example.com" },
    parts: coops.map((coopId) => ({ coopId, deliveryMethod: "pickup", paymentMethod: "promptpay" })),
    payWithStripe: false,
    ...extra,
  };
}

async function marketplaceRows(): Promise<number> {
  return Number((await db.selectFrom("marketplace_orders").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
}

describe(`market cart on ${TEST_ENGINE}`, () => {
  it("holds lines of several co-ops, grouped by co-op, within stock", async () => {
    const rice = await makeProduct(db, a, { stock: 5, price: 12000, name: "ข้าวหอมมะลิ" });
    const honey = await makeProduct(db, b, { stock: 3, price: 20000, name: "น้ำผึ้ง" });
    const tea = await makeProduct(db, c, { stock: 9, price: 5000, name: "ชาใบหม่อน" });
    expect(await getMarketCart(db, null, links)).toEqual({ groups: [], count: 0, totalSatang: 0 });

    const first = await addToMarketCart(db, null, { productId: rice, quantity: 2 }, links);
    const token = first.newToken!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await db.selectFrom("market_carts").select("token_hash").where("token_hash", "=", hashToken(token)).execute()).toHaveLength(1);
    expect((await addToMarketCart(db, token, { productId: rice, quantity: 1 }, links)).newToken).toBeNull();
    await addToMarketCart(db, token, { productId: honey, quantity: 1 }, links);
    await addToMarketCart(db, token, { productId: tea, quantity: 4 }, links);

    const cart = await getMarketCart(db, token, links);
    expect(cart.groups.map((g) => g.coop.slug)).toEqual(["mk-a", "mk-b", "mk-c"]);
    expect(cart.groups[0]).toMatchObject({
      coop: { id: a, slug: "mk-a", name: "สหกรณ์ mk-a", siteUrl: "http://mk-a.localhost:3000", province: { code: 30 } },
      lines: [expect.objectContaining({ productId: rice, nameTh: "ข้าวหอมมะลิ", quantity: 3, stock: 5, available: true, lineTotalSatang: 36000 })],
      subtotalSatang: 36000,
    });
    expect(cart).toMatchObject({ count: 8, totalSatang: 36000 + 20000 + 20000 });

    expect(await messageKeyOf(addToMarketCart(db, token, { productId: rice, quantity: 3 }, links))).toBe("cart.not_enough_stock");
    expect(await messageKeyOf(updateMarketCartItem(db, token, { productId: honey, quantity: 4 }, links))).toBe("cart.not_enough_stock");
    expect((await updateMarketCartItem(db, token, { productId: honey, quantity: 3 }, links)).cart.count).toBe(10);
    expect((await updateMarketCartItem(db, token, { productId: honey, quantity: 0 }, links)).cart.groups.map((g) => g.coop.slug)).toEqual(["mk-a", "mk-c"]);
    expect((await removeFromMarketCart(db, token, { productId: tea }, links)).cart.groups.map((g) => g.coop.slug)).toEqual(["mk-a"]);
    // Nothing to change without a cart: no cart is created.
    expect(await removeFromMarketCart(db, null, { productId: rice }, links)).toEqual({ cart: { groups: [], count: 0, totalSatang: 0 }, newToken: null });
    expect((await updateMarketCartItem(db, null, { productId: rice, quantity: 0 }, links)).newToken).toBeNull();
  });

  it("refuses products that are not listed: hidden, archived, of a suspended or pending co-op, or unknown", async () => {
    const hidden = await makeProduct(db, a, { stock: 5, status: "hidden" });
    const archived = await makeProduct(db, a, { stock: 5, archived: true });
    const soon = await makeProduct(db, a, { stock: 5, status: "coming_soon" });
    const soldOut = await makeProduct(db, a, { stock: 0, status: "sold_out" });
    const shut = await makeCoop(db, "mk-shut");
    const shutProduct = await makeProduct(db, shut, { stock: 5 });
    await sql`UPDATE tenants SET status = 'suspended' WHERE id = ${shut}`.execute(t.owner());
    for (const productId of [hidden, archived, shutProduct, randomUUID()]) {
      expect(await messageKeyOf(addToMarketCart(db, null, { productId, quantity: 1 }, links))).toBe("marketplace.product_unavailable");
    }
    expect(await messageKeyOf(addToMarketCart(db, null, { productId: soon, quantity: 1 }, links))).toBe("cart.coming_soon");
    expect(await messageKeyOf(addToMarketCart(db, null, { productId: soldOut, quantity: 1 }, links))).toBe("cart.sold_out");
    // A refused first add leaves no empty cart behind.
    expect(await db.selectFrom("market_carts").select("id").where("created_at", ">", sql<Date>`now() - interval '1 hour'`).execute()).toHaveLength(1);
  });

  it("drops the lines of a co-op suspended after they were added, and of products hidden since", async () => {
    const coop = await makeCoop(db, "mk-later");
    await openForOrders(db, coop);
    const later = await makeProduct(db, coop, { stock: 5 });
    const mine = await makeProduct(db, a, { stock: 5 });
    const token = await cartWith([{ productId: later, quantity: 1 }, { productId: mine, quantity: 1 }]);
    expect((await getMarketCart(db, token, links)).groups).toHaveLength(2);
    await sql`UPDATE tenants SET status = 'suspended' WHERE id = ${coop}`.execute(t.owner());
    expect((await getMarketCart(db, token, links)).groups.map((g) => g.coop.id)).toEqual([a]);
    await withTenant(db, a, (trx) => trx.updateTable("products").set({ status: "hidden" }).where("id", "=", mine).execute());
    expect(await getMarketCart(db, token, links)).toEqual({ groups: [], count: 0, totalSatang: 0 });
  });

  it(`holds at most ${MAX_CART_LINES} lines across co-ops`, async () => {
    const products: string[] = [];
    for (let i = 0; i <= MAX_CART_LINES; i++) products.push(await makeProduct(db, i % 2 ? a : b, { stock: 1, price: 100 }));
    const token = await cartWith(products.slice(0, MAX_CART_LINES).map((productId) => ({ productId, quantity: 1 })));
    expect(await messageKeyOf(addToMarketCart(db, token, { productId: products[MAX_CART_LINES]!, quantity: 1 }, links))).toBe("cart.too_many_items");
    // Changing a line already there is still fine.
    expect(await messageKeyOf(updateMarketCartItem(db, token, { productId: products[0]!, quantity: 1 }, links))).toBe("ok");
  });

  it("forgets carts idle for 30 days", async () => {
    const p = await makeProduct(db, a, { stock: 5 });
    const token = await cartWith([{ productId: p, quantity: 1 }]);
    await db.updateTable("market_carts").set({ updated_at: new Date(Date.now() - 31 * 86_400_000) }).where("token_hash", "=", hashToken(token)).execute();
    expect(await purgeStaleMarketCarts(db)).toBe(1);
    expect(await getMarketCart(db, token, links)).toEqual({ groups: [], count: 0, totalSatang: 0 });
    expect(await purgeStaleMarketCarts(db)).toBe(0);
  });
});

describe(`marketplace checkout on ${TEST_ENGINE}`, () => {
  afterEach(() => configureStripe(null));

  it("offers each co-op's own delivery fees and payment methods; no Stripe for all without Stripe", async () => {
    const token = await cartWith([
      { productId: await makeProduct(db, a, { stock: 5 }), quantity: 1 },
      { productId: await makeProduct(db, b, { stock: 5 }), quantity: 1 },
    ]);
    await withTenant(db, b, (trx) => trx.updateTable("tenants").set({ local_delivery_fee_satang: 4500, bank_transfer_enabled: false }).where("id", "=", b).execute());
    const options = await getMarketCheckoutOptions(db, token, { provinceCode: 10 }, links);
    expect(options.stripeForAll).toBe(false);
    const [first, second] = options.parts;
    expect(first).toMatchObject({ coop: { id: a }, payment: ["promptpay", "bank_transfer", "cod"], promptpayId: "0812345678" });
    expect(first!.delivery).toContainEqual({ method: "local", feeSatang: 3000 });
    expect(first!.delivery).toContainEqual({ method: "parcel", feeSatang: 6000 });
    expect(second).toMatchObject({ coop: { id: b }, payment: ["promptpay", "cod"] });
    expect(second!.delivery).toContainEqual({ method: "local", feeSatang: 4500 });
    expect(await getMarketCheckoutOptions(db, null, undefined, links)).toEqual({ parts: [], stripeForAll: false });
    expect(await messageKeyOf(getMarketCheckoutOptions(db, token, { provinceCode: 5 }, links))).toBe("validation.invalid");
    await withTenant(db, b, (trx) => trx.updateTable("tenants").set({ local_delivery_fee_satang: 3000, bank_transfer_enabled: true }).where("id", "=", b).execute());
  });

  it("places one order per co-op, grouped by one marketplace order, with links to each co-op's page", async () => {
    const rice = await makeProduct(db, a, { stock: 5, price: 12000 });
    const honey = await makeProduct(db, b, { stock: 5, price: 20000 });
    const token = await cartWith([{ productId: rice, quantity: 2 }, { productId: honey, quantity: 1 }]);
    const input = order([b, a], {
      address: { line: "99 หมู่ 1", subdistrict: "ในเมือง", district: "เมือง", provinceCode: 30, postcode: "30000" },
      parts: [
        { coopId: a, deliveryMethod: "local", paymentMethod: "promptpay" },
        { coopId: b, deliveryMethod: "pickup", paymentMethod: "bank_transfer" },
      ],
    });
    const placed = await placeMarketplaceOrder(db, token, input, { ...deps, notify: { locale: "th" } });
    expect(placed.paymentUrl).toBeNull();
    const row = await db.selectFrom("marketplace_orders").selectAll().where("id", "=", placed.marketplaceOrderId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ payment_mode: "per_coop", payment_status: "not_applicable", customer_phone: "0812345678", tracking_token_hash: hashToken(placed.trackingToken) });
    expect(Number(row.total_satang)).toBe(24000 + 3000 + 20000);
    expect(row.tenant_ids).toEqual([a, b].sort());

    const partA = await getOrderByTrackingToken(db, a, partTrackingToken(placed.trackingToken, a));
    expect(partA).toMatchObject({ paymentMethod: "promptpay", deliveryMethod: "local", totalSatang: 27000, items: [expect.objectContaining({ productId: rice, quantity: 2 })] });
    const partB = await getOrderByTrackingToken(db, b, partTrackingToken(placed.trackingToken, b));
    expect(partB).toMatchObject({ paymentMethod: "bank_transfer", deliveryMethod: "pickup", totalSatang: 20000 });
    // A co-op's part token opens nothing at another co-op.
    expect(await messageKeyOf(getOrderByTrackingToken(db, b, partTrackingToken(placed.trackingToken, a)))).toBe("orders.not_found");
    const stored = await withTenant(db, a, (trx) => trx.selectFrom("orders").select(["marketplace_order_id", "idempotency_key"]).where("marketplace_order_id", "=", placed.marketplaceOrderId).execute());
    expect(stored).toHaveLength(1);
    // Each co-op is told of its order, and the customer gets each co-op's e-mail.
    const notices = await db.selectFrom("outbox").select(["for_tenant_id"]).where("created_at", ">", sql<Date>`now() - interval '1 minute'`).execute();
    expect(new Set(notices.map((n) => n.for_tenant_id))).toEqual(new Set([a, b]));
    expect((await stockOf(db, a, rice)).stock).toBe(3);

    // The same key again: the same marketplace order, nothing placed twice (also once the cart is emptied).
    const again = await placeMarketplaceOrder(db, token, input, deps);
    expect(again).toEqual(placed);
    expect(await placeMarketplaceOrder(db, null, input, deps)).toEqual(placed);
    expect((await stockOf(db, a, rice)).stock).toBe(3);
    expect(await messageKeyOf(placeMarketplaceOrder(db, token, { ...input, customer: { name: "คนอื่น", phone: "0899999999" } }, deps))).toBe("checkout.idempotency_key_reused");
    expect(await messageKeyOf(placeMarketplaceOrder(db, null, { ...input, customer: { name: "คนอื่น", phone: "0899999999" } }, deps))).toBe("checkout.idempotency_key_reused");
  });

  it("places nothing at all when the second co-op's stock ran out after the cart was filled", async () => {
    // The first co-op in lock order is the one that succeeds first, then the second fails.
    const [first, second] = [a, b].sort();
    const p1 = await makeProduct(db, first!, { stock: 5 });
    const p2 = await makeProduct(db, second!, { stock: 2, name: "มะม่วงน้ำดอกไม้" });
    const token = await cartWith([{ productId: p1, quantity: 2 }, { productId: p2, quantity: 2 }]);
    await withTenant(db, second!, (trx) => trx.updateTable("products").set({ stock: 1 }).where("id", "=", p2).execute());
    const before = await Promise.all([first!, second!].map((coop) => countRows(db, coop, "orders")));
    const marketBefore = await marketplaceRows();
    const error = await placeMarketplaceOrder(db, token, order([first!, second!]), deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT", messageKey: "checkout.sold_out", params: { product: "มะม่วงน้ำดอกไม้" } });
    expect(await Promise.all([first!, second!].map((coop) => countRows(db, coop, "orders")))).toEqual(before);
    expect(await marketplaceRows()).toBe(marketBefore);
    expect(await stockOf(db, first!, p1)).toEqual({ stock: 5, status: "available" });
    expect((await stockOf(db, second!, p2)).stock).toBe(1);
  });

  it("20 concurrent checkouts for 5 units at one co-op: exactly 5 marketplace orders, each with both parts", { timeout: 60_000 }, async () => {
    const plenty = await makeProduct(db, a, { stock: 100 });
    const scarce = await makeProduct(db, b, { stock: 5 });
    const carts = [];
    for (let i = 0; i < 20; i++) carts.push(await cartWith([{ productId: plenty, quantity: 1 }, { productId: scarce, quantity: 1 }]));
    const results = await Promise.allSettled(carts.map((token) => placeMarketplaceOrder(db, token, order([a, b]), deps)));
    const placed = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as AppError] : []));
    expect(placed).toHaveLength(5);
    expect(refused.map((e) => e.messageKey)).toEqual(Array(15).fill("checkout.sold_out"));
    for (const p of placed) {
      for (const coop of [a, b]) {
        const parts = await withTenant(db, coop, (trx) => trx.selectFrom("orders").select("id").where("marketplace_order_id", "=", p.marketplaceOrderId).execute());
        expect(parts).toHaveLength(1);
      }
    }
    expect(await stockOf(db, b, scarce)).toEqual({ stock: 0, status: "sold_out" });
    expect((await stockOf(db, a, plenty)).stock).toBe(95);
  });

  it("a double submit of one key places once", async () => {
    const p = await makeProduct(db, a, { stock: 10 });
    const q = await makeProduct(db, c, { stock: 10 });
    const token = await cartWith([{ productId: p, quantity: 1 }, { productId: q, quantity: 1 }]);
    const input = order([a, c]);
    const [one, two] = await Promise.all([placeMarketplaceOrder(db, token, input, deps), placeMarketplaceOrder(db, token, input, deps)]);
    expect(one).toEqual(two);
    expect((await stockOf(db, a, p)).stock).toBe(9);
    expect((await stockOf(db, c, q)).stock).toBe(9);
  });

  it("refuses a checkout whose parts do not match the cart, bad input, and Stripe when it cannot be started", async () => {
    const token = await cartWith([{ productId: await makeProduct(db, a, { stock: 5 }), quantity: 1 }, { productId: await makeProduct(db, b, { stock: 5 }), quantity: 1 }]);
    expect(await messageKeyOf(placeMarketplaceOrder(db, token, order([a]), deps))).toBe("marketplace.cart_changed");
    expect(await messageKeyOf(placeMarketplaceOrder(db, token, order([a, b, c]), deps))).toBe("marketplace.cart_changed");
    expect(await messageKeyOf(placeMarketplaceOrder(db, token, order([a, a]), deps))).toBe("validation.invalid");
    expect(await messageKeyOf(placeMarketplaceOrder(db, token, order([a, b], { payWithStripe: true }), deps))).toBe("marketplace.stripe_unavailable");
    const stripePart = order([a, b]);
    stripePart.parts[0]!.paymentMethod = "stripe";
    expect(await messageKeyOf(placeMarketplaceOrder(db, token, stripePart, deps))).toBe("validation.invalid");
    const parcel = order([a, b]);
    parcel.parts[1]!.deliveryMethod = "parcel";
    const error = await placeMarketplaceOrder(db, token, parcel, deps).catch((e: unknown) => e);
    expect(error).toMatchObject({ messageKey: "validation.invalid", fields: { address: "checkout.address_required" } });
    expect(await messageKeyOf(placeMarketplaceOrder(db, token, { ...order([a, b]), idempotencyKey: "nope" }, deps))).toBe("validation.invalid");
    expect(await messageKeyOf(placeMarketplaceOrder(db, token, "garbage" as never, deps))).toBe("validation.invalid");
    expect(await messageKeyOf(placeMarketplaceOrder(db, null, order([a]), deps))).toBe("checkout.cart_empty");
  });

  it("with one Stripe payment: every part is a Stripe order; a payment that cannot start cancels every part", async () => {
    configureStripe({ secretKey: "sk_test_marketplace", webhookSecret: "whsec_marketplace", connectMode: "express", api: null, defaultFeeBps: 0 });
    for (const coop of [a, b]) {
      await withTenant(db, coop, (trx) =>
        trx
          .insertInto("stripe_accounts")
          .values({ tenant_id: coop, account_id: `acct_1Mk${coop.slice(0, 8)}`, kind: "existing", state_at: new Date(), charges_enabled: true })
          .onConflict((oc) => oc.column("tenant_id").doUpdateSet({ charges_enabled: true }))
          .execute(),
      );
    }
    const p = await makeProduct(db, a, { stock: 5 });
    const q = await makeProduct(db, b, { stock: 5 });
    const cProduct = await makeProduct(db, c, { stock: 5 });
    const mixed = await cartWith([{ productId: p, quantity: 1 }, { productId: cProduct, quantity: 1 }]);
    expect((await getMarketCheckoutOptions(db, mixed, undefined, links)).stripeForAll).toBe(false);

    const token = await cartWith([{ productId: p, quantity: 1 }, { productId: q, quantity: 2 }]);
    expect((await getMarketCheckoutOptions(db, token, undefined, links)).stripeForAll).toBe(true);
    const started: Array<{ marketplaceOrderId: string; trackingToken: string }> = [];
    const paying: MarketCheckoutDeps = {
      links,
      startStripePayment: async (o) => {
        started.push(o);
        return "https://checkout.stripe.test/c/pay/cs_test_1";
      },
    };
    const input = order([a, b], { payWithStripe: true });
    const placed = await placeMarketplaceOrder(db, token, input, paying);
    expect(placed.paymentUrl).toBe("https://checkout.stripe.test/c/pay/cs_test_1");
    expect(started).toEqual([{ marketplaceOrderId: placed.marketplaceOrderId, trackingToken: placed.trackingToken }]);
    const row = await db.selectFrom("marketplace_orders").selectAll().where("id", "=", placed.marketplaceOrderId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ payment_mode: "stripe", payment_status: "pending_payment" });
    for (const coop of [a, b]) {
      const part = await getOrderByTrackingToken(db, coop, partTrackingToken(placed.trackingToken, coop));
      expect(part.paymentMethod).toBe("stripe");
    }

    // The payment page cannot be opened: every part is cancelled and the stock is back.
    const token2 = await cartWith([{ productId: p, quantity: 1 }, { productId: q, quantity: 1 }]);
    const failing: MarketCheckoutDeps = { links, startStripePayment: () => Promise.reject(new Error("Stripe said no")) };
    const input2 = order([a, b], { payWithStripe: true });
    const error = await placeMarketplaceOrder(db, token2, input2, failing).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "UNAVAILABLE", messageKey: "marketplace.stripe_failed" });
    expect((await stockOf(db, a, p)).stock).toBe(4);
    expect((await stockOf(db, b, q)).stock).toBe(3);
    const cancelled = await db.selectFrom("marketplace_orders").select(["id", "payment_status"]).where("idempotency_key", "!=", row.idempotency_key).orderBy("created_at", "desc").executeTakeFirstOrThrow();
    expect(cancelled.payment_status).toBe("cancelled");
    for (const coop of [a, b]) {
      const part = await withTenant(db, coop, (trx) => trx.selectFrom("orders").select("status").where("marketplace_order_id", "=", cancelled.id).executeTakeFirstOrThrow());
      expect(part.status).toBe("cancelled");
    }
    // Retrying that key cannot revive it: the customer starts a new checkout.
    expect(await messageKeyOf(placeMarketplaceOrder(db, token2, input2, failing))).toBe("marketplace.order_cancelled");
  });
});

describe(`marketplace order page on ${TEST_ENGINE}`, () => {
  it("shows each co-op's part with its own link and payment details, and nothing for another token", async () => {
    const p = await makeProduct(db, a, { stock: 5, price: 10000 });
    const q = await makeProduct(db, c, { stock: 5, price: 5000 });
    const token = await cartWith([{ productId: p, quantity: 1 }, { productId: q, quantity: 2 }]);
    const input = order([a, c]);
    input.parts.find((part) => part.coopId === c)!.paymentMethod = "bank_transfer";
    const placed = await placeMarketplaceOrder(db, token, input, deps);
    const view = await getMarketplaceOrder(db, placed.trackingToken, links);
    expect(view).toMatchObject({ totalSatang: 20000, paymentMode: "per_coop", paymentStatus: "not_applicable", payUrl: null });
    const partA = view.parts.find((part) => part.coop.slug === "mk-a")!;
    expect(partA).toMatchObject({
      status: "pending_payment",
      paymentMethod: "promptpay",
      totalSatang: 10000,
      trackingUrl: `http://mk-a.localhost:3000/orders/${partTrackingToken(placed.trackingToken, a)}`,
      promptpayId: "0812345678",
      promptPayQr: { amountSatang: 10000 },
    });
    expect(partA.number).toMatch(/^[A-Z]+-\d{6}$/);
    expect(partA.promptPayQr!.svg).toContain("<svg");
    const partC = view.parts.find((part) => part.coop.slug === "mk-c")!;
    expect(partC).toMatchObject({ paymentMethod: "bank_transfer", promptPayQr: null, bank: { accountNo: "012-3-45678-9" }, items: [expect.objectContaining({ quantity: 2 })] });

    // Neither a made-up token nor a part's token (nor the idempotency key itself) opens a marketplace order.
    for (const other of ["x".repeat(43), partTrackingToken(placed.trackingToken, a), input.idempotencyKey, partIdempotencyKey(input.idempotencyKey, a)]) {
      expect(await messageKeyOf(getMarketplaceOrder(db, other, links))).toBe("marketplace.order_not_found");
    }
  });
});
