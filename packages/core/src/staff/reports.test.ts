import { type Database, type Kysely, sql, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCoop, makeUser } from "../catalog/admin/testing.ts";
import { AppError } from "../errors.ts";
import { recordOrderRollup } from "../orders/rollups.ts";
import { listStaffAudit } from "./audit.ts";
import { activityReport, provinceActivity, type ProvinceActivity } from "./reports.ts";
import { loadStaffScope, type StaffScope, withStaffScope } from "./scope.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let staff5: StaffScope;
let staff7: StaffScope;
let admin: StaffScope;
let full: string; // region 5, Nakhon Ratchasima (30), complete site
let bare: string; // region 5, Buri Ram (31)
let khonKaen: string; // region 7, Khon Kaen (40)
const NOW = new Date("2026-11-20T05:00:00Z");
const RANGE = { from: "2026-10-01", to: "2026-11-30" };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return `${error.code}:${error.messageKey}`;
    throw error;
  }
}

let orderNo = 0;
/** An order written directly at a given instant, its rollup kept as placeOrder and transitionOrder keep it. */
async function addOrder(tenantId: string, totalSatang: number, createdAt: string, status: "paid" | "cancelled" | "refunded" = "paid") {
  orderNo += 1;
  await withTenant(db, tenantId, async (trx) => {
    const { id } = await trx
      .insertInto("orders")
      .values({
        tenant_id: tenantId, number: orderNo, status, payment_method: "cod", delivery_method: "pickup", customer_name: "ลูกค้า", customer_phone: "0812345678",
        subtotal_satang: totalSatang, delivery_fee_satang: 0, total_satang: totalSatang, tracking_token_hash: randomUUID(), idempotency_key: randomUUID(), created_at: new Date(createdAt),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordOrderRollup(trx, tenantId, id, "placed");
    if (status !== "paid") await recordOrderRollup(trx, tenantId, id, status);
  });
}

async function addArticle(tenantId: string, publishedAt: string | null, shared: boolean) {
  await withTenant(db, tenantId, (trx) =>
    trx
      .insertInto("articles")
      .values({ tenant_id: tenantId, title: "บทความ", topic: "production", status: publishedAt ? "published" : "draft", shared, published_at: publishedAt ? new Date(publishedAt) : null })
      .execute(),
  );
}

async function addCentre(code: string, provinceCode: number): Promise<string> {
  const row = await db.insertInto("learning_centres").values({ code, name_th: `ศพก. ${code}`, province_code: provinceCode, district_th: "เมือง" }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

async function addLink(tenantId: string, centreId: string, status: "proposed" | "confirmed" | "declined", proposedAt: string, decidedAt: string | null = null) {
  await withTenant(db, tenantId, (trx) =>
    trx
      .insertInto("centre_links")
      .values({ tenant_id: tenantId, centre_id: centreId, status, proposed_at: new Date(proposedAt), decided_at: decidedAt ? new Date(decidedAt) : null })
      .execute(),
  );
}

async function addMeeting(tenantId: string, centreId: string, heldOn: string, attendeeCount: number | null) {
  await withTenant(db, tenantId, (trx) =>
    trx.insertInto("joint_meetings").values({ tenant_id: tenantId, centre_id: centreId, held_on: heldOn, place: "ศาลา", attendees: "สมาชิก", attendee_count: attendeeCount }).execute(),
  );
}

async function addSeminar(tenantId: string, startsAt: string, status: "draft" | "published" | "cancelled", registered: number, harvest: number) {
  await withTenant(db, tenantId, async (trx) => {
    const { id } = await trx
      .insertInto("seminars")
      .values({
        tenant_id: tenantId, title: "เสวนา", topic: "production", starts_at: new Date(startsAt), ends_at: new Date(new Date(startsAt).getTime() + 3_600_000),
        place: "ศาลา", capacity: 100, registered_count: registered, status,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < harvest; i++) {
      await trx.insertInto("seminar_harvest").values({ tenant_id: tenantId, seminar_id: id, kind: "link", title: `ผล ${i}`, url: "https://example.test/x" }).execute();
    }
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  full = await makeCoop(db, "rp-full", { logo_key: "logo.webp", story_th: "เรื่องราว", promptpay_id: "0812345678" });
  await withTenant(db, full, (trx) => trx.updateTable("tenants").set({ cover_key: "cover.webp", phone: "044000000" }).where("id", "=", full).execute());
  bare = (await db.insertInto("tenants").values({ slug: "rp-bare", name_th: "สหกรณ์ บุรีรัมย์", province_code: 31, region_id: 5, status: "active" }).returning("id").executeTakeFirstOrThrow()).id;
  await db.insertInto("tenants").values({ slug: "rp-pending", name_th: "สหกรณ์ รอ", province_code: 30, region_id: 5, status: "pending" }).execute();
  await db.insertInto("tenants").values({ slug: "rp-susp", name_th: "สหกรณ์ พัก", province_code: 32, region_id: 5, status: "suspended" }).execute();
  khonKaen = (await db.insertInto("tenants").values({ slug: "rp-kk", name_th: "สหกรณ์ ขอนแก่น", province_code: 40, region_id: 7, status: "active" }).returning("id").executeTakeFirstOrThrow()).id;

  // Products: two listed + one hidden + one archived at full, one at Khon Kaen.
  await withTenant(db, full, (trx) =>
    trx
      .insertInto("products")
      .values([
        { tenant_id: full, name_th: "ข้าว", price_satang: 5000, unit: "kg", stock: 3 },
        { tenant_id: full, name_th: "ถั่ว", price_satang: 5000, unit: "kg", stock: 3, status: "sold_out" },
        { tenant_id: full, name_th: "ซ่อน", price_satang: 5000, unit: "kg", stock: 3, status: "hidden" },
        { tenant_id: full, name_th: "เก่า", price_satang: 5000, unit: "kg", stock: 3, archived_at: new Date("2026-01-01T00:00:00Z") },
      ])
      .execute(),
  );
  await withTenant(db, khonKaen, (trx) => trx.insertInto("products").values({ tenant_id: khonKaen, name_th: "มัน", price_satang: 5000, unit: "kg", stock: 3 }).execute());

  // Orders. 2026-09-30T17:30Z is already 1 October in Bangkok; 2026-11-30T17:30Z is 1 December.
  await addOrder(full, 10_000, "2026-09-30T17:30:00Z");
  await addOrder(full, 20_000, "2026-10-15T03:00:00Z");
  await addOrder(full, 3_000, "2026-10-16T03:00:00Z", "cancelled");
  await addOrder(full, 50_000, "2026-09-30T16:00:00Z"); // 30 September in Bangkok: outside
  await addOrder(full, 60_000, "2026-11-30T17:30:00Z"); // 1 December in Bangkok: outside
  await addOrder(bare, 7_000, "2026-11-01T03:00:00Z", "refunded");
  await addOrder(khonKaen, 99_900, "2026-10-05T03:00:00Z");

  // Articles.
  await addArticle(full, "2026-10-02T03:00:00Z", true);
  await addArticle(full, "2026-10-03T03:00:00Z", false);
  await addArticle(full, "2026-09-01T03:00:00Z", true); // before the range
  await addArticle(full, null, false); // draft
  await addArticle(khonKaen, "2026-10-02T03:00:00Z", true);

  // Links and meetings.
  const c1 = await addCentre("rp-c1", 30);
  const c2 = await addCentre("rp-c2", 30);
  const c3 = await addCentre("rp-c3", 31);
  const c4 = await addCentre("rp-c4", 40);
  await addLink(full, c1, "confirmed", "2026-09-01T03:00:00Z", "2026-10-10T03:00:00Z");
  await addLink(full, c2, "confirmed", "2026-11-01T03:00:00Z", "2026-12-05T03:00:00Z"); // confirmed after the range ends
  await addLink(full, c3, "declined", "2026-10-01T03:00:00Z", "2026-10-02T03:00:00Z");
  await addLink(bare, c3, "proposed", "2026-11-10T03:00:00Z");
  await addLink(khonKaen, c4, "confirmed", "2026-10-01T03:00:00Z", "2026-10-02T03:00:00Z");
  await addMeeting(full, c1, "2026-10-20", 12);
  await addMeeting(full, c1, "2026-11-30", null);
  await addMeeting(full, c1, "2026-12-01", 40); // outside
  await addMeeting(khonKaen, c4, "2026-10-20", 30);

  // Seminars: held (two), one upcoming after NOW, a draft and a cancelled one in the range.
  await addSeminar(full, "2026-10-10T02:00:00Z", "published", 5, 2);
  await addSeminar(bare, "2026-11-19T02:00:00Z", "published", 3, 0);
  await addSeminar(full, "2026-11-25T02:00:00Z", "published", 40, 0);
  await addSeminar(full, "2026-10-11T02:00:00Z", "draft", 0, 0);
  await addSeminar(full, "2026-10-12T02:00:00Z", "cancelled", 9, 0);
  await addSeminar(khonKaen, "2026-10-10T02:00:00Z", "published", 50, 4);

  const s5 = await makeUser(db, "rp5@example.com", "Staff 5");
  const s7 = await makeUser(db, "rp7@example.com", "Staff 7");
  const a = await makeUser(db, "rpadmin@example.com", "Admin");
  await db.insertInto("staff_regions").values([{ user_id: s5, region_id: 5 }, { user_id: s7, region_id: 7 }]).execute();
  await db.insertInto("platform_admins").values({ user_id: a }).execute();
  staff5 = (await loadStaffScope(db, s5))!;
  staff7 = (await loadStaffScope(db, s7))!;
  admin = (await loadStaffScope(db, a))!;
});
afterAll(async () => t?.destroy());

const byCode = (rows: ProvinceActivity[], code: number) => rows.find((r) => r.provinceCode === code)!;

describe("provinceActivity", () => {
  it("gives one row per province of the regions, zeros included, with figures equal to hand counts", async () => {
    const rows = await withStaffScope(db, staff5, (trx) => provinceActivity(trx, [5], RANGE, NOW));
    expect(rows.map((r) => r.provinceCode).sort()).toEqual([30, 31, 32, 33, 36]);
    expect(rows.every((r) => r.regionId === 5)).toBe(true);
    // Ordered by Thai name.
    expect(rows.map((r) => r.nameTh)).toEqual([...rows.map((r) => r.nameTh)].sort((a, b) => a.localeCompare(b, "th")));
    const korat = byCode(rows, 30);
    expect(korat).toMatchObject({
      nameTh: "นครราชสีมา",
      coops: { active: 1, pending: 1, suspended: 0, complete: 1 },
      products: 2,
      orders: { placed: 3, cancelled: 1, refunded: 0, kept: 2, salesSatang: 30_000 },
      articles: { published: 2, shared: 1 },
      links: { proposed: 0, confirmed: 1 },
      meetings: { held: 2, attendees: 12 },
      seminars: { held: 1, registrants: 5, harvest: 2 },
    });
    expect(byCode(rows, 31)).toMatchObject({
      coops: { active: 1, pending: 0, suspended: 0, complete: 0 },
      products: 0,
      orders: { placed: 1, cancelled: 0, refunded: 1, kept: 0, salesSatang: 0 },
      links: { proposed: 1, confirmed: 0 },
      seminars: { held: 1, registrants: 3, harvest: 0 },
    });
    expect(byCode(rows, 32).coops).toEqual({ active: 0, pending: 0, suspended: 1, complete: 0 });
    expect(byCode(rows, 33)).toMatchObject({ products: 0, orders: { placed: 0, salesSatang: 0 }, meetings: { held: 0, attendees: 0 } });
  });

  it("takes orders from the rollup, day for day", async () => {
    const rows = await withStaffScope(db, staff5, (trx) => provinceActivity(trx, [5], RANGE, NOW));
    const rollup = await withStaffScope(db, staff5, (trx) =>
      trx
        .selectFrom("order_daily_stats")
        .select([sql<number>`sum(orders_placed)::int`.as("placed"), sql<number>`sum(sales_satang)::bigint`.as("sales")])
        .where(sql<boolean>`day BETWEEN ${RANGE.from}::date AND ${RANGE.to}::date`)
        .executeTakeFirstOrThrow(),
    );
    expect(rows.reduce((s, r) => s + r.orders.placed, 0)).toBe(Number(rollup.placed));
    expect(rows.reduce((s, r) => s + r.orders.salesSatang, 0)).toBe(Number(rollup.sales));
    // A single Bangkok day: 1 October holds the order placed at 17:30 UTC on 30 September.
    const one = await withStaffScope(db, staff5, (trx) => provinceActivity(trx, [5], { from: "2026-10-01", to: "2026-10-01" }, NOW));
    expect(byCode(one, 30).orders).toEqual({ placed: 1, cancelled: 0, refunded: 0, kept: 1, salesSatang: 10_000 });
  });

  it("never counts another region's co-ops, even when asked for them inside a narrower scope", async () => {
    // Joint meetings and published seminars are readable network-wide: the scope, not RLS alone, must keep them out.
    const rows = await withStaffScope(db, staff5, (trx) => provinceActivity(trx, [5, 7], RANGE, NOW));
    expect(rows.some((r) => r.regionId === 7)).toBe(false);
    expect(rows.reduce((s, r) => s + r.meetings.attendees, 0)).toBe(12);
    expect(rows.reduce((s, r) => s + r.seminars.registrants, 0)).toBe(8);
    expect(await withStaffScope(db, staff5, (trx) => provinceActivity(trx, [], RANGE, NOW))).toEqual([]);
    // Outside a staff transaction there is nothing to see.
    expect(await db.transaction().execute((trx) => provinceActivity(trx, [5], RANGE, NOW))).toEqual([]);
  });
});

describe("activityReport", () => {
  it("shows region-5 staff their region only, with a subtotal and a grand total", async () => {
    const r = await activityReport(db, staff5, { from: RANGE.from, to: RANGE.to }, NOW);
    expect(r.regions.map((g) => g.id)).toEqual([5]);
    expect(r.regions[0]!.provinces.some((p) => p.provinceCode === 40)).toBe(false);
    expect(r.total.orders).toEqual({ placed: 4, cancelled: 1, refunded: 1, kept: 2, salesSatang: 30_000 });
    expect(r.total).toEqual(r.regions[0]!.subtotal);
    expect(r.total.seminars).toEqual({ held: 2, registrants: 8, harvest: 2 });
    expect(r.total.coops).toEqual({ active: 2, pending: 1, suspended: 1, complete: 1 });
    expect(JSON.stringify(r)).not.toContain("99900");
  });

  it("shows region-7 staff only theirs, and an administrator any or all regions", async () => {
    const seven = await activityReport(db, staff7, { regionId: 7, from: RANGE.from, to: RANGE.to }, NOW);
    expect(byCode(seven.regions[0]!.provinces, 40)).toMatchObject({
      orders: { placed: 1, salesSatang: 99_900 }, products: 1, articles: { published: 1, shared: 1 }, links: { confirmed: 1 }, meetings: { held: 1, attendees: 30 },
      seminars: { held: 1, registrants: 50, harvest: 4 },
    });
    const all = await activityReport(db, admin, { from: RANGE.from, to: RANGE.to }, NOW);
    expect(all.regions.length).toBe(admin.regionIds.length);
    expect(all.total.orders.salesSatang).toBe(30_000 + 99_900);
    const subtotals = all.regions.reduce((s, g) => s + g.subtotal.meetings.attendees, 0);
    expect(all.total.meetings.attendees).toBe(subtotals);
    expect(all.total.meetings.attendees).toBe(42);
    const one = await activityReport(db, admin, { regionId: "7", provinceCode: "40", from: RANGE.from, to: RANGE.to }, NOW);
    expect(one.regions[0]!.provinces.map((p) => p.provinceCode)).toEqual([40]);
  });

  it("is not found for a region or province outside the scope", async () => {
    expect(await codeOf(activityReport(db, staff5, { regionId: 7, from: RANGE.from, to: RANGE.to }, NOW))).toBe("NOT_FOUND:staff.errors.region_unknown");
    expect(await codeOf(activityReport(db, staff5, { provinceCode: 40, from: RANGE.from, to: RANGE.to }, NOW))).toBe("NOT_FOUND:staff.reports.errors.province_unknown");
    expect(await codeOf(activityReport(db, staff5, { regionId: 5, provinceCode: 40, from: RANGE.from, to: RANGE.to }, NOW))).toBe("NOT_FOUND:staff.reports.errors.province_unknown");
  });

  it("refuses bad input with a validation error, never a crash", async () => {
    for (const bad of [
      { from: "2026-11-30", to: "2026-09-01" },
      { from: "2026-02-30", to: "2026-03-01" },
      { from: "2000-01-01", to: "2026-01-01" },
      { from: "'; drop", to: "2026-01-01" },
      { regionId: "x", from: "2026-01-01", to: "2026-01-02" },
      { provinceCode: "1.5", from: "2026-01-01", to: "2026-01-02" },
      {},
    ]) {
      expect(await codeOf(activityReport(db, staff5, bad as never, NOW))).toMatch(/^VALIDATION:/);
    }
    // Blank form fields mean "not chosen".
    expect(await codeOf(activityReport(db, staff5, { regionId: "", provinceCode: "", from: "2026-01-01", to: "2026-01-02" } as never, NOW))).toBe("OK");
  });
});

describe("audit log filters", () => {
  it("filters by action, actor, co-op and Bangkok days, for administrators only", async () => {
    const actor = await makeUser(db, "auditor@example.com", "ผู้ตรวจ 100%");
    const other = await makeUser(db, "other@example.com", "Other");
    await db
      .insertInto("staff_audit_events")
      .values([
        { actor_user_id: actor, action: "coop.suspend", region_id: 5, subject_tenant_id: full, detail: JSON.stringify({ reason: "ทดสอบ" }), created_at: new Date("2026-10-01T17:30:00Z") },
        { actor_user_id: actor, action: "coop.restore", region_id: 5, subject_tenant_id: full, created_at: new Date("2026-10-05T03:00:00Z") },
        { actor_user_id: other, action: "coop.approve", region_id: 7, subject_tenant_id: khonKaen, created_at: new Date("2026-10-02T03:00:00Z") },
      ])
      .execute();
    const all = await listStaffAudit(db, admin, {});
    expect(all.total).toBe(3);
    expect(all.actions).toEqual(["coop.approve", "coop.restore", "coop.suspend"]);
    expect((await listStaffAudit(db, admin, { action: "coop.suspend" })).items.map((i) => i.detail)).toEqual([{ reason: "ทดสอบ" }]);
    expect((await listStaffAudit(db, admin, { actor: "AUDITOR@" })).total).toBe(2);
    // LIKE wildcards in the search are plain characters.
    expect((await listStaffAudit(db, admin, { actor: "100%" })).total).toBe(2);
    expect((await listStaffAudit(db, admin, { actor: "%" })).total).toBe(2);
    expect((await listStaffAudit(db, admin, { tenantId: khonKaen })).items.map((i) => i.action)).toEqual(["coop.approve"]);
    // 2026-10-01T17:30Z is 2 October in Bangkok.
    expect((await listStaffAudit(db, admin, { from: "2026-10-02", to: "2026-10-02" })).items.map((i) => i.action).sort()).toEqual(["coop.approve", "coop.suspend"]);
    expect((await listStaffAudit(db, admin, { from: "", to: "", action: "", actor: "", tenantId: "" } as never)).total).toBe(3);
    for (const bad of [{ action: "DROP TABLE" }, { from: "2026-13-01" }, { from: "2026-10-05", to: "2026-10-01" }, { actor: "x".repeat(300) }]) {
      expect(await codeOf(listStaffAudit(db, admin, bad))).toMatch(/^VALIDATION:/);
    }
    expect(await codeOf(listStaffAudit(db, staff5, {}))).toBe("FORBIDDEN:staff.errors.admins_only");
  });
});
