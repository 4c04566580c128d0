import { findTenantBySlug, hashToken, type PublicTenant } from "@coop/core";
import { sql, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site } from "./site.ts";
import { errorInfo } from "./errors.ts";
import { testCaller, testSession } from "./testing.ts";

let t: TestDatabase;
const network: Site = { kind: "network" };
const PASSWORD = "ข้าวหอม-มะลิ-105";

async function failure(promise: Promise<unknown>): Promise<{ code: string; key: string; fields: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const info = errorInfo(error);
    return { code: info.code, key: info.messageKey, fields: info.fields };
  }
  throw new Error("expected a failure");
}

async function signUp(slug: string, email: string) {
  const caller = await testCaller(t.db, network, { ip: `10.0.0.${Math.floor(Math.random() * 200)}` });
  const result = await caller.signup.createCoop({
    nameTh: `สหกรณ์การเกษตร ${slug} จำกัด`,
    registrationNo: "นม 0001/2569",
    provinceCode: 30,
    contactName: "สมศรี ใจดี",
    email,
    password: PASSWORD,
    slug,
  });
  const tenant = (await findTenantBySlug(t.db, slug))!;
  const owner = await t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return { result, tenant, ownerId: owner.id };
}

const coop = (tenant: PublicTenant): Site => ({ kind: "coop", tenant });

let a: Awaited<ReturnType<typeof signUp>>;
let b: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await signUp("coop-alpha", "owner-a@example.test");
  b = await signUp("coop-bravo", "owner-b@example.test");
});
afterAll(async () => {
  await t?.destroy();
});

