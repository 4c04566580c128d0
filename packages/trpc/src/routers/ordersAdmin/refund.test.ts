import { checkoutSessionReply, configureStripe, type FakeStripeApi, signedEvent, startFakeStripeApi, stopFakeStripe, handleStripeWebhook, type StripeRuntime } from "@coop/core";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { failureOf, makeCoopWithMembers, testCaller } from "../../testing.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let api: FakeStripeApi;
let runtime: StripeRuntime;
let down = false;

async function makeCoop(slug: string, account: string) {
  const coop = await makeCoopWithMembers(db, slug, ["manager", "editor"], { promptpay_id: "0812345678" });
  const rice = await withTenant(db, coop.id, async (trx) => {
    await trx.insertInto("stripe_accounts").values({ tenant_id: coop.id, account_id: account, kind: "existing", charges_enabled: true }).execute();
    return (await trx.insertInto("products").values({ tenant_id: coop.id, name_th: "ข้าวหอมมะลิ", price_satang: 12000, unit: "kg", stock: 20 }).returning("id").executeTakeFirstOrThrow()).id;
  });
  return { id: coop.id, account, rice, site: coop.site, manager: coop.members.manager, editor: coop.members.editor };
}

type Coop = Awaited<ReturnType<typeof makeCoop>>;
const customer = { name: "สมศรี มีสุข", phone: "0812345678", email: "somsri@example.com" };

async function placedNotices(number: string) {
  const rows = await db.selectFrom("outbox").select("payload").where("kind", "=", "email").execute();
  return rows.filter((r) => (r.payload as { template: string; params: { number?: string } }).template === "order_placed" && (r.payload as { params: { number?: string } }).params.number === number).length;
}

async function outboxSize() {
  return Number((await db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
}

async function orderIdOf(coop: Coop, number: string) {
  const n = Number(number.split("-").pop());
  return (await withTenant(db, coop.id, (trx) => trx.selectFrom("orders").select("id").where("number", "=", n).executeTakeFirstOrThrow())).id;
}

let a: Coop;
let b: Coop;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  api = await startFakeStripeApi();
  runtime = configureStripe(api.settings())!;
  let n = 0;
  api.on((r) => {
    if (r.method === "POST" && r.path === "/v1/checkout/sessions") {
      if (down) return { status: 503, body: { error: { type: "api_error", message: "down" } } };
      return checkoutSessionReply(r, `cs_test_trpc${(n += 1)}`);
    }
    if (r.method === "POST" && r.path === "/v1/refunds") return { status: 200, body: { id: "re_1", object: "refund", amount: Number(r.form.amount) } };
    return undefined;
  });
  a = await makeCoop("card-alpha", "acct_1TrpcCardAlpha1");
  b = await makeCoop("card-bravo", "acct_1TrpcCardBravo1");
});
afterAll(async () => {
  await stopFakeStripe(api);
  await t?.destroy();
});
beforeEach(() => {
  api.requests.length = 0;
  down = false;
});

