import {
  configureStripe, createStripeRuntime, type FakeStripeApi, placeOrder, signedEvent, signPayload, startFakeStripeApi, stripeAccountObject, type StripeRuntime,
} from "@coop/core";
import { withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountStripeWebhook, STRIPE_WEBHOOK_MAX_BYTES } from "./stripe-webhook-route.ts";

let t: TestDatabase;
let api: FakeStripeApi;
let runtime: StripeRuntime;
let tenantId: string;
const ACCOUNT = "acct_1RouteTest000001";

const ORIGINS = { network: "https://sahakorn.example", coopTemplate: "https://{slug}.sahakorn.example" };

function appWith(r: StripeRuntime | null) {
  const app = new Hono<{ Variables: { requestId: string } }>();
  app.use("*", async (c, next) => {
    c.set("requestId", "test-request");
    await next();
  });
  mountStripeWebhook(app, { db: t.db, runtime: r, origins: ORIGINS });
  return app;
}

const post = (app: Hono<{ Variables: { requestId: string } }>, body: string | Uint8Array<ArrayBuffer>, signature?: string) =>
  app.request("/webhooks/stripe", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...(signature !== undefined ? { "stripe-signature": signature } : {}) },
  });

const storedEvents = async (id: string) => (await t.db.selectFrom("stripe_events").select("id").where("id", "=", id).execute()).length;
const chargesEnabled = async () =>
  (await withTenant(t.db, tenantId, (trx) => trx.selectFrom("stripe_accounts").select("charges_enabled").where("tenant_id", "=", tenantId).executeTakeFirstOrThrow())).charges_enabled;

beforeAll(async () => {
  t = await createTestDatabase();
  api = await startFakeStripeApi();
  runtime = createStripeRuntime(api.settings())!;
  const row = await t.db.insertInto("tenants").values({ slug: "route-coop", name_th: "สหกรณ์ทดสอบ", province_code: 30, region_id: 5 }).returning("id").executeTakeFirstOrThrow();
  tenantId = row.id;
  await withTenant(t.db, tenantId, (trx) =>
    trx.insertInto("stripe_accounts").values({ tenant_id: tenantId, account_id: ACCOUNT, kind: "express", state_at: new Date(Date.now() - 3_600_000) }).execute(),
  );
});
afterAll(async () => {
  await api?.close();
  await t?.destroy();
});

describe("POST /webhooks/stripe", () => {
  it("does not exist while Stripe is not configured", async () => {
    const event = signedEvent({ type: "account.updated", account: ACCOUNT, object: stripeAccountObject(ACCOUNT) });
    const res = await post(appWith(null), event.body, event.header);
    expect(res.status).toBe(404);
    expect(await storedEvents(event.id)).toBe(0);
  });

  it("verifies the exact bytes received (here pretty-printed JSON), applies once, answers 200 to a redelivery", async () => {
    const app = appWith(runtime);
    const id = "evt_1RoutePretty00001";
    const body = JSON.stringify(
      { id, object: "event", api_version: "2026-10-28.endive", created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1,
        request: { id: null, idempotency_key: null }, type: "account.updated", account: ACCOUNT,
        data: { object: stripeAccountObject(ACCOUNT, { details_submitted: true, charges_enabled: true }) } },
      null,
      2,
    );
    const header = signPayload(body);
    const first = await post(app, new TextEncoder().encode(body), header);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    expect(await chargesEnabled()).toBe(true);

    const again = await post(app, body, header);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await storedEvents(id)).toBe(1);
  });

  it("answers 400 to a bad or missing signature and stores nothing", async () => {
    const app = appWith(runtime);
    const event = signedEvent({ type: "account.updated", account: ACCOUNT, object: stripeAccountObject(ACCOUNT, { charges_enabled: false }) });
    // Re-serialising the body (as a JSON body parser would) changes the bytes: refused.
    const reserialised = JSON.stringify(JSON.parse(event.body), null, 1);
    for (const [body, header] of [[reserialised, event.header], [event.body, "t=1,v1=0000"], [event.body, undefined]] as const) {
      const res = await post(app, body, header);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: "bad_signature" });
    }
    expect(await storedEvents(event.id)).toBe(0);
    expect(await chargesEnabled()).toBe(true);
  });

  it("refuses an oversized body before reading it", async () => {
    const big = new Uint8Array(STRIPE_WEBHOOK_MAX_BYTES + 1).fill(32);
    const res = await post(appWith(runtime), big, "t=1,v1=0000");
    expect(res.status).toBe(413);
  });

  it("applies a card payment to its order, and e-mails a refund notice linking to the co-op's site when the stock is gone", async () => {
    const app = appWith(runtime);
    // placeOrder offers card payment only while the process has Stripe configured and the account can charge.
    configureStripe(api.settings());
    try {
      await withTenant(t.db, tenantId, (trx) => trx.updateTable("stripe_accounts").set({ charges_enabled: true }).where("tenant_id", "=", tenantId).execute());
      const product = await withTenant(t.db, tenantId, async (trx) =>
        (await trx.insertInto("products").values({ tenant_id: tenantId, name_th: "ข้าว", price_satang: 10000, unit: "kg", stock: 1 }).returning("id").executeTakeFirstOrThrow()).id,
      );
      const placed = await placeOrder(t.db, tenantId, {
        idempotencyKey: crypto.randomUUID(),
        customer: { name: "สมศรี", phone: "0812345678", email: "somsri@example.com" },
        deliveryMethod: "pickup",
        paymentMethod: "stripe",
        items: [{ productId: product, quantity: 1 }],
      });
      const session = (extra: object) => ({ id: "cs_test_route1", object: "checkout.session", metadata: { tenant_id: tenantId, order_id: placed.orderId }, ...extra });
      const expired = signedEvent({ type: "checkout.session.expired", account: ACCOUNT, object: session({ payment_status: "unpaid" }) });
      expect((await post(app, expired.body, expired.header)).status).toBe(200);
      // The last bag was sold to someone else meanwhile.
      await withTenant(t.db, tenantId, (trx) => trx.updateTable("products").set({ stock: 0, status: "sold_out" }).where("id", "=", product).execute());
      const paid = signedEvent({ type: "checkout.session.completed", account: ACCOUNT, object: session({ payment_status: "paid", payment_intent: "pi_route1" }) });
      expect(await (await post(app, paid.body, paid.header)).json()).toEqual({ received: true, duplicate: false });
      expect(await (await post(app, paid.body, paid.header)).json()).toEqual({ received: true, duplicate: true });
      const order = await withTenant(t.db, tenantId, (trx) => trx.selectFrom("orders").select(["status"]).where("id", "=", placed.orderId).executeTakeFirstOrThrow());
      expect(order.status).toBe("cancelled");
      const jobs = await t.db.selectFrom("outbox").select(["kind", "payload"]).where("kind", "in", ["stripe_refund", "email"]).execute();
      expect(jobs.filter((j) => j.kind === "stripe_refund")).toHaveLength(1);
      const notice = jobs.map((j) => j.payload as { template?: string; params?: { link?: string } }).find((p) => p.template === "order_auto_refunded");
      expect(notice?.params?.link).toMatch(/^https:\/\/route-coop\.sahakorn\.example\/orders\/[A-Za-z0-9_-]+$/);
    } finally {
      configureStripe(null);
    }
  });
});
