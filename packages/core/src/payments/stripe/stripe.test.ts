import { EnvError } from "@coop/config";
import { type Database, type Kysely, sql, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase, TEST_ENGINE } from "@coop/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appErrorOf, makeCoop, makeUser } from "../../catalog/admin/testing.ts";
import { linkExistingAccount, paymentAccountStatus, refreshPaymentAccount, startOnboarding } from "./accounts.ts";
import { createStripeRuntime, STRIPE_API_VERSION, type StripeRuntime } from "./client.ts";
import { readStripeEnv } from "./env.ts";
import { applicationFeeSatang, platformFeeBps } from "./fees.ts";
import { type FakeStripeApi, signedEvent, startFakeStripeApi, stripeAccountObject } from "./testing.ts";
import { handleStripeWebhook, StripeDisabledError, StripeSignatureError } from "./webhook.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let api: FakeStripeApi;
let express: StripeRuntime;
let existing: StripeRuntime;


async function accountRow(tenantId: string) {
  return withTenant(db, tenantId, (trx) => trx.selectFrom("stripe_accounts").selectAll().where("tenant_id", "=", tenantId).executeTakeFirst());
}

async function eventRow(id: string) {
  return db.selectFrom("stripe_events").select(["id", "type", "outcome", "for_tenant_id", "applied_at", "account"]).where("id", "=", id).executeTakeFirst();
}

/** Stores an account for a co-op directly (the state a finished link leaves behind). */
async function giveAccount(tenantId: string, accountId: string, stateAt: Date, kind: "express" | "existing" = "express") {
  await withTenant(db, tenantId, (trx) =>
    trx.insertInto("stripe_accounts").values({ tenant_id: tenantId, account_id: accountId, kind, state_at: stateAt }).execute(),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  api = await startFakeStripeApi();
  express = createStripeRuntime(api.settings())!;
  existing = createStripeRuntime(api.settings({ connectMode: "existing" }))!;
});

afterAll(async () => {
  await api?.close();
  await t?.destroy();
});

beforeEach(() => {
  api.requests.length = 0;
});

describe("readStripeEnv", () => {
  it("is null (Stripe absent) without keys, and reads a full configuration", () => {
    expect(readStripeEnv({})).toBeNull();
    expect(readStripeEnv({ STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: " " })).toBeNull();
    expect(
      readStripeEnv({
        STRIPE_SECRET_KEY: "sk_test_abc123",
        STRIPE_WEBHOOK_SECRET: "whsec_xyz",
        STRIPE_CONNECT_MODE: "existing",
        STRIPE_API_BASE: "http://127.0.0.1:12111",
        PLATFORM_FEE_PERCENT: "2.5",
      }),
    ).toEqual({
      secretKey: "sk_test_abc123",
      webhookSecret: "whsec_xyz",
      connectMode: "existing",
      api: { host: "127.0.0.1", port: 12111, protocol: "http" },
      defaultFeeBps: 250,
    });
    expect(readStripeEnv({ STRIPE_SECRET_KEY: "sk_live_abc", STRIPE_WEBHOOK_SECRET: "whsec_xyz" })).toMatchObject({ connectMode: "express", api: null, defaultFeeBps: 0 });
  });

  it("names every bad variable, never showing a secret", () => {
    const problems = (source: Record<string, string>) => {
      try {
        readStripeEnv(source);
      } catch (error) {
        if (error instanceof EnvError) return error.problems.join("\n");
        throw error;
      }
      throw new Error("expected an EnvError");
    };
    expect(problems({ STRIPE_SECRET_KEY: "sk_test_abc" })).toMatch(/STRIPE_WEBHOOK_SECRET is missing/);
    expect(problems({ STRIPE_WEBHOOK_SECRET: "whsec_abc" })).toMatch(/STRIPE_SECRET_KEY is missing/);
    const bad = problems({ STRIPE_SECRET_KEY: "pk_test_publishable", STRIPE_WEBHOOK_SECRET: "whsec_x", STRIPE_CONNECT_MODE: "standard", PLATFORM_FEE_PERCENT: "150", STRIPE_API_BASE: "ftp://x" });
    expect(bad).toMatch(/STRIPE_SECRET_KEY.*invalid/);
    expect(bad).not.toContain("pk_test_publishable");
    expect(bad).toMatch(/STRIPE_CONNECT_MODE/);
    expect(bad).toMatch(/PLATFORM_FEE_PERCENT/);
    expect(bad).toMatch(/STRIPE_API_BASE/);
    expect(problems({ STRIPE_SECRET_KEY: "sk_test_a", STRIPE_WEBHOOK_SECRET: "whsec_x", PLATFORM_FEE_PERCENT: "1.234" })).toMatch(/two decimals/);
  });
});

