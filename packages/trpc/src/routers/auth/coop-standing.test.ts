import { findTenantBySlug, hashPassword, loadStaffScope, type PublicTenant, suspendCoop } from "@coop/core";
import { type Database, type Kysely, sql, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorInfo } from "../../errors.ts";
import type { Site } from "../../site.ts";
import { testCaller, testSession } from "../../testing.ts";

// The co-op's own team and its public while the site is closed: suspended by staff (read-only
// back office) or waiting for approval (back office open for preparation). The resolver maps
// both to site kind "suspended"; `tenant.status` tells them apart (apps/api/src/site-resolver.ts).

let t: TestDatabase;
let db: Kysely<Database>;
const PASSWORD = "ข้าวหอม-มะลิ-105";
const network: Site = { kind: "network" };
let suspendedId: string;
let owner: string;
let outsider: string; // owner of another co-op

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const info = errorInfo(error);
    return `${info.code}:${info.messageKey}`;
  }
  return "OK";
}

async function makeUser(email: string): Promise<string> {
  return (await db.insertInto("users").values({ email, display_name: email, password_hash: await hashPassword(PASSWORD) }).returning("id").executeTakeFirstOrThrow()).id;
}

async function makeCoop(slug: string, userId: string): Promise<string> {
  const { id } = await db.insertInto("tenants").values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 40, region_id: 7 }).returning("id").executeTakeFirstOrThrow();
  await withTenant(db, id, (trx) => trx.insertInto("memberships").values({ tenant_id: id, user_id: userId, role: "owner" }).execute());
  return id;
}

const closed = async (slug: string): Promise<Site> => ({ kind: "suspended", tenant: (await findTenantBySlug(db, slug)) as PublicTenant });

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  owner = await makeUser("owner@example.test");
  outsider = await makeUser("outsider@example.test");
  suspendedId = await makeCoop("cs-suspended", owner);
  await makeCoop("cs-other", outsider);
  const staff = await makeUser("staff7@example.test");
  await db.insertInto("staff_regions").values({ user_id: staff, region_id: 7 }).execute();
  await suspendCoop(db, (await loadStaffScope(db, staff))!, { tenantId: suspendedId, reason: "ราคาไม่ตรงกับที่แจ้ง" });
  // Region 5 (นครราชสีมา) asks staff to approve new co-ops; regions are platform configuration, set by the owner role.
  await sql`UPDATE regions SET requires_approval = true WHERE id = 5`.execute(t.owner());
  await db.insertInto("staff_regions").values({ user_id: await makeUser("staff5@example.test"), region_id: 5 }).execute();
});
afterAll(async () => t?.destroy());

