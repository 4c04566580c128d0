import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { processOutboxBatch } from "../../outbox/worker.ts";
import { getOrder, getOrderByTrackingToken } from "../../orders/queries.ts";
import { placeOrder } from "../../orders/place-order.ts";
import { appErrorOf, checkout, makeCoop, makeProduct, makeUser, openForOrders, stockOf } from "../../orders/testing.ts";
import { transitionOrder } from "../../orders/transition-order.ts";
import { CHECKOUT_LIFETIME_MS, createOrderCheckoutSession } from "./checkout.ts";
import { configureStripe, STRIPE_API_VERSION, type StripeRuntime } from "./client.ts";
import { settleExpiredCheckouts } from "./expiry.ts";
import { createStripeOutboxHandlers } from "./jobs.ts";
import { reversalSatang, refundOrder } from "./refunds.ts";
import { checkoutSessionReply, type FakeStripeApi, type RecordedRequest, signedEvent, startFakeStripeApi, stopFakeStripe } from "./testing.ts";
import { handleStripeWebhook } from "./webhook.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let api: FakeStripeApi;
let runtime: StripeRuntime;
let sessions = 0;

const SITE = "http://kr-card.localhost:3000";
const notices = { coopSiteOrigin: (slug: string) => `http://${slug}.localhost:3000` };


interface Coop {
  id: string;
  account: string;
  staff: string;
}

async function cardCoop(slug: string, account: string, feeBps: number | null = null): Promise<Coop> {
  const id = await makeCoop(db, slug);
  await openForOrders(db, id);
  await withTenant(db, id, async (trx) => {
    await trx.insertInto("stripe_accounts").values({ tenant_id: id, account_id: account, kind: "existing", charges_enabled: true, details_submitted: true }).execute();
    await trx.updateTable("tenants").set({ stripe_fee_bps: feeBps }).where("id", "=", id).execute();
  });
  return { id, account, staff: await makeUser(db, `staff-${slug}@example.test`, `staff ${slug}`) };
}

async function orderRow(tenantId: string, orderId: string) {
  return withTenant(db, tenantId, (trx) => trx.selectFrom("orders").selectAll().where("id", "=", orderId).executeTakeFirstOrThrow());
}

async function outboxOf(kind: string) {
  return db.selectFrom("outbox").select(["kind", "payload", "for_tenant_id", "processed_at"]).where("kind", "=", kind).orderBy("id").execute();
}

function paths(method: string, prefix: string): RecordedRequest[] {
  return api.requests.filter((r) => r.method === method && r.path.startsWith(prefix));
}

/** Places a card order (3 kg rice at 120 baht, local delivery 30 baht) and opens its payment page. */
async function cardOrder(coop: Coop, product: string, quantity = 3) {
  const input = checkout([{ productId: product, quantity }], { paymentMethod: "stripe", deliveryMethod: "local", address: { line: "99 หมู่ 1", subdistrict: "ในเมือง", district: "เมืองนครราชสีมา", provinceCode: 30, postcode: "30000" } });
  const placed = await placeOrder(db, coop.id, input);
  const { url } = await createOrderCheckoutSession(db, runtime, { tenantId: coop.id, orderId: placed.orderId, trackingToken: placed.trackingToken, siteOrigin: SITE, locale: "th" });
  return { ...placed, url, input };
}

async function deliver(event: { type: string; account?: string; object: Record<string, unknown>; id?: string }) {
  const signed = signedEvent(event);
  return { id: signed.id, result: await handleStripeWebhook(db, signed.body, signed.header, runtime, notices) };
}

function sessionObject(coop: Coop, orderId: string, extra: Record<string, unknown> = {}) {
  return { id: `cs_test_${orderId.slice(0, 8)}`, object: "checkout.session", metadata: { tenant_id: coop.id, order_id: orderId }, payment_status: "paid", payment_intent: `pi_${orderId.slice(0, 8)}`, ...extra };
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  api = await startFakeStripeApi();
  // placeOrder offers 'stripe' only while the process has a Stripe runtime.
  runtime = configureStripe(api.settings())!;
  api.on((r) => {
    if (r.method === "POST" && r.path === "/v1/checkout/sessions") return checkoutSessionReply(r, `cs_test_session${(sessions += 1)}`);
    if (r.method === "POST" && r.path === "/v1/refunds") return { status: 200, body: { id: `re_${r.idempotencyKey}`, object: "refund", amount: Number(r.form.amount), status: "succeeded" } };
    if (r.method === "POST" && r.path === "/v1/transfers") return { status: 200, body: { id: `tr_test${r.form["metadata[order_id]"]!.slice(0, 8)}`, object: "transfer", amount: Number(r.form.amount) } };
    if (r.method === "POST" && /^\/v1\/transfers\/[^/]+\/reversals$/.test(r.path)) return { status: 200, body: { id: "trr_1", object: "transfer_reversal", amount: Number(r.form.amount) } };
    if (r.method === "GET" && r.path.startsWith("/v1/payment_intents/")) return { status: 200, body: { id: r.path.split("/").pop(), object: "payment_intent", latest_charge: "ch_test_market1", status: "succeeded" } };
    return undefined;
  });
});