describe("Stripe off", () => {
  it("answers status 'not enabled' and refuses every action with a clear error", async () => {
    const coop = await makeCoop(db, "stripe-off");
    const user = await makeUser(db, "off@example.test", "Off");
    expect(await paymentAccountStatus(db, null, coop)).toEqual({ enabled: false });
    for (const attempt of [
      startOnboarding(db, null, { tenantId: coop, actorUserId: user, siteOrigin: "http://stripe-off.localhost" }),
      linkExistingAccount(db, null, { tenantId: coop, actorUserId: user, accountId: "acct_1234567890" }),
      refreshPaymentAccount(db, null, coop),
    ]) {
      expect(await appErrorOf(attempt)).toMatchObject({ code: "NOT_FOUND", messageKey: "payments.errors.not_enabled" });
    }
    await expect(handleStripeWebhook(db, "{}", "t=1,v1=x", null)).rejects.toBeInstanceOf(StripeDisabledError);
    expect(api.requests).toEqual([]);
  });
});

describe("startOnboarding (express)", () => {
  it("creates the Express account once with the co-op's details, stores it, and returns an Account Link", async () => {
    const coop = await makeCoop(db, "onboard-a");
    await withTenant(db, coop, (trx) =>
      trx.updateTable("tenants").set({ name_en: "Onboard Co-op", contact_email: "office@onboard.example", phone: "0812345678" }).where("id", "=", coop).execute(),
    );
    const user = await makeUser(db, "owner-onboard@example.test", "Owner");
    api.on((r) => (r.method === "POST" && r.path === "/v1/accounts" ? { status: 200, body: stripeAccountObject("acct_1OnboardA000001") } : undefined));
    let links = 0;
    api.on((r) =>
      r.method === "POST" && r.path === "/v1/account_links"
        ? { status: 200, body: { object: "account_link", url: `https://connect.stripe.com/setup/e/acct_1OnboardA000001/link${++links}`, created: 1, expires_at: 2 } }
        : undefined,
    );

    const first = await startOnboarding(db, express, { tenantId: coop, actorUserId: user, siteOrigin: "http://onboard-a.localhost:3106" });
    expect(first).toEqual({ url: "https://connect.stripe.com/setup/e/acct_1OnboardA000001/link1", accountId: "acct_1OnboardA000001" });

    const [create, link] = api.requests;
    expect(create).toMatchObject({ method: "POST", path: "/v1/accounts", idempotencyKey: `coop-express-account-${coop}`, stripeVersion: STRIPE_API_VERSION, authorization: "Bearer sk_test_platform123" });
    expect(create!.form).toEqual({
      type: "express",
      country: "TH",
      email: "office@onboard.example",
      "capabilities[card_payments][requested]": "true",
      "capabilities[transfers][requested]": "true",
      "capabilities[promptpay_payments][requested]": "true",
      "business_profile[name]": "สหกรณ์ onboard-a (Onboard Co-op)",
      "business_profile[url]": "http://onboard-a.localhost:3106",
      "business_profile[support_phone]": "0812345678",
      "business_profile[product_description]": "Agricultural products sold by a Thai agricultural co-operative",
      "metadata[tenant_id]": coop,
      "metadata[slug]": "onboard-a",
    });
    expect(link).toMatchObject({ method: "POST", path: "/v1/account_links" });
    expect(link!.idempotencyKey).toMatch(new RegExp(`^coop-account-link-${coop}-[0-9a-f-]{36}$`));
    expect(link!.form).toEqual({
      account: "acct_1OnboardA000001",
      type: "account_onboarding",
      refresh_url: "http://onboard-a.localhost:3106/admin/settings/payments?stripe=refresh",
      return_url: "http://onboard-a.localhost:3106/admin/settings/payments?stripe=return",
    });
    expect(await accountRow(coop)).toMatchObject({ account_id: "acct_1OnboardA000001", kind: "express", details_submitted: false, charges_enabled: false, linked_by: user });

    // Again (the link expired): the stored account is reused, only a new link is made, with a new key.
    api.requests.length = 0;
    const second = await startOnboarding(db, express, { tenantId: coop, actorUserId: user, siteOrigin: "http://onboard-a.localhost:3106" });
    expect(second.url).toMatch(/link2$/);
    expect(api.requests.map((r) => r.path)).toEqual(["/v1/account_links"]);
    expect(api.requests[0]!.idempotencyKey).not.toBe(link!.idempotencyKey);

    expect(await paymentAccountStatus(db, express, coop)).toMatchObject({
      enabled: true, mode: "express", account: { accountId: "acct_1OnboardA000001", detailsSubmitted: false, chargesEnabled: false, payoutsEnabled: false },
    });
  });

  it("turns Stripe's refusal into a clear error and stores nothing; is refused in existing mode", async () => {
    const coop = await makeCoop(db, "onboard-refused");
    const user = await makeUser(db, "owner-refused@example.test", "Owner");
    api.on((r) =>
      r.path === "/v1/accounts" && r.form["metadata[slug]"] === "onboard-refused"
        ? { status: 400, body: { error: { type: "invalid_request_error", message: "You cannot create Express accounts in TH" } } }
        : undefined,
    );
    expect(await appErrorOf(startOnboarding(db, express, { tenantId: coop, actorUserId: user, siteOrigin: "http://x.localhost" }))).toMatchObject({
      code: "CONFLICT", messageKey: "payments.errors.express_refused",
    });
    expect(await accountRow(coop)).toBeUndefined();
    expect(await appErrorOf(startOnboarding(db, existing, { tenantId: coop, actorUserId: user, siteOrigin: "http://x.localhost" }))).toMatchObject({
      code: "CONFLICT", messageKey: "payments.errors.express_disabled",
    });
  });
});