describe("sign-up", () => {
  it("creates the co-op, its owner and a handoff to the new site's back office", async () => {
    expect(a.tenant.status).toBe("active");
    expect(a.tenant.region.id).toBe(5);
    expect(a.result.redirectTo).toMatch(/^http:\/\/coop-alpha\.localhost:3000\/admin\/handoff\?token=/);
    const role = await withTenant(t.db, a.tenant.id, (trx) => trx.selectFrom("memberships").select("role").where("user_id", "=", a.ownerId).executeTakeFirst());
    expect(role?.role).toBe("owner");
    const mail = await t.owner().selectFrom("outbox" as never).selectAll().execute();
    expect(JSON.stringify(mail)).toContain("owner-a@example.test");
  });

  it("hands the owner a session on the co-op's own host, once", async () => {
    // B's handoff is useless on A's host...
    const onA = await testCaller(t.db, coop(a.tenant));
    expect((await failure(onA.auth.consumeHandoff({ token: new URL(b.result.redirectTo).searchParams.get("token")! }))).key).toBe("auth.link_invalid");
    // ...and A's works on A's host, once.
    const token = new URL(a.result.redirectTo).searchParams.get("token")!;
    const { caller, ctx } = await testSession(t.db, coop(a.tenant));
    await caller.auth.consumeHandoff({ token });
    expect(ctx.responseCookies[0]).toMatch(/^coop_session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
    expect((await failure(caller.auth.consumeHandoff({ token }))).key).toBe("auth.link_invalid");
  });

  it("refuses taken and reserved subdomains with suggestions, leaving nothing behind", async () => {
    const before = await t.db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const caller = await testCaller(t.db, network, { ip: "10.1.1.1" });
    const taken = await failure(
      caller.signup.createCoop({ nameTh: "สหกรณ์ซ้ำ", registrationNo: "x-1", provinceCode: 30, contactName: "ก", email: "new@example.test", password: PASSWORD, slug: "coop-alpha" }),
    );
    expect(taken).toMatchObject({ code: "BAD_REQUEST", fields: { slug: "subdomain.taken" } });
    const check = await caller.signup.checkSubdomain({ slug: "coop-alpha" });
    expect(check).toMatchObject({ available: false, reason: "subdomain.taken" });
    expect(check.available ? [] : check.suggestions).toContain("coop-alpha-coop");
    expect(await caller.signup.checkSubdomain({ slug: "admin" })).toMatchObject({ available: false, reason: "subdomain.reserved" });
    // e-mail already used: the tenant row must not survive
    const dupEmail = await failure(
      caller.signup.createCoop({ nameTh: "สหกรณ์ใหม่", registrationNo: "x-2", provinceCode: 30, contactName: "ก", email: "owner-a@example.test", password: PASSWORD, slug: "brand-new" }),
    );
    expect(dupEmail.fields).toEqual({ email: "auth.email_taken" });
    expect(await findTenantBySlug(t.db, "brand-new")).toBeNull();
    const after = await t.db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("validates every field server-side with message keys", async () => {
    const caller = await testCaller(t.db, network, { ip: "10.1.1.2" });
    const bad = await failure(
      caller.signup.createCoop({ nameTh: "", registrationNo: "", provinceCode: 5, contactName: "", email: "not-an-email", password: "short", slug: "x" } as never),
    );
    expect(bad.code).toBe("BAD_REQUEST");
  });
});

describe("sign-in and sessions", () => {
  it("signs in with the right password only, and sets a host-only HttpOnly cookie", async () => {
    const { caller, ctx } = await testSession(t.db, coop(a.tenant), { ip: "10.2.0.1" });
    expect((await failure(caller.auth.signIn({ email: "owner-a@example.test", password: "wrong-password" }))).key).toBe("auth.invalid_credentials");
    expect((await failure(caller.auth.signIn({ email: "nobody@example.test", password: "wrong-password" }))).key).toBe("auth.invalid_credentials");
    await caller.auth.signIn({ email: "OWNER-A@example.test", password: PASSWORD });
    const cookie = ctx.responseCookies.at(-1)!;
    expect(cookie).toContain("HttpOnly");
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("limits attempts per account with a clear message", async () => {
    const email = "owner-b@example.test";
    for (let i = 0; i < 5; i++) {
      const caller = await testCaller(t.db, coop(b.tenant), { ip: `10.3.0.${i}` });
      await failure(caller.auth.signIn({ email, password: "wrong-password" }));
    }
    const caller = await testCaller(t.db, coop(b.tenant), { ip: "10.3.1.1" });
    const limited = await failure(caller.auth.signIn({ email, password: PASSWORD }));
    expect(limited).toMatchObject({ code: "TOO_MANY_REQUESTS", key: "auth.too_many_attempts" });
    await t.db.deleteFrom("rate_limits").where("key", "=", `login:account:${email}`).execute();
  });

  it("limits attempts per IP across accounts", async () => {
    let last;
    for (let i = 0; i < 31; i++) {
      const caller = await testCaller(t.db, coop(a.tenant), { ip: "10.4.4.4" });
      last = await failure(caller.auth.signIn({ email: `someone${i}@example.test`, password: "wrong-password" }));
    }
    expect(last?.code).toBe("TOO_MANY_REQUESTS");
  });

  it("signs out everywhere", async () => {
    const one = await testCaller(t.db, coop(a.tenant), { userId: a.ownerId });
    await testCaller(t.db, coop(b.tenant), { userId: a.ownerId });
    const { count } = await one.auth.signOutEverywhere();
    expect(count).toBeGreaterThanOrEqual(2);
    const left = await t.db.selectFrom("sessions").select("id").where("user_id", "=", a.ownerId).execute();
    expect(left).toEqual([]);
  });

  it("resets a password by e-mailed link and ends old sessions", async () => {
    const caller = await testCaller(t.db, coop(a.tenant), { ip: "10.5.0.1" });
    await caller.auth.requestPasswordReset({ email: "owner-a@example.test" });
    await caller.auth.requestPasswordReset({ email: "nobody@example.test" }); // same answer, no mail
    const rows = await t.owner().selectFrom("outbox" as never).select(["payload" as never]).execute();
    const reset = rows.map((r) => (r as { payload: { template: string; params: { link: string }; to: string } }).payload).filter((p) => p.template === "reset_password");
    expect(reset.map((p) => p.to)).toEqual(["owner-a@example.test"]);
    const token = new URL(reset[0]!.params.link).searchParams.get("token")!;
    expect(reset[0]!.params.link).toContain("coop-alpha.localhost");
    await testCaller(t.db, coop(a.tenant), { userId: a.ownerId });
    await caller.auth.resetPassword({ token, password: "ใหม่-รหัสผ่าน-2569" });
    expect(await t.db.selectFrom("sessions").select("id").where("user_id", "=", a.ownerId).execute()).toEqual([]);
    expect((await failure(caller.auth.resetPassword({ token, password: "another-password-1" }))).key).toBe("auth.link_invalid");
    await caller.auth.signIn({ email: "owner-a@example.test", password: "ใหม่-รหัสผ่าน-2569" });
  });

  it("verifies the e-mail address from the sign-up link", async () => {
    const rows = await t.owner().selectFrom("outbox" as never).select(["payload" as never]).execute();
    const verify = rows.map((r) => (r as { payload: { template: string; to: string; params: { link: string } } }).payload).find((p) => p.template === "verify_email" && p.to === "owner-b@example.test")!;
    const caller = await testCaller(t.db, coop(b.tenant));
    await caller.auth.verifyEmail({ token: new URL(verify.params.link).searchParams.get("token")! });
    const user = await t.db.selectFrom("users").select("email_verified_at").where("id", "=", b.ownerId).executeTakeFirstOrThrow();
    expect(user.email_verified_at).not.toBeNull();
  });

  it("stores only token hashes", async () => {
    const { ctx } = await testSession(t.db, coop(a.tenant), { userId: a.ownerId });
    const session = await t.db.selectFrom("sessions").select("token_hash").where("user_id", "=", a.ownerId).execute();
    expect(session.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
    expect(ctx.auth?.user.id).toBe(a.ownerId);
    expect(hashToken("x")).toHaveLength(64);
  });
});

describe("roles and teams", () => {
  let managerA: string;
  let editorA: string;
  let outsider: string;

  beforeAll(async () => {
    const mk = async (email: string) =>
      (await t.db.insertInto("users").values({ email, display_name: email, password_hash: "x" }).returning("id").executeTakeFirstOrThrow()).id;
    managerA = await mk("manager-a@example.test");
    editorA = await mk("editor-a@example.test");
    outsider = await mk("outsider@example.test");
    await withTenant(t.db, a.tenant.id, (trx) =>
      trx.insertInto("memberships").values([
        { tenant_id: a.tenant.id, user_id: managerA, role: "manager" },
        { tenant_id: a.tenant.id, user_id: editorA, role: "editor" },
      ]).execute(),
    );
  });

  it("reports the role and permissions for the Host's co-op only", async () => {
    const onA = await testCaller(t.db, coop(a.tenant), { userId: editorA });
    expect((await onA.auth.me()).membership).toMatchObject({ role: "editor" });
    const onB = await testCaller(t.db, coop(b.tenant), { userId: editorA });
    expect((await onB.auth.me()).membership).toBeNull();
  });

  it("lets only owners manage the team", async () => {
    expect((await failure((await testCaller(t.db, coop(a.tenant), { userId: editorA })).team.list())).code).toBe("FORBIDDEN");
    expect((await failure((await testCaller(t.db, coop(a.tenant), { userId: managerA })).team.list())).code).toBe("FORBIDDEN");
    expect((await failure((await testCaller(t.db, coop(a.tenant), { userId: outsider })).team.list())).key).toBe("auth.not_a_member");
    expect((await failure((await testCaller(t.db, coop(a.tenant))).team.list())).code).toBe("UNAUTHORIZED");
    const team = await (await testCaller(t.db, coop(a.tenant), { userId: a.ownerId })).team.list();
    expect(team.members.map((m) => m.role)).toEqual(["owner", "manager", "editor"]);
  });

  it("an owner of B cannot touch A's members or invitations by id", async () => {
    const ownerB = await testCaller(t.db, coop(b.tenant), { userId: b.ownerId });
    expect((await failure(ownerB.team.remove({ userId: managerA }))).code).toBe("NOT_FOUND");
    expect((await failure(ownerB.team.changeRole({ userId: editorA, role: "owner" }))).code).toBe("NOT_FOUND");
    const ownerA = await testCaller(t.db, coop(a.tenant), { userId: a.ownerId });
    await ownerA.team.invite({ email: "new-editor@example.test", role: "editor" });
    const invitation = (await ownerA.team.list()).invitations[0]!;
    expect((await failure(ownerB.team.revokeInvitation({ invitationId: invitation.id }))).code).toBe("NOT_FOUND");
    // A's owner acting on A's host with B's owner id: not a member here
    expect((await failure(ownerA.team.remove({ userId: b.ownerId }))).code).toBe("NOT_FOUND");
    const stillThere = await withTenant(t.db, a.tenant.id, (trx) => trx.selectFrom("memberships").select("user_id").execute());
    expect(stillThere).toHaveLength(3);
  });

  it("invites by e-mail, accepts by link with a new account, and the invitation works once, on its co-op only", async () => {
    const ownerA = await testCaller(t.db, coop(a.tenant), { userId: a.ownerId });
    await ownerA.team.invite({ email: "helper@example.test", role: "editor" });
    const rows = await t.owner().selectFrom("outbox" as never).select(["payload" as never]).execute();
    const mail = rows.map((r) => (r as { payload: { template: string; to: string; params: { link: string } } }).payload).find((p) => p.template === "team_invitation" && p.to === "helper@example.test")!;
    const token = new URL(mail.params.link).searchParams.get("token")!;
    const onB = await testCaller(t.db, coop(b.tenant));
    expect((await failure(onB.team.getInvitation({ token }))).code).toBe("NOT_FOUND");
    const { caller: guest, ctx: guestCtx } = await testSession(t.db, coop(a.tenant));
    expect(await guest.team.getInvitation({ token })).toMatchObject({ email: "helper@example.test", role: "editor", accountExists: false });
    expect((await failure(guest.team.acceptInvitation({ token }))).fields).toMatchObject({ displayName: "validation.required", password: "validation.required" });
    await guest.team.acceptInvitation({ token, displayName: "ผู้ช่วย", password: "ผู้ช่วย-รหัส-2569" });
    expect(guestCtx.responseCookies[0]).toContain("coop_session=");
    expect((await failure(guest.team.acceptInvitation({ token, displayName: "x", password: "xxxxxxxxxxxx" }))).code).toBe("NOT_FOUND");
  });

  it("two owners demoting each other at the same moment leave one owner", async () => {
    const second = (await t.db.insertInto("users").values({ email: "second-owner@example.test", display_name: "เจ้าของคนที่สอง", password_hash: "x" }).returning("id").executeTakeFirstOrThrow()).id;
    await withTenant(t.db, b.tenant.id, (trx) => trx.insertInto("memberships").values({ tenant_id: b.tenant.id, user_id: second, role: "owner" }).execute());
    const one = await testCaller(t.db, coop(b.tenant), { userId: b.ownerId });
    const two = await testCaller(t.db, coop(b.tenant), { userId: second });
    const results = await Promise.allSettled([one.team.changeRole({ userId: second, role: "manager" }), two.team.changeRole({ userId: b.ownerId, role: "manager" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owners = await withTenant(t.db, b.tenant.id, (trx) => trx.selectFrom("memberships").select("user_id").where("role", "=", "owner").execute());
    expect(owners).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    // Refused either by the last-owner rule or because the caller was no longer an owner by then.
    expect(["team.last_owner", "auth.forbidden"]).toContain(errorInfo(rejected.reason).messageKey);
    // put things back for the other tests
    await withTenant(t.db, b.tenant.id, (trx) => trx.updateTable("memberships").set({ role: "owner" }).where("user_id", "=", b.ownerId).execute());
  });

  it("keeps at least one owner", async () => {
    const ownerA = await testCaller(t.db, coop(a.tenant), { userId: a.ownerId });
    expect((await failure(ownerA.team.changeRole({ userId: a.ownerId, role: "manager" }))).key).toBe("team.last_owner");
    expect((await failure(ownerA.team.remove({ userId: a.ownerId }))).key).toBe("team.last_owner");
  });

  it("settings: managers edit, editors cannot, values validated, other co-ops untouched", async () => {
    const manager = await testCaller(t.db, coop(a.tenant), { userId: managerA });
    const bad = await failure(manager.settings.update({ promptpayId: "1234567890123", themeColor: "green", phone: "12" }));
    expect(bad.fields).toMatchObject({ promptpayId: "settings.promptpay_invalid", themeColor: "settings.color_invalid", phone: "settings.phone_invalid" });
    const saved = await manager.settings.update({ promptpayId: "081-234-5678", storyTh: "เรื่องราวของเรา", addressPostcode: "30000" });
    expect(saved).toMatchObject({ promptpayId: "0812345678", storyTh: "เรื่องราวของเรา", addressPostcode: "30000" });
    const editor = await testCaller(t.db, coop(a.tenant), { userId: editorA });
    expect((await failure(editor.settings.update({ storyTh: "x" }))).code).toBe("FORBIDDEN");
    const bSettings = await (await testCaller(t.db, coop(b.tenant), { userId: b.ownerId })).settings.get();
    expect(bSettings.promptpayId).toBeNull();
    // the manager of A on B's host is nobody there
    expect((await failure((await testCaller(t.db, coop(b.tenant), { userId: managerA })).settings.update({ storyTh: "แอบแก้" }))).code).toBe("FORBIDDEN");
  });

  it("audit log: owners read their own co-op's entries only", async () => {
    const ownerA = await testCaller(t.db, coop(a.tenant), { userId: a.ownerId });
    const { items } = await ownerA.audit.list();
    const actions = items.map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(["coop.sign_up", "team.invite", "team.join", "settings.update"]));
    const ownerB = await testCaller(t.db, coop(b.tenant), { userId: b.ownerId });
    const bActions = (await ownerB.audit.list()).items.map((i) => i.action);
    expect(bActions).not.toContain("settings.update");
    expect((await failure((await testCaller(t.db, coop(a.tenant), { userId: managerA })).audit.list())).code).toBe("FORBIDDEN");
    const raw = await sql`SELECT count(*) AS n FROM audit_events`.execute(t.db);
    expect((raw.rows[0] as { n: number }).n).toBe(0); // no tenant set: nothing visible
  });
});