afterAll(async () => {
  await stopFakeStripe(api);
  await t?.destroy();
});

beforeEach(() => {
  api.requests.length = 0;
});

describe("checkout session for a co-op order", () => {
  it("is created on the co-op's connected account with the exact parameters, once per order", async () => {
    const coop = await cardCoop("kr-card", "acct_1CardCoop000001", 250);
    const rice = await makeProduct(db, coop.id, { stock: 10, price: 12000, name: "ข้าวหอมมะลิ" });
    const before = Date.now();
    const order = await cardOrder(coop, rice);
    expect(order.url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_session\d+$/);

    const [create] = paths("POST", "/v1/checkout/sessions");
    expect(create!.stripeAccount).toBe(coop.account);
    expect(create!.idempotencyKey).toBe(`order-checkout-${order.orderId}`);
    expect(create!.stripeVersion).toBe(STRIPE_API_VERSION);
    const expiresAt = Number(create!.form.expires_at);
    // 31 minutes: Stripe's 30-minute minimum plus a minute for clocks and the request.
    expect(expiresAt * 1000).toBeGreaterThanOrEqual(Math.floor((before + CHECKOUT_LIFETIME_MS) / 1000) * 1000);
    expect(expiresAt * 1000).toBeLessThanOrEqual(Date.now() + CHECKOUT_LIFETIME_MS);
    const returnTo = `${SITE}/orders/${order.trackingToken}?stripe=return`;
    expect(create!.form).toEqual({
      mode: "payment",
      currency: "thb",
      "allowed_payment_method_types[0]": "card",
      "allowed_payment_method_types[1]": "promptpay",
      "line_items[0][quantity]": "3",
      "line_items[0][price_data][currency]": "thb",
      "line_items[0][price_data][unit_amount]": "12000",
      "line_items[0][price_data][product_data][name]": "ข้าวหอมมะลิ",
      "line_items[1][quantity]": "1",
      "line_items[1][price_data][currency]": "thb",
      "line_items[1][price_data][unit_amount]": "3000",
      "line_items[1][price_data][product_data][name]": "ค่าจัดส่ง",
      // 2.5 % of 390.00 baht = 9.75 baht
      "payment_intent_data[application_fee_amount]": "975",
      "payment_intent_data[metadata][tenant_id]": coop.id,
      "payment_intent_data[metadata][order_id]": order.orderId,
      expires_at: String(expiresAt),
      "metadata[tenant_id]": coop.id,
      "metadata[order_id]": order.orderId,
      client_reference_id: order.orderId,
      success_url: returnTo,
      cancel_url: returnTo,
      locale: "th",
      customer_email: "somsri@example.com",
    });

    const row = await orderRow(coop.id, order.orderId);
    expect(row).toMatchObject({ application_fee_satang: 975, stripe_checkout_url: order.url, status: "pending_payment" });
    expect(row.stripe_checkout_session_id).toMatch(/^cs_test_session/);
    expect(row.stripe_checkout_expires_at!.getTime()).toBe(expiresAt * 1000);

    // A retried checkout gets the same page back without asking Stripe again.
    api.requests.length = 0;
    const again = await createOrderCheckoutSession(db, runtime, { tenantId: coop.id, orderId: order.orderId, trackingToken: order.trackingToken, siteOrigin: SITE, locale: "th" });
    expect(again.url).toBe(order.url);
    expect(api.requests).toEqual([]);

    // The tracking page carries the payment page while it can be paid.
    const tracked = await getOrderByTrackingToken(db, coop.id, order.trackingToken);
    expect(tracked).toMatchObject({ payUrl: order.url, expiresAt: new Date(expiresAt * 1000).toISOString(), amountRefundedSatang: 0 });
  });

  it("cancels the order (stock back) and asks for another way to pay when Stripe refuses or is down", async () => {
    const coop = await cardCoop("kr-card-down", "acct_1CardDown000001");
    const rice = await makeProduct(db, coop.id, { stock: 5 });
    for (const status of [500, 400]) {
      api.on((r) => (r.path === "/v1/checkout/sessions" && r.stripeAccount === coop.account ? { status, body: { error: { type: status === 500 ? "api_error" : "invalid_request_error", message: "no" } } } : undefined));
      const placed = await placeOrder(db, coop.id, checkout([{ productId: rice, quantity: 2 }], { paymentMethod: "stripe" }));
      expect(await stockOf(db, coop.id, rice)).toMatchObject({ stock: 3 });
      const error = await appErrorOf(createOrderCheckoutSession(db, runtime, { tenantId: coop.id, orderId: placed.orderId, trackingToken: placed.trackingToken, siteOrigin: SITE, locale: "en" }));
      expect(error).toMatchObject({ code: "UNAVAILABLE", messageKey: "payments.errors.checkout_unavailable" });
      expect(await stockOf(db, coop.id, rice)).toMatchObject({ stock: 5 });
      const detail = await getOrder(db, coop.id, placed.orderId);
      expect(detail).toMatchObject({ status: "cancelled", payUrl: null });
      expect(detail.events.at(-1)!.note).toContain("Stripe");
      // A retry of the same checkout gets the same answer and no second attempt at Stripe.
      api.requests.length = 0;
      const retry = await appErrorOf(createOrderCheckoutSession(db, runtime, { tenantId: coop.id, orderId: placed.orderId, trackingToken: placed.trackingToken, siteOrigin: SITE, locale: "en" }));
      expect(retry.messageKey).toBe("payments.errors.checkout_unavailable");
      expect(api.requests).toEqual([]);
    }
  });
});