describe("linkExistingAccount", () => {
  beforeAll(() => {
    api.on((r) => {
      const match = /^\/v1\/accounts\/(acct_\w+)$/.exec(r.path);
      if (r.method !== "GET" || !match) return undefined;
      if (match[1]!.startsWith("acct_missing")) {
        return { status: 404, body: { error: { type: "invalid_request_error", code: "resource_missing", message: `No such account: '${match[1]}'` } } };
      }
      return { status: 200, body: stripeAccountObject(match[1]!, { details_submitted: true, charges_enabled: true, payouts_enabled: false }) };
    });
  });

  it("validates the id, retrieves the account from Stripe, and stores its state", async () => {
    const coop = await makeCoop(db, "link-a");
    const user = await makeUser(db, "owner-link-a@example.test", "Owner");
    for (const bad of ["", "acct_", "acct_12 34", "cus_1234567890", "acct_1234567890; DROP"]) {
      expect(await appErrorOf(linkExistingAccount(db, existing, { tenantId: coop, actorUserId: user, accountId: bad }))).toMatchObject({
        code: "VALIDATION", fields: { accountId: "payments.errors.account_id_format" },
      });
    }
    expect(api.requests).toEqual([]);
    expect(await appErrorOf(linkExistingAccount(db, existing, { tenantId: coop, actorUserId: user, accountId: "acct_missing000001" }))).toMatchObject({
      code: "VALIDATION", fields: { accountId: "payments.errors.account_not_found" },
    });
    expect(await accountRow(coop)).toBeUndefined();

    const status = await linkExistingAccount(db, existing, { tenantId: coop, actorUserId: user, accountId: " acct_1LinkA00000001 " });
    expect(status).toMatchObject({ enabled: true, mode: "existing", account: { accountId: "acct_1LinkA00000001", kind: "existing", detailsSubmitted: true, chargesEnabled: true, payoutsEnabled: false } });
    expect(api.requests.at(-1)).toMatchObject({ method: "GET", path: "/v1/accounts/acct_1LinkA00000001", form: {} });
    // The same id again is a no-op; another id while one is linked is refused.
    await linkExistingAccount(db, existing, { tenantId: coop, actorUserId: user, accountId: "acct_1LinkA00000001" });
    expect(await appErrorOf(linkExistingAccount(db, existing, { tenantId: coop, actorUserId: user, accountId: "acct_1LinkA00000002" }))).toMatchObject({
      code: "CONFLICT", messageKey: "payments.errors.already_linked",
    });
    expect(await appErrorOf(startOnboarding(db, express, { tenantId: coop, actorUserId: user, siteOrigin: "http://x.localhost" }))).toMatchObject({
      messageKey: "payments.errors.already_linked",
    });
  });

  it("refuses an account another co-op has linked, without revealing which", async () => {
    const a = await makeCoop(db, "link-owner");
    const b = await makeCoop(db, "link-thief");
    const user = await makeUser(db, "owner-link-thief@example.test", "Owner");
    await linkExistingAccount(db, existing, { tenantId: a, actorUserId: user, accountId: "acct_1Shared0000001" });
    const error = await appErrorOf(linkExistingAccount(db, existing, { tenantId: b, actorUserId: user, accountId: "acct_1Shared0000001" }));
    expect(error).toMatchObject({ code: "CONFLICT", messageKey: "payments.errors.account_taken" });
    expect(JSON.stringify(error)).not.toContain(a);
    expect(await accountRow(b)).toBeUndefined();
  });

  it("is refused in express mode", async () => {
    const coop = await makeCoop(db, "link-express");
    const user = await makeUser(db, "owner-link-express@example.test", "Owner");
    expect(await appErrorOf(linkExistingAccount(db, express, { tenantId: coop, actorUserId: user, accountId: "acct_1234567890" }))).toMatchObject({
      code: "CONFLICT", messageKey: "payments.errors.linking_disabled",
    });
  });
});

