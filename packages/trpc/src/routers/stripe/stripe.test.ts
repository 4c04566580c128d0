import { configureStripe, type FakeStripeApi, startFakeStripeApi, stopFakeStripe, stripeAccountObject } from "@coop/core";
import type { Database, Kysely } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { failureOf, makeCoopWithMembers, testCaller } from "../../testing.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let api: FakeStripeApi;

async function makeCoop(slug: string) {
  const { id, site, members } = await makeCoopWithMembers(db, slug, ["owner", "manager", "editor"]);
  return { id, slug, site, ...members };
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  api = await startFakeStripeApi();
  api.on((r) => {
    if (r.method === "POST" && r.path === "/v1/accounts") return { status: 200, body: stripeAccountObject(`acct_1Trpc${r.form["metadata[slug]"]!.replace(/[^A-Za-z0-9]/g, "")}`) };
    if (r.method === "POST" && r.path === "/v1/account_links") return { status: 200, body: { object: "account_link", url: `https://connect.stripe.com/setup/e/${r.form.account}/x`, created: 1, expires_at: 2 } };
    const match = /^\/v1\/accounts\/(acct_\w+)$/.exec(r.path);
    if (r.method === "GET" && match) return { status: 200, body: stripeAccountObject(match[1]!, { details_submitted: true, charges_enabled: true, payouts_enabled: true }) };
    return undefined;
  });
});
afterEach(() => {
  configureStripe(null);
});
afterAll(async () => {
  await stopFakeStripe(api);
  await t?.destroy();
});

describe("stripe router without Stripe keys", () => {
  it("status says not enabled; every action answers a clear 'not enabled'", async () => {
    configureStripe(null);
    const a = await makeCoop("stripe-off-a");
    const manager = await testCaller(db, a.site, { userId: a.manager });
    expect(await manager.stripe.status()).toEqual({ enabled: false });
    expect(await failureOf(manager.stripe.startOnboarding())).toMatchObject({ code: "NOT_FOUND", key: "payments.errors.not_enabled" });
    expect(await failureOf(manager.stripe.linkAccount({ accountId: "acct_1234567890" }))).toMatchObject({ code: "NOT_FOUND", key: "payments.errors.not_enabled" });
    expect(await failureOf(manager.stripe.refresh())).toMatchObject({ code: "NOT_FOUND", key: "payments.errors.not_enabled" });
    expect(api.requests).toEqual([]);
  });
});

describe("stripe router (express)", () => {
  it("onboards the Host's co-op only, for members with the settings permission", async () => {
    configureStripe(api.settings());
    const a = await makeCoop("stripe-exp-a");
    const b = await makeCoop("stripe-exp-b");
    const managerA = await testCaller(db, a.site, { userId: a.manager });
    expect(await managerA.stripe.status()).toEqual({ enabled: true, mode: "express", account: null });
    const { url } = await managerA.stripe.startOnboarding();
    expect(url).toBe("https://connect.stripe.com/setup/e/acct_1Trpcstripeexpa/x");
    const link = api.requests.find((r) => r.path === "/v1/account_links")!;
    expect(link.form.return_url).toBe("http://stripe-exp-a.localhost:3000/admin/settings/payments?stripe=return");
    expect(await managerA.stripe.status()).toMatchObject({ account: { accountId: "acct_1Trpcstripeexpa", chargesEnabled: false } });

    // Editors may not; A's manager on B's site may not; a stranger may not; B sees nothing of A's account.
    expect((await failureOf((await testCaller(db, a.site, { userId: a.editor })).stripe.startOnboarding())).code).toBe("FORBIDDEN");
    expect((await failureOf((await testCaller(db, a.site, { userId: a.editor })).stripe.status())).code).toBe("FORBIDDEN");
    expect((await failureOf((await testCaller(db, b.site, { userId: a.manager })).stripe.status())).code).toBe("FORBIDDEN");
    expect((await failureOf((await testCaller(db, b.site, { userId: a.manager })).stripe.startOnboarding())).code).toBe("FORBIDDEN");
    expect((await failureOf((await testCaller(db, a.site)).stripe.status())).code).toBe("UNAUTHORIZED");
    expect(await (await testCaller(db, b.site, { userId: b.owner })).stripe.status()).toEqual({ enabled: true, mode: "express", account: null });
    expect((await failureOf(managerA.stripe.linkAccount({ accountId: "acct_1234567890" }))).key).toBe("payments.errors.linking_disabled");

    // The return landing reads the state from Stripe.
    expect(await managerA.stripe.refresh()).toMatchObject({ account: { detailsSubmitted: true, chargesEnabled: true, payoutsEnabled: true } });
  });
});

describe("stripe router (existing accounts)", () => {
  it("links an account id for the Host's co-op; another co-op cannot take it; bad ids are field errors", async () => {
    configureStripe(api.settings({ connectMode: "existing" }));
    const a = await makeCoop("stripe-link-a");
    const b = await makeCoop("stripe-link-b");
    const ownerA = await testCaller(db, a.site, { userId: a.owner });
    expect(await failureOf(ownerA.stripe.linkAccount({ accountId: "cus_123" }))).toMatchObject({ code: "BAD_REQUEST", fields: { accountId: "payments.errors.account_id_format" } });
    expect(await ownerA.stripe.linkAccount({ accountId: "acct_1LinkTrpcA00001" })).toMatchObject({ enabled: true, mode: "existing", account: { accountId: "acct_1LinkTrpcA00001", chargesEnabled: true } });
    expect((await failureOf(ownerA.stripe.startOnboarding())).key).toBe("payments.errors.express_disabled");

    const ownerB = await testCaller(db, b.site, { userId: b.owner });
    expect(await failureOf(ownerB.stripe.linkAccount({ accountId: "acct_1LinkTrpcA00001" }))).toMatchObject({ code: "CONFLICT", key: "payments.errors.account_taken" });
    expect(await ownerB.stripe.status()).toEqual({ enabled: true, mode: "existing", account: null });
    // A member of A cannot link an account for B by calling on B's host.
    expect((await failureOf((await testCaller(db, b.site, { userId: a.owner })).stripe.linkAccount({ accountId: "acct_1LinkTrpcB00001" }))).code).toBe("FORBIDDEN");
  });
});