describe("webhook events on a co-op order", () => {
  let coop: Coop;
  let rice: string;
  beforeAll(async () => {
    coop = await cardCoop("kr-hooks", "acct_1CardHooks00001");
    rice = await makeProduct(db, coop.id, { stock: 20 });
  });

  it("marks the order paid once, however often and in whatever order the events come", async () => {
    const order = await cardOrder(coop, rice);
    const completed = await deliver({ type: "checkout.session.completed", account: coop.account, object: sessionObject(coop, order.orderId) });
    expect(completed.result).toMatchObject({ stored: true, outcome: "applied" });
    const again = signedEvent({ id: completed.id, type: "checkout.session.completed", account: coop.account, object: sessionObject(coop, order.orderId) });
    expect(await handleStripeWebhook(db, again.body, again.header, runtime)).toMatchObject({ stored: false, outcome: null });
    expect((await deliver({ type: "payment_intent.succeeded", account: coop.account, object: { id: `pi_${order.orderId.slice(0, 8)}`, object: "payment_intent", metadata: { tenant_id: coop.id, order_id: order.orderId } } })).result.outcome).toBe("stale");
    // The session's expiry, delivered late, does not cancel a paid order.
    expect((await deliver({ type: "checkout.session.expired", account: coop.account, object: sessionObject(coop, order.orderId, { payment_status: "unpaid" }) })).result.outcome).toBe("stale");
    const detail = await getOrder(db, coop.id, order.orderId);
    expect(detail.status).toBe("paid");
    expect(detail.events.filter((e) => e.toStatus === "paid")).toHaveLength(1);
    expect(await orderRow(coop.id, order.orderId)).toMatchObject({ stripe_payment_intent_id: `pi_${order.orderId.slice(0, 8)}` });
    expect(await stockOf(db, coop.id, rice)).toMatchObject({ stock: 17 });
  });

  it("waits for an asynchronous PromptPay payment, notes a failed attempt, and cancels on expiry", async () => {
    const order = await cardOrder(coop, rice, 1);
    expect((await deliver({ type: "checkout.session.completed", account: coop.account, object: sessionObject(coop, order.orderId, { payment_status: "unpaid" }) })).result.outcome).toBe("applied");
    expect(await orderRow(coop.id, order.orderId)).toMatchObject({ status: "pending_payment", stripe_payment_intent_id: `pi_${order.orderId.slice(0, 8)}` });
    const failed = await deliver({ type: "payment_intent.payment_failed", account: coop.account, object: { id: `pi_${order.orderId.slice(0, 8)}`, object: "payment_intent", metadata: { tenant_id: coop.id, order_id: order.orderId } } });
    expect(failed.result.outcome).toBe("applied");
    expect((await getOrder(db, coop.id, order.orderId)).events.at(-1)).toMatchObject({ toStatus: "pending_payment", note: expect.stringContaining("ไม่สำเร็จ") });
    expect(await orderRow(coop.id, order.orderId)).toMatchObject({ status: "pending_payment" });
    expect((await deliver({ type: "checkout.session.async_payment_succeeded", account: coop.account, object: sessionObject(coop, order.orderId) })).result.outcome).toBe("applied");
    expect(await orderRow(coop.id, order.orderId)).toMatchObject({ status: "paid" });

    const stock = (await stockOf(db, coop.id, rice)).stock;
    const unpaid = await cardOrder(coop, rice, 2);
    expect((await deliver({ type: "checkout.session.expired", account: coop.account, object: sessionObject(coop, unpaid.orderId, { payment_status: "unpaid", payment_intent: null }) })).result.outcome).toBe("applied");
    expect(await orderRow(coop.id, unpaid.orderId)).toMatchObject({ status: "cancelled" });
    expect(await stockOf(db, coop.id, rice)).toMatchObject({ stock });
    const tracked = await getOrderByTrackingToken(db, coop.id, unpaid.trackingToken);
    expect(tracked.payUrl).toBeNull();
  });

  it("takes the stock again when the payment completes after the expiry, if it is still there", async () => {
    const stats = () =>
      withTenant(db, coop.id, (trx) =>
        trx.selectFrom("order_daily_stats").select((eb) => [eb.fn.sum<number>("orders_cancelled").as("cancelled"), eb.fn.sum<number>("sales_satang").as("sales")]).executeTakeFirstOrThrow(),
      );
    const order = await cardOrder(coop, rice, 2);
    const placedStats = await stats();
    await deliver({ type: "checkout.session.expired", account: coop.account, object: sessionObject(coop, order.orderId, { payment_status: "unpaid" }) });
    const stock = (await stockOf(db, coop.id, rice)).stock;
    expect((await deliver({ type: "checkout.session.completed", account: coop.account, object: sessionObject(coop, order.orderId) })).result.outcome).toBe("applied");
    expect(await orderRow(coop.id, order.orderId)).toMatchObject({ status: "paid" });
    expect(await stockOf(db, coop.id, rice)).toMatchObject({ stock: stock - 2 });
    expect(await outboxOf("stripe_refund")).toEqual([]);
    // The day's figures count it as a sale again, not as a cancellation.
    const after = await stats();
    expect([Number(after.cancelled), Number(after.sales)]).toEqual([Number(placedStats.cancelled), Number(placedStats.sales)]);
  });

  it("refunds automatically through the outbox (and tells the customer) when the stock is gone", async () => {
    const honey = await makeProduct(db, coop.id, { stock: 2, price: 25000, name: "น้ำผึ้งป่า" });
    const order = await cardOrder(coop, honey, 2);
    await deliver({ type: "checkout.session.expired", account: coop.account, object: sessionObject(coop, order.orderId, { payment_status: "unpaid" }) });
    // Someone else buys the honey meanwhile.
    await placeOrder(db, coop.id, checkout([{ productId: honey, quantity: 2 }], { paymentMethod: "promptpay" }));
    const pi = `pi_${order.orderId.slice(0, 8)}`;
    expect((await deliver({ type: "checkout.session.completed", account: coop.account, object: sessionObject(coop, order.orderId) })).result.outcome).toBe("applied");
    // The payment intent's own success event, a moment later, queues nothing more.
    expect((await deliver({ type: "payment_intent.succeeded", account: coop.account, object: { id: pi, object: "payment_intent", metadata: { tenant_id: coop.id, order_id: order.orderId } } })).result.outcome).toBe("stale");
    expect(await orderRow(coop.id, order.orderId)).toMatchObject({ status: "cancelled", amount_refunded_satang: 0 });
    expect(await outboxOf("stripe_refund")).toEqual([
      expect.objectContaining({ for_tenant_id: coop.id, payload: { tenantId: coop.id, orderId: order.orderId, amountSatang: 53000, reason: "paid_after_stock_gone" } }),
    ]);
    const mails = await db.selectFrom("outbox").select("payload").where("kind", "=", "email").execute();
    expect(mails.map((m) => m.payload)).toContainEqual(expect.objectContaining({ template: "order_auto_refunded", to: "somsri@example.com" }));
    expect((await getOrder(db, coop.id, order.orderId)).events.at(-1)!.note).toContain("คืนเงิน");

    const result = await processOutboxBatch(db, createStripeOutboxHandlers(db, runtime));
    expect(result).toMatchObject({ failed: 0 });
    const refunds = paths("POST", "/v1/refunds");
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ stripeAccount: coop.account, idempotencyKey: `auto-refund-${order.orderId}` });
    expect(refunds[0]!.form).toMatchObject({ payment_intent: pi, amount: "53000", refund_application_fee: "true" });
    expect(await orderRow(coop.id, order.orderId)).toMatchObject({ status: "cancelled", amount_refunded_satang: 53000 });
    // Stripe's charge.refunded for the same refund changes nothing more.
    const refunded = await deliver({ type: "charge.refunded", account: coop.account, object: { id: "ch_1", object: "charge", payment_intent: pi, amount_refunded: 53000 } });
    expect(refunded.result.outcome).toBe("stale");
  });

  it("ignores another co-op's order named in the metadata", async () => {
    const other = await cardCoop("kr-hooks-other", "acct_1CardOther00001");
    const otherRice = await makeProduct(db, other.id, { stock: 5 });
    const theirs = await cardOrder(other, otherRice, 1);
    const forged = await deliver({ type: "checkout.session.completed", account: coop.account, object: { ...sessionObject(other, theirs.orderId), metadata: { tenant_id: coop.id, order_id: theirs.orderId } } });
    expect(forged.result.outcome).toBe("ignored");
    expect(await orderRow(other.id, theirs.orderId)).toMatchObject({ status: "pending_payment" });
  });
});