describe("handleStripeWebhook", () => {
  let coop: string;
  const ACCOUNT = "acct_1Webhook0000001";
  const now = Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    coop = await makeCoop(db, "webhook-a");
    await giveAccount(coop, ACCOUNT, new Date((now - 3600) * 1000));
  });

  const accountUpdated = (created: number, state: Parameters<typeof stripeAccountObject>[1], id?: string) =>
    signedEvent({ type: "account.updated", account: ACCOUNT, created, object: stripeAccountObject(ACCOUNT, state), ...(id ? { id } : {}) });

  it("applies account.updated once; a redelivery changes nothing", async () => {
    const event = accountUpdated(now - 60, { details_submitted: true, charges_enabled: true, payouts_enabled: false });
    expect(await handleStripeWebhook(db, Buffer.from(event.body), event.header, express)).toEqual({ eventId: event.id, type: "account.updated", stored: true, outcome: "applied" });
    expect(await accountRow(coop)).toMatchObject({ details_submitted: true, charges_enabled: true, payouts_enabled: false });
    expect(await eventRow(event.id)).toMatchObject({ outcome: "applied", for_tenant_id: coop, account: ACCOUNT, applied_at: expect.any(Date) });

    // The state changes by other means; the same event delivered again must not put it back.
    await withTenant(db, coop, (trx) => trx.updateTable("stripe_accounts").set({ charges_enabled: false }).where("tenant_id", "=", coop).execute());
    expect(await handleStripeWebhook(db, event.body, event.header, express)).toMatchObject({ stored: false, outcome: null });
    expect(await accountRow(coop)).toMatchObject({ charges_enabled: false });
    const count = await db.selectFrom("stripe_events").select(sql<number>`count(*)`.as("n")).where("id", "=", event.id).executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it("does not let an older event overwrite a newer state (out of order)", async () => {
    const newer = accountUpdated(now - 10, { details_submitted: true, charges_enabled: true, payouts_enabled: true });
    const older = accountUpdated(now - 30, { details_submitted: true, charges_enabled: false, payouts_enabled: false });
    await handleStripeWebhook(db, newer.body, newer.header, express);
    expect(await handleStripeWebhook(db, older.body, older.header, express)).toMatchObject({ stored: true, outcome: "stale" });
    expect(await accountRow(coop)).toMatchObject({ charges_enabled: true, payouts_enabled: true });
    expect(await eventRow(older.id)).toMatchObject({ outcome: "stale" });
  });

  it("rejects a bad, tampered, foreign or missing signature and stores nothing", async () => {
    const event = accountUpdated(now, { details_submitted: false, charges_enabled: false, payouts_enabled: false });
    const tampered = event.body.replace('"charges_enabled":false', '"charges_enabled":true');
    const foreign = signedEvent({ type: "account.updated", account: ACCOUNT, object: stripeAccountObject(ACCOUNT) }, "whsec_someoneelse");
    const stale = Math.floor(Date.now() / 1000) - 3600;
    const replayHeader = event.header.replace(/t=\d+/, `t=${stale}`);
    for (const [body, header] of [
      [tampered, event.header],
      [foreign.body, foreign.header],
      [event.body, "t=123,v1=deadbeef"],
      [event.body, replayHeader],
      [event.body, ""],
      [event.body, undefined],
    ] as const) {
      await expect(handleStripeWebhook(db, body, header, express)).rejects.toBeInstanceOf(StripeSignatureError);
    }
    expect(await eventRow(event.id)).toBeUndefined();
    expect(await eventRow(foreign.id)).toBeUndefined();
    expect(await accountRow(coop)).toMatchObject({ charges_enabled: true, payouts_enabled: true });
  });

  it("stores payment events that name no order of this co-op, routed to the co-op and ignored", async () => {
    for (const type of ["checkout.session.completed", "checkout.session.expired", "payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"]) {
      const event = signedEvent({ type, account: ACCOUNT, object: { id: "cs_test_123", object: "checkout.session", metadata: {} } });
      expect(await handleStripeWebhook(db, event.body, event.header, express)).toMatchObject({ stored: true, outcome: "ignored" });
      expect(await eventRow(event.id)).toMatchObject({ type, outcome: "ignored", for_tenant_id: coop, applied_at: null });
    }
  });

  it("records events of unknown accounts and types without touching any co-op", async () => {
    const other = await makeCoop(db, "webhook-b");
    await giveAccount(other, "acct_1WebhookOther01", new Date((now - 3600) * 1000));
    const unknown = signedEvent({ type: "account.updated", account: "acct_1Nobody00000001", object: stripeAccountObject("acct_1Nobody00000001", { charges_enabled: true }) });
    expect(await handleStripeWebhook(db, unknown.body, unknown.header, express)).toMatchObject({ outcome: "unknown_account" });
    expect(await accountRow(other)).toMatchObject({ charges_enabled: false });
    const ignored = signedEvent({ type: "customer.created", object: { id: "cus_1", object: "customer" } });
    expect(await handleStripeWebhook(db, ignored.body, ignored.header, express)).toMatchObject({ outcome: "ignored" });
    expect(await eventRow(ignored.id)).toMatchObject({ outcome: "ignored", for_tenant_id: null });
  });

  it("an account.updated naming B's account never changes A's row", async () => {
    const b = await makeCoop(db, "webhook-c");
    await giveAccount(b, "acct_1WebhookCoopC01", new Date((now - 3600) * 1000));
    const event = signedEvent({ type: "account.updated", account: "acct_1WebhookCoopC01", object: stripeAccountObject("acct_1WebhookCoopC01", { charges_enabled: true, details_submitted: true }) });
    await handleStripeWebhook(db, event.body, event.header, express);
    expect(await accountRow(b)).toMatchObject({ charges_enabled: true });
    expect(await accountRow(coop)).toMatchObject({ account_id: ACCOUNT, charges_enabled: true, payouts_enabled: true });
  });
});