describe("checkout.place with card payment", () => {
  it("answers the payment page, the same one for a retried request", async () => {
    const guest = await testCaller(db, a.site);
    const input = { idempotencyKey: randomUUID(), customer, deliveryMethod: "pickup" as const, paymentMethod: "stripe" as const, items: [{ productId: a.rice, quantity: 2 }] };
    const placed = await guest.checkout.place(input);
    expect(placed.paymentUrl).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_trpc\d+$/);
    const create = api.requests.find((r) => r.path === "/v1/checkout/sessions")!;
    expect(create).toMatchObject({ stripeAccount: a.account, idempotencyKey: `order-checkout-${await orderIdOf(a, placed.number)}` });
    expect(create.form.success_url).toBe(`${new URL(create.form.success_url!).origin}/orders/${placed.trackingToken}?stripe=return`);
    expect(new URL(create.form.success_url!).hostname).toMatch(/^card-alpha\./);
    const again = await guest.checkout.place(input);
    expect(again).toEqual(placed);
    expect(api.requests.filter((r) => r.path === "/v1/checkout/sessions")).toHaveLength(1);
    // The confirmation goes out once, with the payment page in place.
    expect(await placedNotices(placed.number)).toBe(1);
    const tracked = await guest.orders.track({ token: placed.trackingToken });
    expect(tracked).toMatchObject({ payUrl: placed.paymentUrl, amountRefundedSatang: 0 });
    expect(tracked.expiresAt).not.toBeNull();
    const promptpay = await guest.checkout.place({ ...input, idempotencyKey: randomUUID(), paymentMethod: "promptpay" });
    expect(promptpay.paymentUrl).toBeNull();
  });

  it("tells the customer to choose another way to pay when Stripe is down, and gives the stock back", async () => {
    down = true;
    const guest = await testCaller(db, a.site);
    const before = await withTenant(db, a.id, (trx) => trx.selectFrom("products").select("stock").where("id", "=", a.rice).executeTakeFirstOrThrow());
    const input = { idempotencyKey: randomUUID(), customer, deliveryMethod: "pickup" as const, paymentMethod: "stripe" as const, items: [{ productId: a.rice, quantity: 1 }] };
    const queued = await outboxSize();
    expect(await failureOf(guest.checkout.place(input))).toMatchObject({ code: "SERVICE_UNAVAILABLE", key: "payments.errors.checkout_unavailable" });
    // The cancelled order never announced itself (no confirmation, no new-order notice).
    expect(await outboxSize()).toBe(queued);
    const after = await withTenant(db, a.id, (trx) => trx.selectFrom("products").select("stock").where("id", "=", a.rice).executeTakeFirstOrThrow());
    expect(after.stock).toBe(before.stock);
  });
});

describe("ordersAdmin.refund", () => {
  async function paidOrder(coop: Coop) {
    const guest = await testCaller(db, coop.site);
    const placed = await guest.checkout.place({ idempotencyKey: randomUUID(), customer, deliveryMethod: "pickup", paymentMethod: "stripe", items: [{ productId: coop.rice, quantity: 1 }] });
    const orderId = await orderIdOf(coop, placed.number);
    const event = signedEvent({
      type: "checkout.session.completed",
      account: coop.account,
      object: { id: "cs_test_x", object: "checkout.session", payment_status: "paid", payment_intent: `pi_${orderId.slice(0, 8)}`, metadata: { tenant_id: coop.id, order_id: orderId } },
    });
    await handleStripeWebhook(db, event.body, event.header, runtime);
    return orderId;
  }

  it("refunds part of a card order for a manager, and shows it on the order", async () => {
    const orderId = await paidOrder(a);
    const manager = await testCaller(db, a.site, { userId: a.manager });
    const detail = await manager.ordersAdmin.refund({ orderId, amountSatang: 2000, reason: "ชั่งขาด" });
    expect(detail).toMatchObject({ status: "paid", amountRefundedSatang: 2000, payUrl: null });
    expect(api.requests.find((r) => r.path === "/v1/refunds")).toMatchObject({ stripeAccount: a.account });
    expect((await manager.ordersAdmin.get({ orderId })).amountRefundedSatang).toBe(2000);
    expect(await failureOf(manager.ordersAdmin.refund({ orderId, amountSatang: 999999 }))).toMatchObject({ code: "BAD_REQUEST", key: "payments.errors.refund_too_much" });
    expect(await failureOf(manager.ordersAdmin.refund({ orderId, amountSatang: 0 }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses another co-op's order and members without orders.manage, changing nothing", async () => {
    const orderId = await paidOrder(a);
    const otherManager = await testCaller(db, b.site, { userId: b.manager });
    expect(await failureOf(otherManager.ordersAdmin.refund({ orderId }))).toMatchObject({ code: "NOT_FOUND", key: "orders.not_found" });
    // A's manager on B's site is no member there.
    const crossSite = await testCaller(db, b.site, { userId: a.manager });
    expect((await failureOf(crossSite.ordersAdmin.refund({ orderId }))).code).toMatch(/FORBIDDEN|UNAUTHORIZED/);
    const editor = await testCaller(db, a.site, { userId: a.editor });
    expect(await failureOf(editor.ordersAdmin.refund({ orderId }))).toMatchObject({ code: "FORBIDDEN" });
    expect(api.requests.filter((r) => r.path === "/v1/refunds")).toEqual([]);
    const row = await withTenant(db, a.id, (trx) => trx.selectFrom("orders").select(["status", "amount_refunded_satang"]).where("id", "=", orderId).executeTakeFirstOrThrow());
    expect(row).toEqual({ status: "paid", amount_refunded_satang: 0 });
  });
});
