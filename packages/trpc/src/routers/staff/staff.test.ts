import { findTenantBySlug, hashPassword, type PublicTenant } from "@coop/core";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site } from "../../site.ts";
import { refusal, testCaller, testSession } from "../../testing.ts";

let t: TestDatabase;
let db: Kysely<Database>;
const network: Site = { kind: "network" };
const PASSWORD = "ข้าวหอม-มะลิ-105";
let korat: string; // region 5
let khonKaen: string; // region 7
let pending7: string; // region 7, waiting for approval
let staff5: string;
let admin: string;
let owner: string;

async function makeUser(email: string, name: string): Promise<string> {
  const row = await db.insertInto("users").values({ email, display_name: name, password_hash: await hashPassword(PASSWORD) }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

async function makeCoop(slug: string, provinceCode: number, regionId: number, status: "active" | "pending" = "active"): Promise<string> {
  const row = await db.insertInto("tenants").values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: provinceCode, region_id: regionId, status }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

const tenantOf = async (slug: string): Promise<PublicTenant> => (await findTenantBySlug(db, slug))!;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  korat = await makeCoop("st-korat", 30, 5);
  khonKaen = await makeCoop("st-kk", 40, 7);
  pending7 = await makeCoop("st-kk-new", 40, 7, "pending");
  staff5 = await makeUser("staff5@example.test", "เจ้าหน้าที่ 5");
  admin = await makeUser("admin@example.test", "ผู้ดูแล");
  owner = await makeUser("owner@example.test", "เจ้าของ");
  await db.insertInto("staff_regions").values({ user_id: staff5, region_id: 5 }).execute();
  await db.insertInto("platform_admins").values({ user_id: admin }).execute();
  await withTenant(db, korat, (trx) => trx.insertInto("memberships").values({ tenant_id: korat, user_id: owner, role: "owner" }).execute());
});
afterAll(async () => t?.destroy());

describe("staff sign-in", () => {
  it("signs staff in on the network host only, with a session cookie, and turns away non-staff", async () => {
    const { caller, ctx } = await testSession(db, network, { ip: "10.1.0.1" });
    await caller.staff.signIn({ email: "STAFF5@example.test", password: PASSWORD });
    expect(ctx.responseCookies.join(";")).toMatch(/session=/);
    const owners = await testSession(db, network, { ip: "10.1.0.2" });
    expect(await refusal(owners.caller.staff.signIn({ email: "owner@example.test", password: PASSWORD }))).toBe("FORBIDDEN:staff.errors.not_staff");
    expect(owners.ctx.responseCookies).toEqual([]);
    expect(await refusal(owners.caller.staff.signIn({ email: "staff5@example.test", password: "wrong-password" }))).toBe("UNAUTHORIZED:auth.invalid_credentials");
    const onCoop = await testCaller(db, { kind: "coop", tenant: await tenantOf("st-korat") });
    expect(await refusal(onCoop.staff.signIn({ email: "staff5@example.test", password: PASSWORD }))).toBe("NOT_FOUND:site.not_found");
  });

  it("says who is staff, and nothing for a co-op owner", async () => {
    expect(await (await testCaller(db, network, { userId: staff5 })).staff.me()).toMatchObject({ isAdmin: false, regions: [{ id: 5 }] });
    expect(await (await testCaller(db, network, { userId: owner })).staff.me()).toBeNull();
    expect(await (await testCaller(db, network)).staff.me()).toBeNull();
  });
});