describe("account.application.deauthorized", () => {
  it("turns the co-op's card payments off when it disconnects its account", async () => {
    const coop = await makeCoop(db, "deauth-a");
    const now = Math.floor(Date.now() / 1000);
    await giveAccount(coop, "acct_1Deauth00000001", new Date((now - 3600) * 1000), "existing");
    const on = signedEvent({ type: "account.updated", account: "acct_1Deauth00000001", created: now - 60, object: stripeAccountObject("acct_1Deauth00000001", { details_submitted: true, charges_enabled: true, payouts_enabled: true }) });
    await handleStripeWebhook(db, on.body, on.header, express);
    const off = signedEvent({ type: "account.application.deauthorized", account: "acct_1Deauth00000001", created: now - 30, object: { id: "ca_123", object: "application" } });
    expect(await handleStripeWebhook(db, off.body, off.header, express)).toMatchObject({ outcome: "applied" });
    expect(await accountRow(coop)).toMatchObject({ details_submitted: false, charges_enabled: false, payouts_enabled: false });
    // An account.updated from before the disconnection, delivered late, does not switch it back on.
    const late = signedEvent({ type: "account.updated", account: "acct_1Deauth00000001", created: now - 45, object: stripeAccountObject("acct_1Deauth00000001", { charges_enabled: true }) });
    expect(await handleStripeWebhook(db, late.body, late.header, express)).toMatchObject({ outcome: "stale" });
    expect(await accountRow(coop)).toMatchObject({ charges_enabled: false });
  });
});

