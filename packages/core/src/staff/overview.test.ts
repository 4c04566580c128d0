import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCoop, makeUser } from "../catalog/admin/testing.ts";
import { AppError } from "../errors.ts";
import { recordOrderRollup } from "../orders/rollups.ts";
import { coopFigures, coopTimeline, TIMELINE_MAX } from "./overview-coop.ts";
import { monthsBack, regionOverview } from "./overview.ts";
import { recordStaffAudit } from "./audit.ts";
import { loadStaffScope, type StaffScope } from "./scope.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let staff5: StaffScope;
let staff7: StaffScope;
let coopA: string;
let coopKK: string;
let s5: string;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return `${error.code}:${error.messageKey}`;
    throw error;
  }
}

/** An order written directly at a given instant, its rollup kept as placeOrder and transitionOrder keep it. */
async function addOrder(tenantId: string, number: number, totalSatang: number, createdAt: string, status: "paid" | "cancelled" | "refunded" = "paid") {
  await withTenant(db, tenantId, async (trx) => {
    const { id } = await trx
      .insertInto("orders")
      .values({
        tenant_id: tenantId, number, status, payment_method: "cod", delivery_method: "pickup", customer_name: "ลูกค้า", customer_phone: "0812345678",
        subtotal_satang: totalSatang, delivery_fee_satang: 0, total_satang: totalSatang, tracking_token_hash: randomUUID(), idempotency_key: randomUUID(), created_at: new Date(createdAt),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordOrderRollup(trx, tenantId, id, "placed");
    if (status !== "paid") await recordOrderRollup(trx, tenantId, id, status);
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  const a = await makeCoop(db, "ov-a");
  coopA = a;
  const b = await makeCoop(db, "ov-b");
  await db.insertInto("tenants").values({ slug: "ov-pending", name_th: "สหกรณ์ รออนุมัติ", province_code: 30, region_id: 5, status: "pending" }).execute();
  const kk = (await db.insertInto("tenants").values({ slug: "ov-kk", name_th: "สหกรณ์ ขอนแก่น", province_code: 40, region_id: 7, status: "active" }).returning("id").executeTakeFirstOrThrow()).id;
  // 2026-09-30T17:30Z is already 1 October in Bangkok.
  await addOrder(a, 1, 10_000, "2026-09-15T03:00:00Z");
  await addOrder(a, 2, 20_000, "2026-09-30T17:30:00Z");
  await addOrder(b, 1, 5_000, "2026-10-02T03:00:00Z", "cancelled");
  await addOrder(b, 2, 7_000, "2026-12-01T03:00:00Z", "refunded");
  await addOrder(kk, 1, 99_900, "2026-10-05T03:00:00Z");
  coopKK = kk;
  s5 = await makeUser(db, "ov5@example.com", "Staff 5");
  const s7 = await makeUser(db, "ov7@example.com", "Staff 7");
  await db.insertInto("staff_regions").values([{ user_id: s5, region_id: 5 }, { user_id: s7, region_id: 7 }]).execute();
  staff5 = (await loadStaffScope(db, s5))!;
  staff7 = (await loadStaffScope(db, s7))!;
});
afterAll(async () => t?.destroy());

describe("region overview", () => {
  it("counts co-ops by status and orders by Bangkok month, months without orders included", async () => {
    const o = await regionOverview(db, staff5, { regionId: 5, from: "2026-09-01", to: "2026-11-30" });
    expect(o.region.id).toBe(5);
    expect(o.coops).toEqual({ pending: 1, active: 2, suspended: 0, total: 3 });
    expect(o.months).toEqual([
      { month: "2026-09", placed: 1, cancelled: 0, refunded: 0, kept: 1, salesSatang: 10_000 },
      { month: "2026-10", placed: 2, cancelled: 1, refunded: 0, kept: 1, salesSatang: 20_000 },
      { month: "2026-11", placed: 0, cancelled: 0, refunded: 0, kept: 0, salesSatang: 0 },
    ]);
    expect(o.orders).toEqual({ placed: 3, cancelled: 1, refunded: 0, kept: 2, salesSatang: 30_000 });
    // The range's days are inclusive Bangkok days: 1 October alone holds the late-September (UTC) order.
    expect((await regionOverview(db, staff5, { regionId: 5, from: "2026-10-01", to: "2026-10-01" })).orders).toMatchObject({ placed: 1, salesSatang: 20_000 });
    expect((await regionOverview(db, staff5, { regionId: 5, from: "2026-12-01", to: "2026-12-31" })).orders).toEqual({ placed: 1, cancelled: 0, refunded: 1, kept: 0, salesSatang: 0 });
  });

  it("is not found for a region outside the staff member's, and refuses bad ranges", async () => {
    expect(await codeOf(regionOverview(db, staff5, { regionId: 7, from: "2026-09-01", to: "2026-11-30" }))).toBe("NOT_FOUND:staff.errors.region_unknown");
    expect((await regionOverview(db, staff7, { regionId: 7, from: "2026-09-01", to: "2026-11-30" })).orders.salesSatang).toBe(99_900);
    for (const bad of [
      { regionId: 5, from: "2026-11-30", to: "2026-09-01" },
      { regionId: 5, from: "2026-02-30", to: "2026-03-01" },
      { regionId: 5, from: "2000-01-01", to: "2026-01-01" },
      { regionId: 5, from: "'; drop", to: "2026-01-01" },
      { regionId: "x", from: "2026-01-01", to: "2026-01-02" },
    ]) {
      expect(await codeOf(regionOverview(db, staff5, bad as never))).toMatch(/^VALIDATION:/);
    }
  });
});

describe("region overview per province", () => {
  it("has one row per province of the region, zeros included, and totals summed from those rows", async () => {
    const centre = (await db.insertInto("learning_centres").values({ code: "OV-1", name_th: "ศพก. โคราช", province_code: 30, district_th: "เมือง" }).returning("id").executeTakeFirstOrThrow()).id;
    await withTenant(db, coopA, async (trx) => {
      await trx.insertInto("articles").values({ tenant_id: coopA, title: "ปลูกข้าว", topic: "production", crops: [], status: "published", shared: true, published_at: new Date("2026-10-03T03:00:00Z") }).execute();
      await trx.insertInto("centre_links").values({ tenant_id: coopA, centre_id: centre, status: "confirmed", proposed_at: new Date("2026-09-02T03:00:00Z"), decided_at: new Date("2026-09-05T03:00:00Z") }).execute();
    });
    const o = await regionOverview(db, staff5, { regionId: 5, from: "2026-09-01", to: "2026-11-30" });
    const codes = (await db.selectFrom("provinces").select("code").where("region_id", "=", 5).execute()).map((p) => p.code).sort();
    expect(codes.length).toBeGreaterThan(3);
    expect(o.provinces.map((p) => p.provinceCode).sort()).toEqual(codes);
    expect(o.provinces.every((p) => p.regionId === 5)).toBe(true);
    const korat = o.provinces.find((p) => p.provinceCode === 30)!;
    expect(korat.coops).toMatchObject({ active: 2, pending: 1 });
    expect(korat.articles).toEqual({ published: 1, shared: 1 });
    expect(korat.links.confirmed).toBe(1);
    // The region's totals are the provinces' rows summed; the order totals agree with the monthly rollup read.
    expect(o.totals.coops).toMatchObject({ active: 2, pending: 1, suspended: 0 });
    expect(o.totals.articles).toEqual({ published: 1, shared: 1 });
    expect(o.totals.orders).toEqual(o.orders);
    expect(o.provinces.filter((p) => p.provinceCode !== 30).every((p) => p.orders.placed === 0 && p.coops.active === 0)).toBe(true);
  });

  it("trends over the twelve months ending with the range's last month", async () => {
    const o = await regionOverview(db, staff5, { regionId: 5, from: "2026-12-01", to: "2026-12-31" });
    expect(o.trend.map((m) => m.month)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]);
    expect(o.trend.find((m) => m.month === "2026-09")).toMatchObject({ placed: 1, salesSatang: 10_000 });
    expect(o.trend.at(-1)).toMatchObject({ placed: 1, refunded: 1 });
    expect(monthsBack("2026-03", 12)).toBe("2025-04");
    expect(monthsBack("2026-12", 1)).toBe("2026-12");
  });
});

describe("co-op figures and timeline", () => {
  it("gives a co-op's orders month by month from the rollup", async () => {
    const f = await coopFigures(db, staff5, coopA, { from: "2026-08-01", to: "2026-10-31" });
    expect(f.months).toEqual([
      { month: "2026-08", placed: 0, cancelled: 0, refunded: 0, kept: 0, salesSatang: 0 },
      { month: "2026-09", placed: 1, cancelled: 0, refunded: 0, kept: 1, salesSatang: 10_000 },
      { month: "2026-10", placed: 1, cancelled: 0, refunded: 0, kept: 1, salesSatang: 20_000 },
    ]);
    expect(f.orders.salesSatang).toBe(30_000);
  });

  it("lists recent events newest first, orders as number and total only, staff actions included", async () => {
    await withTenant(db, coopA, (trx) =>
      trx.insertInto("products").values({ tenant_id: coopA, name_th: "ข้าวหอมมะลิ", price_satang: 5000, unit: "kg", created_at: new Date("2026-09-20T03:00:00Z") }).execute(),
    );
    await db.transaction().execute((trx) => recordStaffAudit(trx, { actorUserId: s5, action: "coop.suspend", regionId: 5, tenantId: coopA, detail: { reason: "ทดสอบ" } }));
    const confirmed = await withTenant(db, coopA, (trx) => trx.selectFrom("centre_links").select("centre_id").where("tenant_id", "=", coopA).where("status", "=", "confirmed").executeTakeFirstOrThrow());
    await withTenant(db, coopA, (trx) =>
      trx.insertInto("joint_meetings").values({ tenant_id: coopA, centre_id: confirmed.centre_id, held_on: "2026-09-25", place: "ศาลา", attendees: "สมาชิก", attendee_count: 12, recorded_by: s5 }).execute(),
    );
    const events = await coopTimeline(db, staff5, { tenantId: coopA });
    expect(events.find((e) => e.kind === "meeting.held")).toMatchObject({ centreId: confirmed.centre_id, attendeeCount: 12, at: new Date("2026-09-24T17:00:00Z") });
    const times = events.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(events[0]).toMatchObject({ kind: "staff.action", action: "coop.suspend", actorName: "Staff 5", reason: "ทดสอบ" });
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(["order.placed", "product.added", "article.published", "link.proposed", "link.confirmed"]));
    const order = events.find((e) => e.kind === "order.placed" && e.number === 2)!;
    expect(Object.keys(order).sort()).toEqual(["at", "kind", "number", "status", "totalSatang"]);
    expect(JSON.stringify(events)).not.toMatch(/0812345678|ลูกค้า/);
    expect(await coopTimeline(db, staff5, { tenantId: coopA, limit: 2 })).toHaveLength(2);
    expect(await codeOf(coopTimeline(db, staff5, { tenantId: coopA, limit: TIMELINE_MAX + 1 }))).toBe("VALIDATION:validation.invalid");
  });

  it("is not found for another region's co-op or an unknown id", async () => {
    for (const tenantId of [coopKK, randomUUID()]) {
      expect(await codeOf(coopFigures(db, staff5, tenantId, { from: "2026-09-01", to: "2026-11-30" }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
      expect(await codeOf(coopTimeline(db, staff5, { tenantId }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    }
    expect((await coopFigures(db, staff7, coopKK, { from: "2026-10-01", to: "2026-10-31" })).orders.salesSatang).toBe(99_900);
    expect(await codeOf(coopFigures(db, staff5, coopA, { from: "2026-10-31", to: "2026-10-01" }))).toBe("VALIDATION:validation.invalid");
  });
});
