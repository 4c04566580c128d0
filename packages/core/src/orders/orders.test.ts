import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { onOrderPlaced } from "./observers.ts";
import { placeOrder, getCheckoutOptions } from "./place-order.ts";
import { getOrder, getOrderByTrackingToken, listOrders, ordersCsv } from "./queries.ts";
import { addMember, checkout, countRows, makeCoop, makeProduct, makeUser, openForOrders, stockOf } from "./testing.ts";
import { transitionOrder } from "./transition-order.ts";
import { bangkokPeriodStarts, getDashboard } from "../catalog/admin/get-dashboard.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let coop: string;
let other: string;
let manager: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coop = await makeCoop(db, "kr-rice");
  other = await makeCoop(db, "other-coop");
  await openForOrders(db, coop);
  manager = await makeUser(db, "manager@example.com", "น้ำฝน ใจดี");
  await addMember(db, coop, manager, "manager");
});
afterAll(async () => {
  await t?.destroy();
});

async function failure(promise: Promise<unknown>): Promise<{ code: string; key: string; params?: Record<string, string | number> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, key: error.messageKey, ...(error.params ? { params: error.params } : {}) };
    throw error;
  }
  throw new Error("expected a failure");
}

describe("checkout options", () => {
  it("offer only what the co-op turned on and can be paid to", async () => {
    expect(await getCheckoutOptions(db, coop)).toEqual({
      delivery: [{ method: "pickup", feeSatang: 0 }, { method: "local", feeSatang: 3000 }, { method: "parcel", feeSatang: 6000, feeFrom: true }],
      parcelFeeByProvince: expect.objectContaining({ 10: 6000, 30: 6000, 96: 6000 }),
      payment: ["promptpay", "bank_transfer", "cod"],
      promptpayId: "0812345678",
      bank: { name: "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร", accountNo: "012-3-45678-9", accountName: "สหกรณ์ทดสอบ จำกัด" },
    });
    // Defaults: pickup, cash; PromptPay is on but needs a PromptPay id first.
    expect(await getCheckoutOptions(db, other)).toMatchObject({ delivery: [{ method: "pickup", feeSatang: 0 }], payment: ["cod"], bank: null });
  });
});