describe("refreshPaymentAccount", () => {
  it("stores the state Stripe reports now (the owner's return from onboarding)", async () => {
    const coop = await makeCoop(db, "refresh-a");
    await giveAccount(coop, "acct_1Refresh0000001", new Date(Date.now() - 60_000));
    api.on((r) => (r.path === "/v1/accounts/acct_1Refresh0000001" ? { status: 200, body: stripeAccountObject("acct_1Refresh0000001", { details_submitted: true }) } : undefined));
    expect(await refreshPaymentAccount(db, express, coop)).toMatchObject({ account: { detailsSubmitted: true, chargesEnabled: false } });
  });
});

describe(`stripe_accounts tenant isolation on ${TEST_ENGINE}`, () => {
  it("a co-op sees, changes and creates only its own account row", async () => {
    const a = await makeCoop(db, "iso-a");
    const b = await makeCoop(db, "iso-b");
    await giveAccount(a, "acct_1IsolationA001", new Date());
    await giveAccount(b, "acct_1IsolationB001", new Date());
    const seenByA = await withTenant(db, a, (trx) => trx.selectFrom("stripe_accounts").select("account_id").execute());
    expect(seenByA).toEqual([{ account_id: "acct_1IsolationA001" }]);
    const updated = await withTenant(db, a, (trx) => trx.updateTable("stripe_accounts").set({ charges_enabled: true }).where("tenant_id", "=", b).executeTakeFirst());
    expect(updated.numUpdatedRows).toBe(0n);
    await expect(
      withTenant(db, a, (trx) => trx.insertInto("stripe_accounts").values({ tenant_id: b, account_id: "acct_1Sneaky0000001", kind: "existing", state_at: new Date() }).execute()),
    ).rejects.toThrow(/row-level security/);
    // Without a tenant, nothing is visible; naming one account shows that row only, read-only.
    expect(await db.selectFrom("stripe_accounts").select("account_id").execute()).toEqual([]);
    const routed = await db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('app.stripe_account', 'acct_1IsolationB001', true)`.execute(trx);
      const rows = await trx.selectFrom("stripe_accounts").select(["tenant_id", "account_id"]).execute();
      const changed = await trx.updateTable("stripe_accounts").set({ charges_enabled: true }).executeTakeFirst();
      return { rows, changed: changed.numUpdatedRows };
    });
    expect(routed).toEqual({ rows: [{ tenant_id: b, account_id: "acct_1IsolationB001" }], changed: 0n });
  });

  it("one account per co-op", async () => {
    const a = await makeCoop(db, "iso-one");
    await giveAccount(a, "acct_1OneOnly000001", new Date());
    await expect(giveAccount(a, "acct_1OneOnly000002", new Date())).rejects.toThrow(/unique|duplicate/i);
  });
});

describe("platform fee", () => {
  it("takes the co-op's rate, else the region's, else the default; rounds the fee down", async () => {
    const coop = await makeCoop(db, "fee-a");
    const runtime = createStripeRuntime(api.settings({ defaultFeeBps: 150 }))!;
    expect(await platformFeeBps(db, runtime, coop)).toBe(150);
    await sql`UPDATE regions SET stripe_fee_bps = 200 WHERE id = 5`.execute(t.owner());
    try {
      expect(await platformFeeBps(db, runtime, coop)).toBe(200);
      await withTenant(db, coop, (trx) => trx.updateTable("tenants").set({ stripe_fee_bps: 0 }).where("id", "=", coop).execute());
      expect(await platformFeeBps(db, runtime, coop)).toBe(0);
    } finally {
      await sql`UPDATE regions SET stripe_fee_bps = NULL WHERE id = 5`.execute(t.owner());
    }
    expect(applicationFeeSatang(10_000, 250)).toBe(250);
    expect(applicationFeeSatang(999, 250)).toBe(24);
    expect(applicationFeeSatang(12_345, 0)).toBe(0);
    expect(() => applicationFeeSatang(-1, 100)).toThrow(RangeError);
  });
});
