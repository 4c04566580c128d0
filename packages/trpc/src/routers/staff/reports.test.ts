import { findTenantBySlug, type PublicTenant } from "@coop/core";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site } from "../../site.ts";
import { refusal, testCaller } from "../../testing.ts";

let t: TestDatabase;
let db: Kysely<Database>;
const network: Site = { kind: "network" };
let korat: string; // region 5
let khonKaen: string; // region 7
let staff5: string;
let admin: string;
let owner: string;
const RANGE = { from: "2026-10-01", to: "2026-10-31" };

async function makeUser(email: string, name: string): Promise<string> {
  const row = await db.insertInto("users").values({ email, display_name: name, password_hash: "not-a-real-hash" }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

async function makeCoop(slug: string, provinceCode: number, regionId: number): Promise<string> {
  const row = await db.insertInto("tenants").values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: provinceCode, region_id: regionId, status: "active" }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

async function addArticle(tenantId: string, publishedAt: string) {
  await withTenant(db, tenantId, (trx) =>
    trx.insertInto("articles").values({ tenant_id: tenantId, title: "บทความ", topic: "production", status: "published", shared: true, published_at: new Date(publishedAt) }).execute(),
  );
}

const tenantOf = async (slug: string): Promise<PublicTenant> => (await findTenantBySlug(db, slug))!;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  korat = await makeCoop("rt-korat", 30, 5);
  khonKaen = await makeCoop("rt-kk", 40, 7);
  await addArticle(korat, "2026-10-10T03:00:00Z");
  await addArticle(khonKaen, "2026-10-10T03:00:00Z");
  await addArticle(khonKaen, "2026-10-11T03:00:00Z");
  staff5 = await makeUser("rt-staff5@example.test", "เจ้าหน้าที่ 5");
  admin = await makeUser("rt-admin@example.test", "ผู้ดูแล");
  owner = await makeUser("rt-owner@example.test", "เจ้าของ");
  await db.insertInto("staff_regions").values({ user_id: staff5, region_id: 5 }).execute();
  await db.insertInto("platform_admins").values({ user_id: admin }).execute();
  await withTenant(db, korat, (trx) => trx.insertInto("memberships").values({ tenant_id: korat, user_id: owner, role: "owner" }).execute());
});
afterAll(async () => t?.destroy());

describe("staff.report", () => {
  it("gives region-5 staff region 5's provinces and figures only", async () => {
    const caller = await testCaller(db, network, { userId: staff5 });
    const report = await caller.staff.report(RANGE);
    expect(report.regions.map((r) => r.id)).toEqual([5]);
    expect(report.total.articles.published).toBe(1);
    expect(report.regions[0]!.provinces.find((p) => p.provinceCode === 30)!.articles.published).toBe(1);
  });

  it("is not found for another region's or province's ids", async () => {
    const caller = await testCaller(db, network, { userId: staff5 });
    expect(await refusal(caller.staff.report({ ...RANGE, regionId: 7 }))).toBe("NOT_FOUND:staff.errors.region_unknown");
    expect(await refusal(caller.staff.report({ ...RANGE, provinceCode: 40 }))).toBe("NOT_FOUND:staff.reports.errors.province_unknown");
  });

  it("lets an administrator see any region, or all", async () => {
    const caller = await testCaller(db, network, { userId: admin });
    expect((await caller.staff.report({ ...RANGE, regionId: 7 })).total.articles.published).toBe(2);
    expect((await caller.staff.report(RANGE)).total.articles.published).toBe(3);
  });

  it("refuses anyone who is not staff, and answers no co-op host", async () => {
    for (const caller of [await testCaller(db, network), await testCaller(db, network, { userId: owner })]) {
      expect(await refusal(caller.staff.report(RANGE))).toMatch(/^(UNAUTHORIZED|FORBIDDEN):auth\./);
    }
    const onCoop = await testCaller(db, { kind: "coop", tenant: await tenantOf("rt-korat") }, { userId: staff5 });
    expect(await refusal(onCoop.staff.report(RANGE))).toBe("NOT_FOUND:site.not_found");
  });

  it("refuses bad input with a 400, never a 500", async () => {
    const caller = await testCaller(db, network, { userId: staff5 });
    for (const bad of [
      { from: "2026-10-31", to: "2026-10-01" },
      { from: "2016-01-01", to: "2026-10-01" },
      { from: "yesterday", to: "2026-10-01" },
      { from: "2026-10-01", to: "2026-10-02", regionId: "five" },
      { from: "2026-10-01", to: "2026-10-02", provinceCode: 1000 },
      { to: "2026-10-01" },
    ]) {
      expect(await refusal(caller.staff.report(bad as never))).toMatch(/^BAD_REQUEST:/);
    }
  });
});

describe("staff.auditLog filters", () => {
  it("filters for administrators and stays closed to other staff", async () => {
    await db
      .insertInto("staff_audit_events")
      .values([
        { actor_user_id: admin, action: "coop.suspend", region_id: 7, subject_tenant_id: khonKaen, detail: JSON.stringify({ reason: "เหตุผล" }) },
        { actor_user_id: staff5, action: "coop.approve", region_id: 5, subject_tenant_id: korat },
      ])
      .execute();
    const caller = await testCaller(db, network, { userId: admin });
    const log = await caller.staff.auditLog({ action: "coop.suspend" });
    expect(log.items.map((i) => [i.tenantId, i.detail])).toEqual([[khonKaen, { reason: "เหตุผล" }]]);
    expect((await caller.staff.auditLog({ actor: "rt-staff5" })).items.map((i) => i.action)).toEqual(["coop.approve"]);
    expect(await refusal(caller.staff.auditLog({ from: "2026-02-30" }))).toMatch(/^BAD_REQUEST:/);
    const staff = await testCaller(db, network, { userId: staff5 });
    expect(await refusal(staff.staff.auditLog({ action: "coop.suspend" }))).toBe("FORBIDDEN:staff.errors.admins_only");
  });
});