describe("placeOrder", () => {
  it("takes the stock, numbers the order per co-op, records items, movements and the first event", async () => {
    const rice = await makeProduct(db, coop, { stock: 5, price: 12000, name: "ข้าวหอมมะลิ" });
    const honey = await makeProduct(db, coop, { stock: 2, price: 25050, name: "น้ำผึ้งป่า" });
    const placed = await placeOrder(
      db,
      coop,
      checkout([{ productId: rice, quantity: 2 }, { productId: honey, quantity: 2 }], {
        deliveryMethod: "parcel",
        paymentMethod: "bank_transfer",
        address: { line: "99 หมู่ 1", subdistrict: "ในเมือง", district: "เมืองนครราชสีมา", provinceCode: 30, postcode: "30000" },
        notes: "ฝากไว้ที่ป้อมยาม",
      }),
    );
    expect(placed.number).toMatch(/^KR-\d{6}$/);
    expect(placed.totalSatang).toBe(2 * 12000 + 2 * 25050 + 6000);
    expect(placed.trackingToken.length).toBeGreaterThanOrEqual(40);
    expect(await stockOf(db, coop, rice)).toEqual({ stock: 3, status: "available" });
    expect(await stockOf(db, coop, honey)).toEqual({ stock: 0, status: "sold_out" });

    const detail = await getOrder(db, coop, placed.orderId);
    expect(detail).toMatchObject({
      number: placed.number, status: "pending_payment", paymentMethod: "bank_transfer", deliveryMethod: "parcel",
      customerName: "สมศรี มีสุข", customerPhone: "0812345678", customerEmail: "somsri@example.com", notes: "ฝากไว้ที่ป้อมยาม",
      address: { provinceCode: 30, postcode: "30000" }, subtotalSatang: 74100, deliveryFeeSatang: 6000, totalSatang: 80100,
      nextStatuses: ["payment_review", "cancelled"],
    });
    expect(detail.items.map((i) => [i.nameTh, i.quantity, i.lineTotalSatang])).toEqual([["ข้าวหอมมะลิ", 2, 24000], ["น้ำผึ้งป่า", 2, 50100]]);
    expect(detail.events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "pending_payment", actor: null })]);
    const movements = await withTenant(db, coop, (trx) =>
      trx.selectFrom("stock_movements").select(["product_id", "delta", "reason", "stock_after"]).where("product_id", "in", [rice, honey]).orderBy("delta").execute(),
    );
    expect(movements.map((m) => [m.delta, m.reason, m.stock_after]).sort()).toEqual([[-2, "order", 0], [-2, "order", 3]].sort());

    const tracked = await getOrderByTrackingToken(db, coop, placed.trackingToken);
    expect(tracked).toMatchObject({ number: placed.number, status: "pending_payment", totalSatang: 80100, coop: { promptpayId: "0812345678" } });
    expect(tracked).not.toHaveProperty("customerPhone");
    expect(await failure(getOrderByTrackingToken(db, other, placed.trackingToken))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("numbers orders one after another for each co-op on its own", async () => {
    const p = await makeProduct(db, coop, { stock: 10 });
    const q = await makeProduct(db, other, { stock: 10 });
    const a = await placeOrder(db, coop, checkout([{ productId: p, quantity: 1 }]));
    const b = await placeOrder(db, coop, checkout([{ productId: p, quantity: 1 }]));
    const c = await placeOrder(db, other, checkout([{ productId: q, quantity: 1 }], { paymentMethod: "cod" }));
    expect(Number(b.number.slice(3))).toBe(Number(a.number.slice(3)) + 1);
    expect(c.number).toBe("OT-000001");
  });

  it("creates one order for a repeated idempotency key and returns the same result", async () => {
    const p = await makeProduct(db, coop, { stock: 10 });
    const input = checkout([{ productId: p, quantity: 3 }]);
    const before = await countRows(db, coop, "orders");
    const announced: number[] = [];
    const unsubscribe = onOrderPlaced((event) => announced.push(event.totalSatang));
    const [first, second] = await Promise.all([placeOrder(db, coop, input), placeOrder(db, coop, input)]);
    const third = await placeOrder(db, coop, input);
    unsubscribe();
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(await countRows(db, coop, "orders")).toBe(before + 1);
    // Observers (the server's metrics) hear of the order once, not of the retries.
    expect(announced).toEqual([first!.totalSatang]);
    expect((await stockOf(db, coop, p)).stock).toBe(7);
    // The same key from another phone is someone else's checkout: refused, the first order's link is not handed out.
    expect(await failure(placeOrder(db, coop, { ...input, customer: { name: "คนอื่น", phone: "0899999999" } }))).toMatchObject({
      code: "CONFLICT", key: "checkout.idempotency_key_reused",
    });
  });

  it("refuses the whole order when one line is sold out, changing nothing", async () => {
    const plenty = await makeProduct(db, coop, { stock: 10, name: "ข้าวเหนียว" });
    const scarce = await makeProduct(db, coop, { stock: 1, name: "มะม่วงน้ำดอกไม้" });
    const counts = await Promise.all((["orders", "order_items", "order_events", "stock_movements"] as const).map((table) => countRows(db, coop, table)));
    expect(await failure(placeOrder(db, coop, checkout([{ productId: plenty, quantity: 2 }, { productId: scarce, quantity: 2 }])))).toEqual({
      code: "CONFLICT", key: "checkout.sold_out", params: { product: "มะม่วงน้ำดอกไม้" },
    });
    expect(await stockOf(db, coop, plenty)).toEqual({ stock: 10, status: "available" });
    expect(await stockOf(db, coop, scarce)).toEqual({ stock: 1, status: "available" });
    expect(await Promise.all((["orders", "order_items", "order_events", "stock_movements"] as const).map((table) => countRows(db, coop, table)))).toEqual(counts);
  });

  it("never sells hidden, archived, coming-soon or another co-op's products, nor methods the co-op does not offer", async () => {
    for (const extra of [{ status: "hidden" as const }, { status: "coming_soon" as const }, { archived: true }]) {
      const p = await makeProduct(db, coop, { stock: 5, ...extra });
      expect((await failure(placeOrder(db, coop, checkout([{ productId: p, quantity: 1 }])))).key).toBe("checkout.sold_out");
    }
    const theirs = await makeProduct(db, other, { stock: 5 });
    expect(await failure(placeOrder(db, coop, checkout([{ productId: theirs, quantity: 1 }])))).toMatchObject({ code: "NOT_FOUND" });
    expect((await stockOf(db, other, theirs)).stock).toBe(5);
    const mine = await makeProduct(db, other, { stock: 5 });
    expect(await failure(placeOrder(db, other, checkout([{ productId: mine, quantity: 1 }], { paymentMethod: "promptpay" })))).toMatchObject({
      key: "checkout.payment_unavailable",
    });
    expect(
      await failure(
        placeOrder(db, other, checkout([{ productId: mine, quantity: 1 }], {
          paymentMethod: "cod", deliveryMethod: "local",
          address: { line: "1", subdistrict: "ก", district: "ข", provinceCode: 30, postcode: "30000" },
        })),
      ),
    ).toMatchObject({ key: "checkout.delivery_unavailable" });
  });

  it("validates the customer, the address for delivery and the items", async () => {
    const p = await makeProduct(db, coop, { stock: 5 });
    const issues = (input: unknown) =>
      placeOrder(db, coop, input as never).then(
        () => [],
        (e: { issues?: Array<{ path: PropertyKey[]; message: string }> }) => (e.issues ?? []).map((i) => `${i.path.join(".")}:${i.message}`),
      );
    expect(await issues(checkout([{ productId: p, quantity: 1 }], { customer: { name: "ก", phone: "021234567" } }))).toEqual(["customer.phone:checkout.phone_invalid"]);
    expect(await issues(checkout([{ productId: p, quantity: 1 }], { deliveryMethod: "local" }))).toEqual(["address:checkout.address_required"]);
    expect(await issues(checkout([]))).toEqual(["items:checkout.cart_empty"]);
    expect(await issues(checkout([{ productId: p, quantity: 1 }], { notes: "ก".repeat(501) }))).toEqual(["notes:validation.too_long"]);
  });
});