describe("a suspended co-op", () => {
  it("lets its members sign in and read, shows them staff's reason, and refuses every change", async () => {
    const site = await closed("cs-suspended");
    expect(site.kind === "suspended" && site.tenant.status).toBe("suspended");
    const signIn = await testSession(db, site, { ip: "10.7.0.1" });
    await signIn.caller.auth.signIn({ email: "owner@example.test", password: PASSWORD });
    expect(signIn.ctx.responseCookies.join(";")).toMatch(/session=/);

    const member = await testCaller(db, site, { userId: owner });
    const me = await member.auth.me();
    expect(me.membership?.role).toBe("owner");
    expect(me.standing).toMatchObject({ status: "suspended", reason: "ราคาไม่ตรงกับที่แจ้ง" });
    expect(me.standing?.status === "suspended" && Number.isNaN(Date.parse(me.standing.since ?? ""))).toBe(false);
    expect(await failure(member.dashboard.get())).toBe("OK");
    expect(await failure(member.catalogAdmin.list({}))).toBe("OK");
    expect(await failure(member.catalogAdmin.create({ nameTh: "สินค้าใหม่", price: "10", unit: "kg", initialStock: "1" }))).toBe(
      "FORBIDDEN:staff.errors.suspended_read_only",
    );
    expect(await failure(member.auth.signOut())).toBe("OK");
  });

  it("keeps the account steps of its team working (password reset, verification e-mail)", async () => {
    const site = await closed("cs-suspended");
    expect(await failure((await testCaller(db, site, { ip: "10.7.0.2" })).auth.requestPasswordReset({ email: "owner@example.test" }))).toBe("OK");
    expect(await failure((await testCaller(db, site, { userId: owner })).auth.resendVerification())).toBe("OK");
  });

  it("refuses its public procedures and its cart to everyone", async () => {
    const anonymous = await testCaller(db, await closed("cs-suspended"));
    expect(await failure(anonymous.catalog.home())).toBe("NOT_FOUND:site.suspended");
    expect(await failure(anonymous.cart.get())).toBe("NOT_FOUND:site.suspended");
    expect((await anonymous.auth.me()).membership).toBeNull();
  });

  it("gives another co-op's member neither its back office nor its standing", async () => {
    const stranger = await testCaller(db, await closed("cs-suspended"), { userId: outsider });
    expect(await stranger.auth.me()).toMatchObject({ membership: null, standing: null });
    expect(await failure(stranger.dashboard.get())).toBe("FORBIDDEN:auth.not_a_member");
    // Their own, open co-op is untouched by the suspension.
    const own = await testCaller(db, { kind: "coop", tenant: (await findTenantBySlug(db, "cs-other"))! }, { userId: outsider });
    expect((await own.auth.me()).standing).toEqual({ status: "active" });
    expect(await failure(own.catalogAdmin.create({ nameTh: "ของขาย", price: "10", unit: "kg", initialStock: "1" }))).toBe("OK");
  });
});

describe("a co-op signed up in a region that requires approval", () => {
  it("is pending: its owner gets in and prepares the shop, the public sees nothing, staff are e-mailed", async () => {
    const signup = await testCaller(db, network, { ip: "10.5.0.1" });
    const created = await signup.signup.createCoop({
      nameTh: "สหกรณ์การเกษตรรออนุมัติ", registrationNo: "นม-0001", provinceCode: 30, contactName: "สมศรี ใจดี",
      email: "new-owner@example.test", password: PASSWORD, slug: "cs-new",
    });
    expect(created.status).toBe("pending");
    const site = await closed("cs-new");
    expect(site.kind === "suspended" && site.tenant.status).toBe("pending");

    // The handoff from the network into the new back office works on the closed site.
    const token = new URL(created.redirectTo).searchParams.get("token")!;
    const handoff = await testSession(db, site, { ip: "10.5.0.2" });
    await handoff.caller.auth.consumeHandoff({ token });
    expect(handoff.ctx.responseCookies.join(";")).toMatch(/session=/);

    const newOwner = (await db.selectFrom("users").select("id").where("email", "=", "new-owner@example.test").executeTakeFirstOrThrow()).id;
    const member = await testCaller(db, site, { userId: newOwner });
    expect((await member.auth.me()).standing).toEqual({ status: "pending" });
    expect(await failure(member.catalogAdmin.create({ nameTh: "ข้าวหอมมะลิ", price: "45", unit: "kg", initialStock: "5" }))).toBe("OK");

    const anonymous = await testCaller(db, site);
    expect(await failure(anonymous.catalog.home())).toBe("NOT_FOUND:site.suspended");
    const listed = await (await testCaller(db, network)).network.listCoops({ limit: 100, offset: 0 });
    expect(listed.items.map((c) => c.slug)).not.toContain("cs-new");

    const staffMail = await db.selectFrom("outbox").select("payload").where("kind", "=", "email").execute();
    const payloads = staffMail.map((r) => (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as { to: string; template: string; params: Record<string, string> });
    const waiting = payloads.filter((p) => p.template === "coop_awaiting_approval");
    expect(waiting.map((p) => p.to)).toEqual(["staff5@example.test"]);
    expect(waiting[0]?.params.link).toMatch(/^http:\/\/localhost:3000\/staff\/coops\/[0-9a-f-]{36}$/);
  });
});
