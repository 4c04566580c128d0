import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCoop, makeUser } from "../catalog/admin/testing.ts";
import { AppError } from "../errors.ts";
import { recordOrderRollup } from "../orders/rollups.ts";
import { regionOverview } from "./overview.ts";
import { loadStaffScope, type StaffScope } from "./scope.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let staff5: StaffScope;
let staff7: StaffScope;

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
  const b = await makeCoop(db, "ov-b");
  await db.insertInto("tenants").values({ slug: "ov-pending", name_th: "สหกรณ์ รออนุมัติ", province_code: 30, region_id: 5, status: "pending" }).execute();
  const kk = (await db.insertInto("tenants").values({ slug: "ov-kk", name_th: "สหกรณ์ ขอนแก่น", province_code: 40, region_id: 7, status: "active" }).returning("id").executeTakeFirstOrThrow()).id;
  // 2026-09-30T17:30Z is already 1 October in Bangkok.
  await addOrder(a, 1, 10_000, "2026-09-15T03:00:00Z");
  await addOrder(a, 2, 20_000, "2026-09-30T17:30:00Z");
  await addOrder(b, 1, 5_000, "2026-10-02T03:00:00Z", "cancelled");
  await addOrder(b, 2, 7_000, "2026-12-01T03:00:00Z", "refunded");
  await addOrder(kk, 1, 99_900, "2026-10-05T03:00:00Z");
  const s5 = await makeUser(db, "ov5@example.com", "Staff 5");
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