describe("concurrency", () => {
  it("200 concurrent checkouts for 10 in stock: exactly 10 orders, stock 0, 190 clear sold-out refusals", { timeout: 30_000 }, async () => {
    const p = await makeProduct(db, coop, { stock: 10, name: "ทุเรียนหมอนทอง" });
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => placeOrder(db, coop, checkout([{ productId: p, quantity: 1 }]))));
    const placed = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(190);
    for (const error of refused) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "CONFLICT", messageKey: "checkout.sold_out", params: { product: "ทุเรียนหมอนทอง" } });
    }
    expect(await stockOf(db, coop, p)).toEqual({ stock: 0, status: "sold_out" });
    const numbers = new Set(placed.map((r) => r.value.number));
    expect(numbers.size).toBe(10);
    const items = await withTenant(db, coop, (trx) => trx.selectFrom("order_items").select("quantity").where("product_id", "=", p).execute());
    expect(items).toHaveLength(10);
  });

  it("multi-product carts in opposite orders never deadlock", { timeout: 30_000 }, async () => {
    const a = await makeProduct(db, coop, { stock: 1000 });
    const b = await makeProduct(db, coop, { stock: 1000 });
    const c = await makeProduct(db, coop, { stock: 1000 });
    const carts = [
      [a, b, c],
      [c, b, a],
      [b, a, c],
    ];
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => placeOrder(db, coop, checkout(carts[i % 3]!.map((productId) => ({ productId, quantity: 1 }))))),
    );
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    for (const p of [a, b, c]) expect((await stockOf(db, coop, p)).stock).toBe(940);
  });
});