describe("region scoping of every staff procedure", () => {
  it("refuses anyone who is not staff", async () => {
    for (const caller of [await testCaller(db, network), await testCaller(db, network, { userId: owner })]) {
      const codes = await Promise.all([
        refusal(caller.staff.list({})), refusal(caller.staff.detail({ tenantId: korat })), refusal(caller.staff.approve({ tenantId: pending7 })),
        refusal(caller.staff.suspend({ tenantId: korat, reason: "ทดสอบ" })), refusal(caller.staff.restore({ tenantId: korat })), refusal(caller.staff.auditLog({})),
      ]);
      for (const code of codes) expect(code).toMatch(/^(UNAUTHORIZED|FORBIDDEN):auth\./);
    }
  });

  it("never shows or acts on a region-7 co-op for region-5 staff, by any id", async () => {
    const caller = await testCaller(db, network, { userId: staff5 });
    expect((await caller.staff.list({})).items.map((c) => c.slug)).toEqual(["st-korat"]);
    expect((await caller.staff.list({ provinceCode: 40 })).total).toBe(0);
    for (const tenantId of [khonKaen, pending7, randomUUID()]) {
      expect(await refusal(caller.staff.detail({ tenantId }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
      expect(await refusal(caller.staff.approve({ tenantId }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
      expect(await refusal(caller.staff.suspend({ tenantId, reason: "ไม่ใช่ภูมิภาคนี้" }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
      expect(await refusal(caller.staff.restore({ tenantId }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    }
    expect(await refusal(caller.staff.auditLog({ tenantId: khonKaen }))).toBe("FORBIDDEN:staff.errors.admins_only");
    const statuses = await db.selectFrom("tenants").select(["id", "status"]).where("id", "in", [khonKaen, pending7]).orderBy("slug").execute();
    expect(statuses.map((s) => s.status)).toEqual(["active", "pending"]);
  });

  it("does not answer staff calls on a co-op host", async () => {
    const caller = await testCaller(db, { kind: "coop", tenant: await tenantOf("st-korat") }, { userId: staff5 });
    expect(await refusal(caller.staff.list({}))).toBe("NOT_FOUND:site.not_found");
    expect(await refusal(caller.staff.suspend({ tenantId: korat, reason: "ทดสอบ" }))).toBe("NOT_FOUND:site.not_found");
  });

  it("lets an administrator act in every region and read the audit log", async () => {
    const caller = await testCaller(db, network, { userId: admin });
    expect((await caller.staff.list({})).total).toBe(3);
    await caller.staff.approve({ tenantId: pending7 });
    expect((await caller.staff.detail({ tenantId: pending7 })).status).toBe("active");
    const log = await caller.staff.auditLog({});
    expect(log.items[0]).toMatchObject({ action: "coop.approve", tenantId: pending7, actorEmail: "admin@example.test" });
  });

  it("refuses garbage input with a validation error", async () => {
    const caller = await testCaller(db, network, { userId: staff5 });
    expect(await refusal(caller.staff.list({ pageSize: 5000 }))).toBe("BAD_REQUEST:validation.invalid");
    expect(await refusal(caller.staff.suspend({ tenantId: korat, reason: "x".repeat(2000) }))).toBe("BAD_REQUEST:validation.invalid");
    expect(await refusal(caller.staff.detail({ tenantId: "../../etc" }))).toBe("BAD_REQUEST:validation.invalid");
  });
});

describe("suspension effects", () => {
  it("makes the back office read-only for the co-op's team until restored; staff gain no back-office rights", async () => {
    const staff = await testCaller(db, network, { userId: staff5 });
    // Staff are not members: the back office refuses them before and after.
    const staffOnCoop = await testCaller(db, { kind: "coop", tenant: await tenantOf("st-korat") }, { userId: staff5 });
    expect(await refusal(staffOnCoop.settings.get())).toBe("FORBIDDEN:auth.not_a_member");

    await staff.staff.suspend({ tenantId: korat, reason: "ร้องเรียนเรื่องสินค้า" });
    const suspended = await tenantOf("st-korat");
    expect(suspended.status).toBe("suspended");
    const member = await testCaller(db, { kind: "suspended", tenant: suspended }, { userId: owner });
    expect((await member.settings.get()).nameTh).toBe("สหกรณ์ st-korat");
    expect(await refusal(member.team.invite({ email: "helper@example.test", role: "editor" }))).toBe("FORBIDDEN:staff.errors.suspended_read_only");
    // The public site is closed.
    expect(await refusal((await testCaller(db, { kind: "suspended", tenant: suspended })).catalog.listPublicProducts())).toBe("NOT_FOUND:site.suspended");
    expect((await staff.staff.detail({ tenantId: korat })).suspendedReason).toBe("ร้องเรียนเรื่องสินค้า");

    await staff.staff.restore({ tenantId: korat });
    const restored = await tenantOf("st-korat");
    expect(restored.status).toBe("active");
    const again = await testCaller(db, { kind: "coop", tenant: restored }, { userId: owner });
    await again.team.invite({ email: "helper@example.test", role: "editor" });
  });
});