describe("refundOrder", () => {
  let coop: Coop;
  let rice: string;
  beforeAll(async () => {
    coop = await cardCoop("kr-refund", "acct_1CardRefund0001");
    rice = await makeProduct(db, coop.id, { stock: 50 });
  });

  async function paidOrder(quantity = 3) {
    const order = await cardOrder(coop, rice, quantity);
    await deliver({ type: "checkout.session.completed", account: coop.account, object: sessionObject(coop, order.orderId) });
    return order;
  }

  it("refunds part, then the rest (order refunded, stock back), each on the connected account", async () => {
    const order = await paidOrder(3); // 390.00 baht
    const pi = `pi_${order.orderId.slice(0, 8)}`;
    const partial = await refundOrder(db, runtime, { tenantId: coop.id, orderId: order.orderId, amountSatang: 12000, reason: "ข้าวเสียหาย 1 ถุง", actorUserId: coop.staff });
    expect(partial).toMatchObject({ status: "paid", amountRefundedSatang: 12000 });
    expect(partial.events.at(-1)).toMatchObject({ note: "คืนเงิน 120.00 บาท: ข้าวเสียหาย 1 ถุง", actor: { id: coop.staff } });
    const [first] = paths("POST", "/v1/refunds");
    expect(first).toMatchObject({ stripeAccount: coop.account, idempotencyKey: `refund-${order.orderId}-0-12000` });
    expect(first!.form).toEqual({
      payment_intent: pi, amount: "12000", refund_application_fee: "true", "metadata[tenant_id]": coop.id, "metadata[order_id]": order.orderId,
    });

    const stock = (await stockOf(db, coop.id, rice)).stock;
    const rest = await refundOrder(db, runtime, { tenantId: coop.id, orderId: order.orderId, actorUserId: coop.staff });
    expect(rest).toMatchObject({ status: "refunded", amountRefundedSatang: 39000 });
    expect(paths("POST", "/v1/refunds")[1]).toMatchObject({ idempotencyKey: `refund-${order.orderId}-12000-27000` });
    expect(await stockOf(db, coop.id, rice)).toMatchObject({ stock: stock + 3 });
    expect(await appErrorOf(refundOrder(db, runtime, { tenantId: coop.id, orderId: order.orderId, actorUserId: coop.staff }))).toMatchObject({ code: "CONFLICT" });
  });

  it("makes a double click one refund, whether the clicks overlap or follow each other", async () => {
    const order = await paidOrder(1);
    const click = () => refundOrder(db, runtime, { tenantId: coop.id, orderId: order.orderId, amountSatang: 5000, expectedRefundedSatang: 0, actorUserId: coop.staff });
    const [a, b] = await Promise.all([click(), click()]);
    expect(a.amountRefundedSatang).toBe(5000);
    expect(b.amountRefundedSatang).toBe(5000);
    // The second click of a page that still showed 0 refunded, arriving after the first finished.
    expect((await click()).amountRefundedSatang).toBe(5000);
    const keys = paths("POST", "/v1/refunds").map((r) => r.idempotencyKey);
    expect(new Set(keys)).toEqual(new Set([`refund-${order.orderId}-0-5000`]));
    expect((await getOrder(db, coop.id, order.orderId)).events.filter((e) => e.note?.startsWith("คืนเงิน"))).toHaveLength(1);
    // A deliberate second refund from the updated page goes through.
    const second = await refundOrder(db, runtime, { tenantId: coop.id, orderId: order.orderId, amountSatang: 5000, expectedRefundedSatang: 5000, actorUserId: coop.staff });
    expect(second.amountRefundedSatang).toBe(10000);
  });

  it("refuses bad amounts with clear messages and changes nothing", async () => {
    const order = await paidOrder(1); // 150.00 baht with delivery
    for (const [amount, key] of [
      [0, "payments.errors.refund_amount"],
      [-100, "payments.errors.refund_amount"],
      [12.5, "payments.errors.refund_amount"],
      ["100" as unknown as number, "payments.errors.refund_amount"],
      [15001, "payments.errors.refund_too_much"],
    ] as const) {
      const error = await appErrorOf(refundOrder(db, runtime, { tenantId: coop.id, orderId: order.orderId, amountSatang: amount, actorUserId: coop.staff }));
      expect(error).toMatchObject({ code: "VALIDATION", messageKey: key, fields: { amountSatang: key } });
    }
    expect(paths("POST", "/v1/refunds")).toEqual([]);
    expect(await orderRow(coop.id, order.orderId)).toMatchObject({ amount_refunded_satang: 0, status: "paid" });
    // Not paid yet: nothing to give back.
    const unpaid = await cardOrder(coop, rice, 1);
    expect(await appErrorOf(refundOrder(db, runtime, { tenantId: coop.id, orderId: unpaid.orderId, actorUserId: coop.staff }))).toMatchObject({ messageKey: "payments.errors.refund_not_paid" });
    // Another co-op's id is simply not found.
    const other = await cardCoop("kr-refund-other", "acct_1CardRefOther01");
    expect(await appErrorOf(refundOrder(db, runtime, { tenantId: other.id, orderId: order.orderId, actorUserId: other.staff }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await orderRow(coop.id, order.orderId)).toMatchObject({ amount_refunded_satang: 0 });
  });

  it("records a refund the co-op paid back itself for an order paid by PromptPay, without Stripe", async () => {
    const placed = await placeOrder(db, coop.id, checkout([{ productId: rice, quantity: 1 }], { paymentMethod: "promptpay" }));
    await transitionOrder(db, coop.id, coop.staff, { orderId: placed.orderId, to: "payment_review" });
    await transitionOrder(db, coop.id, coop.staff, { orderId: placed.orderId, to: "paid" });
    const detail = await refundOrder(db, runtime, { tenantId: coop.id, orderId: placed.orderId, amountSatang: 2000, actorUserId: coop.staff });
    expect(detail).toMatchObject({ status: "paid", amountRefundedSatang: 2000, payUrl: null });
    expect(api.requests).toEqual([]);
    expect((await refundOrder(db, null, { tenantId: coop.id, orderId: placed.orderId, actorUserId: coop.staff })).status).toBe("refunded");
  });

  it("reflects a refund made in the co-op's Stripe dashboard (charge.refunded)", async () => {
    const order = await paidOrder(1);
    const pi = `pi_${order.orderId.slice(0, 8)}`;
    expect((await deliver({ type: "charge.refunded", account: coop.account, object: { id: "ch_2", object: "charge", payment_intent: pi, amount_refunded: 4000 } })).result.outcome).toBe("applied");
    expect(await orderRow(coop.id, order.orderId)).toMatchObject({ amount_refunded_satang: 4000, status: "paid" });
    expect((await deliver({ type: "charge.refunded", account: coop.account, object: { id: "ch_2", object: "charge", payment_intent: pi, amount_refunded: 15000 } })).result.outcome).toBe("applied");
    expect(await orderRow(coop.id, order.orderId)).toMatchObject({ amount_refunded_satang: 15000, status: "refunded" });
  });

  it("splits transfer reversals so partial refunds add up to the whole transfer", () => {
    const transfer = 38025;
    const steps = [0, 10000, 25001, 39000];
    const reversals = steps.slice(1).map((after, i) => reversalSatang(transfer, 39000, steps[i]!, after));
    expect(reversals.reduce((a, b) => a + b, 0)).toBe(transfer);
  });
});

describe("expiry backstop", () => {
  it("settles sessions whose webhook never came, as the webhook would", async () => {
    const coop = await cardCoop("kr-expiry", "acct_1CardExpiry0001");
    const rice = await makeProduct(db, coop.id, { stock: 10 });
    const expired = await cardOrder(coop, rice, 2);
    const paid = await cardOrder(coop, rice, 1);
    const fresh = await cardOrder(coop, rice, 1);
    const sessionOf = async (orderId: string) => (await orderRow(coop.id, orderId)).stripe_checkout_session_id!;
    const expiredSession = await sessionOf(expired.orderId);
    const paidSession = await sessionOf(paid.orderId);
    api.on((r) => {
      if (r.method !== "GET" || !r.path.startsWith("/v1/checkout/sessions/")) return undefined;
      const id = r.path.split("/").pop();
      const orderId = id === expiredSession ? expired.orderId : paid.orderId;
      return { status: 200, body: { ...sessionObject(coop, orderId), id, status: id === expiredSession ? "expired" : "complete", payment_status: id === expiredSession ? "unpaid" : "paid" } };
    });
    // Eleven minutes after the first two expired: the third's clock is pushed forward a day.
    await withTenant(db, coop.id, (trx) =>
      trx.updateTable("orders").set({ stripe_checkout_expires_at: new Date(Date.now() - 11 * 60_000) }).where("id", "in", [expired.orderId, paid.orderId]).execute(),
    );
    await withTenant(db, coop.id, (trx) => trx.updateTable("orders").set({ stripe_checkout_expires_at: new Date(Date.now() + 86_400_000) }).where("id", "=", fresh.orderId).execute());
    const result = await settleExpiredCheckouts(db, runtime);
    expect(result.settled).toBeGreaterThanOrEqual(2);
    const retrieved = paths("GET", "/v1/checkout/sessions/");
    expect(retrieved.map((r) => r.path).sort()).toEqual([`/v1/checkout/sessions/${expiredSession}`, `/v1/checkout/sessions/${paidSession}`].sort());
    expect(retrieved.every((r) => r.stripeAccount === coop.account)).toBe(true);
    expect(await orderRow(coop.id, expired.orderId)).toMatchObject({ status: "cancelled" });
    expect(await orderRow(coop.id, paid.orderId)).toMatchObject({ status: "paid" });
    expect(await orderRow(coop.id, fresh.orderId)).toMatchObject({ status: "pending_payment" });
    expect(await stockOf(db, coop.id, rice)).toMatchObject({ stock: 8 });
  });
});

// Marketplace: placed by the marketplace checkout (H2); here the parts are placed directly.
describe("marketplace card payment", () => {
  it("charges the platform once, pays every part, transfers each co-op its share and refunds one part", async () => {
    const a = await cardCoop("mk-alpha", "acct_1MarketAlpha001", 1000);
    const b = await cardCoop("mk-bravo", "acct_1MarketBravo001");
    const riceA = await makeProduct(db, a.id, { stock: 10, price: 10000 });
    const riceB = await makeProduct(db, b.id, { stock: 10, price: 20000 });
    const marketplaceOrderId = randomUUID();
    const { placeOrderIn } = await import("../../orders/place-order.ts");
    const { placeOrderInput } = await import("../../orders/schemas.ts");
    const parts: Record<string, string> = {};
    for (const [coop, product] of [[a, riceA], [b, riceB]] as const) {
      const placed = await withTenant(db, coop.id, (trx) =>
        placeOrderIn(trx, coop.id, placeOrderInput.parse(checkout([{ productId: product, quantity: 1 }], { paymentMethod: "stripe" })), undefined, { marketplaceOrderId }),
      );
      parts[coop.id] = placed.placed.orderId;
    }
    await db
      .insertInto("marketplace_orders")
      .values({
        id: marketplaceOrderId, idempotency_key: "a".repeat(64), tracking_token_hash: "b".repeat(64), customer_phone: "0812345678", payment_mode: "stripe",
        tenant_ids: [a.id, b.id], total_satang: 30000,
      })
      .execute();

    const { createMarketplaceCheckoutSession } = await import("./marketplace.ts");
    const { url } = await createMarketplaceCheckoutSession(db, runtime, { marketplaceOrderId, trackingToken: "tok123", networkOrigin: "http://localhost:3000", locale: "en" });
    const [create] = paths("POST", "/v1/checkout/sessions");
    expect(create!.stripeAccount).toBeUndefined();
    expect(create!.idempotencyKey).toBe(`market-checkout-${marketplaceOrderId}`);
    expect(create!.form).toMatchObject({
      mode: "payment",
      currency: "thb",
      "allowed_payment_method_types[0]": "card",
      "allowed_payment_method_types[1]": "promptpay",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][unit_amount]": "10000",
      "line_items[0][price_data][product_data][name]": expect.stringMatching(/^สหกรณ์ mk-alpha MK/),
      "line_items[1][price_data][unit_amount]": "20000",
      "payment_intent_data[transfer_group]": `market-${marketplaceOrderId}`,
      "payment_intent_data[metadata][marketplace_order_id]": marketplaceOrderId,
      "metadata[marketplace_order_id]": marketplaceOrderId,
      success_url: "http://localhost:3000/market/orders/tok123?stripe=return",
      cancel_url: "http://localhost:3000/market/orders/tok123?stripe=return",
      locale: "en",
    });
    expect(create!.form["payment_intent_data[application_fee_amount]"]).toBeUndefined();
    expect(await orderRow(a.id, parts[a.id]!)).toMatchObject({ stripe_checkout_url: url, application_fee_satang: 1000 });
    expect(await orderRow(b.id, parts[b.id]!)).toMatchObject({ stripe_checkout_url: url, application_fee_satang: 0 });

    // Paid: an event of the platform's own account (no event.account), routed by the metadata.
    const session = { id: "cs_test_market1", object: "checkout.session", metadata: { marketplace_order_id: marketplaceOrderId }, payment_status: "paid", payment_intent: "pi_market1" };
    expect((await deliver({ type: "checkout.session.completed", object: session })).result.outcome).toBe("applied");
    expect((await deliver({ type: "payment_intent.succeeded", object: { id: "pi_market1", object: "payment_intent", metadata: { marketplace_order_id: marketplaceOrderId } } })).result.outcome).toBe("stale");
    expect(await orderRow(a.id, parts[a.id]!)).toMatchObject({ status: "paid" });
    expect(await orderRow(b.id, parts[b.id]!)).toMatchObject({ status: "paid" });
    expect(await db.selectFrom("marketplace_orders").select(["payment_status", "stripe_payment_intent_id"]).where("id", "=", marketplaceOrderId).executeTakeFirst()).toEqual({
      payment_status: "paid",
      stripe_payment_intent_id: "pi_market1",
    });
    expect((await outboxOf("stripe_transfer")).filter((j) => (j.payload as { marketplaceOrderId: string }).marketplaceOrderId === marketplaceOrderId)).toHaveLength(2);

    api.requests.length = 0;
    await processOutboxBatch(db, createStripeOutboxHandlers(db, runtime));
    const transfers = paths("POST", "/v1/transfers");
    expect(transfers.map((r) => [r.idempotencyKey, r.form.amount, r.form.destination]).sort()).toEqual(
      [
        [`transfer-${parts[a.id]}`, "9000", a.account],
        [`transfer-${parts[b.id]}`, "20000", b.account],
      ].sort(),
    );
    expect(transfers[0]!.form).toMatchObject({ currency: "thb", transfer_group: `market-${marketplaceOrderId}`, source_transaction: "ch_test_market1" });
    expect((await orderRow(a.id, parts[a.id]!)).stripe_transfer_id).toMatch(/^tr_test/);

    // One co-op's part refunded in full: a refund on the platform's payment, its transfer reversed.
    api.requests.length = 0;
    const refunded = await refundOrder(db, runtime, { tenantId: a.id, orderId: parts[a.id]!, actorUserId: a.staff });
    expect(refunded).toMatchObject({ status: "refunded", amountRefundedSatang: 10000 });
    const [refund] = paths("POST", "/v1/refunds");
    expect(refund).toMatchObject({ stripeAccount: undefined, idempotencyKey: `refund-${parts[a.id]}-0-10000` });
    expect(refund!.form).toMatchObject({ payment_intent: "pi_market1", amount: "10000" });
    const [reversal] = paths("POST", "/v1/transfers/");
    expect(reversal!.path).toBe(`/v1/transfers/${(await orderRow(a.id, parts[a.id]!)).stripe_transfer_id}/reversals`);
    expect(reversal!.form.amount).toBe("9000");
    expect(await orderRow(b.id, parts[b.id]!)).toMatchObject({ status: "paid", amount_refunded_satang: 0 });
  });

  it("cancels every part when the marketplace session expires", async () => {
    const a = await cardCoop("mk-exp-a", "acct_1MarketExpA0001");
    const rice = await makeProduct(db, a.id, { stock: 4 });
    const marketplaceOrderId = randomUUID();
    const { placeOrderIn } = await import("../../orders/place-order.ts");
    const { placeOrderInput } = await import("../../orders/schemas.ts");
    const placed = await withTenant(db, a.id, (trx) =>
      placeOrderIn(trx, a.id, placeOrderInput.parse(checkout([{ productId: rice, quantity: 3 }], { paymentMethod: "stripe" })), undefined, { marketplaceOrderId }),
    );
    await db
      .insertInto("marketplace_orders")
      .values({ id: marketplaceOrderId, idempotency_key: "c".repeat(64), tracking_token_hash: "d".repeat(64), customer_phone: "0812345678", payment_mode: "stripe", tenant_ids: [a.id], total_satang: 36000 })
      .execute();
    const session = { id: "cs_test_market2", object: "checkout.session", metadata: { marketplace_order_id: marketplaceOrderId }, payment_status: "unpaid", payment_intent: null };
    expect((await deliver({ type: "checkout.session.expired", object: session })).result.outcome).toBe("applied");
    expect(await orderRow(a.id, placed.placed.orderId)).toMatchObject({ status: "cancelled" });
    expect(await stockOf(db, a.id, rice)).toMatchObject({ stock: 4 });
    expect((await db.selectFrom("marketplace_orders").select("payment_status").where("id", "=", marketplaceOrderId).executeTakeFirstOrThrow()).payment_status).toBe("cancelled");
  });
});