describe("transitionOrder", () => {
  it("moves through the lifecycle recording who and why, and refuses illegal moves", async () => {
    const p = await makeProduct(db, coop, { stock: 5 });
    const { orderId, trackingToken } = await placeOrder(db, coop, checkout([{ productId: p, quantity: 1 }]));
    expect(await failure(transitionOrder(db, coop, manager, { orderId, to: "shipped" }))).toEqual({
      code: "CONFLICT", key: "orders.illegal_transition", params: { from: "pending_payment", to: "shipped" },
    });
    await transitionOrder(db, coop, manager, { orderId, to: "payment_review", note: "แนบสลิปแล้ว" });
    await transitionOrder(db, coop, manager, { orderId, to: "paid" });
    await transitionOrder(db, coop, manager, { orderId, to: "packed" });
    const done = await transitionOrder(db, coop, manager, { orderId, to: "ready_for_pickup" });
    expect(done.status).toBe("ready_for_pickup");
    expect(done.nextStatuses).toEqual(["completed", "refunded"]);
    expect(done.events.map((e) => [e.fromStatus, e.toStatus, e.actor?.displayName ?? null])).toEqual([
      [null, "pending_payment", null],
      ["pending_payment", "payment_review", "น้ำฝน ใจดี"],
      ["payment_review", "paid", "น้ำฝน ใจดี"],
      ["paid", "packed", "น้ำฝน ใจดี"],
      ["packed", "ready_for_pickup", "น้ำฝน ใจดี"],
    ]);
    const tracked = await getOrderByTrackingToken(db, coop, trackingToken);
    expect(tracked.events.map((e) => [e.toStatus, e.note])).toEqual([
      ["pending_payment", null], ["payment_review", "แนบสลิปแล้ว"], ["paid", null], ["packed", null], ["ready_for_pickup", null],
    ]);
    expect(tracked.events[0]).not.toHaveProperty("actor");
  });

  it("lets cash-on-delivery orders go straight to packing", async () => {
    const p = await makeProduct(db, coop, { stock: 5 });
    const { orderId } = await placeOrder(db, coop, checkout([{ productId: p, quantity: 1 }], { paymentMethod: "cod" }));
    expect((await transitionOrder(db, coop, manager, { orderId, to: "packed" })).status).toBe("packed");
  });

  it("returns the stock on cancellation, making a sold-out product available again", async () => {
    const p = await makeProduct(db, coop, { stock: 2 });
    const { orderId } = await placeOrder(db, coop, checkout([{ productId: p, quantity: 2 }]));
    expect(await stockOf(db, coop, p)).toEqual({ stock: 0, status: "sold_out" });
    await transitionOrder(db, coop, manager, { orderId, to: "cancelled", note: "ลูกค้ายกเลิก" });
    expect(await stockOf(db, coop, p)).toEqual({ stock: 2, status: "available" });
    const movements = await withTenant(db, coop, (trx) =>
      trx.selectFrom("stock_movements").select(["delta", "reason", "stock_after", "actor_user_id"]).where("product_id", "=", p).orderBy("created_at").execute(),
    );
    expect(movements).toEqual([
      { delta: -2, reason: "order", stock_after: 0, actor_user_id: null },
      { delta: 2, reason: "order_cancelled", stock_after: 2, actor_user_id: manager },
    ]);
    expect(await failure(transitionOrder(db, coop, manager, { orderId, to: "refunded" }))).toMatchObject({ key: "orders.illegal_transition" });
    expect((await stockOf(db, coop, p)).stock).toBe(2);
  });

  it("cannot reach another co-op's orders", async () => {
    const q = await makeProduct(db, other, { stock: 5 });
    const theirs = await placeOrder(db, other, checkout([{ productId: q, quantity: 1 }], { paymentMethod: "cod" }));
    expect(await failure(transitionOrder(db, coop, manager, { orderId: theirs.orderId, to: "cancelled" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(getOrder(db, coop, theirs.orderId))).toMatchObject({ code: "NOT_FOUND" });
    expect((await getOrder(db, other, theirs.orderId)).status).toBe("pending_payment");
    expect((await stockOf(db, other, q)).stock).toBe(4);
  });
});

describe("listOrders and ordersCsv", () => {
  it("filter, search by number or phone, page, and export", async () => {
    const p = await makeProduct(db, other, { stock: 50 });
    const first = await placeOrder(db, other, checkout([{ productId: p, quantity: 1 }], { paymentMethod: "cod", customer: { name: "=สมชาย, \"ใจดี\"", phone: "0911111111" } }));
    await placeOrder(db, other, checkout([{ productId: p, quantity: 2 }], { paymentMethod: "cod", customer: { name: "มาลี", phone: "0922222222" } }));
    const all = await listOrders(db, other, {});
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.items[0]?.customerName).toBe("มาลี");
    expect(all.items[0]?.itemCount).toBe(2);
    expect((await listOrders(db, other, { search: first.number })).items.map((o) => o.id)).toEqual([first.orderId]);
    expect((await listOrders(db, other, { search: "091-111" })).items.map((o) => o.id)).toEqual([first.orderId]);
    expect((await listOrders(db, other, { status: "paid" })).total).toBe(0);
    expect((await listOrders(db, other, { pageSize: 1, page: 2 })).items).toHaveLength(1);
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Bangkok" }).format(new Date());
    expect((await listOrders(db, other, { from: today, to: today })).total).toBe(all.total);
    expect((await listOrders(db, other, { to: "2020-01-01" })).total).toBe(0);
    // Another co-op's list never shows these.
    expect((await listOrders(db, coop, { search: "0911111111" })).total).toBe(0);

    const csv = await ordersCsv(db, other, { search: first.number });
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^number,created_at,status/);
    expect(lines[1]).toContain(`${first.number},`);
    expect(lines[1]).toContain(`"'=สมชาย, ""ใจดี"""`);
    expect(lines).toHaveLength(2);
  });
});

describe("dashboard order figures", () => {
  it("Bangkok days and months start at 17:00 UTC the day before", () => {
    expect(bangkokPeriodStarts(new Date("2026-11-26T16:59:00Z"))).toEqual({ day: new Date("2026-11-25T17:00:00Z"), month: new Date("2026-10-31T17:00:00Z") });
    expect(bangkokPeriodStarts(new Date("2026-11-30T17:00:00Z"))).toEqual({ day: new Date("2026-11-30T17:00:00Z"), month: new Date("2026-11-30T17:00:00Z") });
  });

  it("count today's and this month's orders and sales, leaving out cancelled ones", async () => {
    const shop = await makeCoop(db, "dash-coop");
    await openForOrders(db, shop);
    const product = await makeProduct(db, shop, { stock: 20, price: 5000 });
    await placeOrder(db, shop, checkout([{ productId: product, quantity: 2 }]));
    const second = await placeOrder(db, shop, checkout([{ productId: product, quantity: 1 }]));
    const owner = await makeUser(db, "dash-owner@example.com", "เจ้าของ");
    await addMember(db, shop, owner, "owner");
    await transitionOrder(db, shop, owner, { orderId: second.orderId, to: "cancelled", note: "ลูกค้ายกเลิก" });
    const { orders } = await getDashboard(db, shop);
    expect(orders).toEqual({ today: { count: 1, salesSatang: 10000 }, month: { count: 1, salesSatang: 10000 }, awaitingPayment: 1 });
  });
});
