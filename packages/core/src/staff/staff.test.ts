import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, makeCoop, makeUser } from "../catalog/admin/testing.ts";
import { AppError } from "../errors.ts";
import { recordOrderRollup } from "../orders/rollups.ts";
import { getMemberRole } from "../team/membership.ts";
import { createStaffAccount } from "./accounts.ts";
import { approveCoop, restoreCoop, suspendCoop } from "./actions.ts";
import { listStaffAudit } from "./audit.ts";
import { getStaffCoop, listStaffCoops } from "./coops.ts";
import { loadStaffScope, type StaffScope, withStaffScope } from "./scope.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let full: string; // region 5, everything set up

let pending: string; // region 5, waiting for approval
let khonKaen: string; // region 7
let staff5: StaffScope;
let staff7: StaffScope;
let admin: StaffScope;
const NOW = new Date("2026-11-20T05:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return `${error.code}:${error.messageKey}`;
    throw error;
  }
}

/** An order written directly (with a past date), its rollup kept as placeOrder and transitionOrder keep it. */
async function addOrder(tenantId: string, number: number, totalSatang: number, createdAt: Date, status: "paid" | "cancelled" = "paid") {
  await withTenant(db, tenantId, async (trx) => {
    const { id } = await trx
      .insertInto("orders")
      .values({
        tenant_id: tenantId, number, status, payment_method: "cod", delivery_method: "pickup", customer_name: "สมศรี ลูกค้า", customer_phone: "0812345678",
        subtotal_satang: totalSatang, delivery_fee_satang: 0, total_satang: totalSatang, tracking_token_hash: randomUUID(), idempotency_key: randomUUID(), created_at: createdAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordOrderRollup(trx, tenantId, id, "placed");
    if (status === "cancelled") await recordOrderRollup(trx, tenantId, id, "cancelled");
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  full = await makeCoop(db, "staff-full", { logo_key: "logo.webp", story_th: "เรื่องราว", promptpay_id: "0812345678" });
  await withTenant(db, full, (trx) => trx.updateTable("tenants").set({ cover_key: "cover.webp", phone: "044000000" }).where("id", "=", full).execute());
  await makeCoop(db, "staff-bare"); // region 5, nothing set up
  pending = (await db.insertInto("tenants").values({ slug: "staff-pending", name_th: "สหกรณ์ รออนุมัติ", province_code: 30, region_id: 5, status: "pending" }).returning("id").executeTakeFirstOrThrow()).id;
  khonKaen = (await db.insertInto("tenants").values({ slug: "staff-kk", name_th: "สหกรณ์ ขอนแก่น", province_code: 40, region_id: 7, status: "active" }).returning("id").executeTakeFirstOrThrow()).id;
  // full: a listed product, a recent order, a recent article, a member who signed in last week.
  await withTenant(db, full, (trx) => trx.insertInto("products").values({ tenant_id: full, name_th: "ข้าว", price_satang: 5000, unit: "kg", stock: 3 }).execute());
  await addOrder(full, 1, 12_000, daysAgo(3));
  await addOrder(full, 2, 5_000, daysAgo(40));
  await addOrder(full, 3, 9_999, daysAgo(2), "cancelled");
  await withTenant(db, full, (trx) =>
    trx.insertInto("articles").values({ tenant_id: full, title: "ปลูกข้าว", topic: "production", status: "published", shared: true, published_at: daysAgo(10) }).execute(),
  );
  const owner = await makeUser(db, "owner-full@example.com", "Owner");
  await db.updateTable("users").set({ last_login_at: daysAgo(7) }).where("id", "=", owner).execute();
  await addMember(db, full, owner, "owner");
  // Khon Kaen has orders too: they must never show to region-5 staff.
  await addOrder(khonKaen, 1, 77_700, daysAgo(1));
  const s5 = await makeUser(db, "staff5@example.com", "Staff 5");
  const s7 = await makeUser(db, "staff7@example.com", "Staff 7");
  const a = await makeUser(db, "admin@example.com", "Admin");
  await db.insertInto("staff_regions").values([{ user_id: s5, region_id: 5 }, { user_id: s7, region_id: 7 }]).execute();
  await db.insertInto("platform_admins").values({ user_id: a }).execute();
  staff5 = (await loadStaffScope(db, s5))!;
  staff7 = (await loadStaffScope(db, s7))!;
  admin = (await loadStaffScope(db, a))!;
});
afterAll(async () => t.destroy());

describe("staff scope", () => {
  it("is the user's regions, every region for an administrator, none for anyone else", async () => {
    expect(staff5).toMatchObject({ regionIds: [5], isAdmin: false });
    expect(admin.isAdmin).toBe(true);
    expect(admin.regionIds.length).toBeGreaterThanOrEqual(20);
    const someone = await makeUser(db, "nobody@example.com", "Nobody");
    expect(await loadStaffScope(db, someone)).toBeNull();
  });

  it("lets a staff transaction read the orders of its regions only, and nothing outside one", async () => {
    const seen = await withStaffScope(db, staff5, (trx) => trx.selectFrom("orders").select(["tenant_id", "total_satang"]).execute());
    expect(new Set(seen.map((r) => r.tenant_id))).toEqual(new Set([full]));
    const plain = await db.selectFrom("orders").select("tenant_id").execute();
    expect(plain).toEqual([]);
  });

  it("never lets a staff transaction write a co-op's rows", async () => {
    await expect(
      withStaffScope(db, staff5, (trx) => trx.updateTable("orders").set({ notes: "x" }).where("tenant_id", "=", full).executeTakeFirst()),
    ).resolves.toMatchObject({ numUpdatedRows: 0n });
  });
});

describe("co-op list", () => {
  it("shows region 5 to its staff and every region to an administrator", async () => {
    const five = await listStaffCoops(db, staff5, {}, NOW);
    expect(five.items.map((c) => c.slug).sort()).toEqual(["staff-bare", "staff-full", "staff-pending"]);
    const seven = await listStaffCoops(db, staff7, {}, NOW);
    expect(seven.items.map((c) => c.slug)).toEqual(["staff-kk"]);
    const all = await listStaffCoops(db, admin, {}, NOW);
    expect(all.total).toBe(4);
  });

  it("explains the health score part by part", async () => {
    const { items } = await listStaffCoops(db, staff5, { sort: "score", direction: "desc" }, NOW);
    const [top] = items;
    expect(top!.slug).toBe("staff-full");
    expect(top!.health).toMatchObject({
      score: 100, missing: [], productsListed: 1, ordersIn30Days: 2, contentIn90Days: 1,
      parts: { siteComplete: true, productsListed: true, ordersIn30Days: true, contentIn90Days: true, signInIn30Days: true },
    });
    const bareRow = items.find((c) => c.slug === "staff-bare")!;
    expect(bareRow.health.score).toBe(0);
    expect(bareRow.health.missing).toEqual(["logo", "cover", "story", "contact", "payment"]);
    expect(bareRow.health.lastActivityAt).toBeNull();
    // Later, the orders and the sign-in have aged out of their windows.
    const later = await listStaffCoops(db, staff5, { completeness: "complete" }, new Date(NOW.getTime() + 60 * 86_400_000));
    expect(later.items[0]!.health).toMatchObject({ score: 60, parts: { ordersIn30Days: false, signInIn30Days: false, contentIn90Days: true } });
  });

  it("filters by province, status, completeness and activity, and pages", async () => {
    expect((await listStaffCoops(db, admin, { provinceCode: 40 }, NOW)).items.map((c) => c.slug)).toEqual(["staff-kk"]);
    expect((await listStaffCoops(db, staff5, { status: "pending" }, NOW)).items.map((c) => c.slug)).toEqual(["staff-pending"]);
    expect((await listStaffCoops(db, staff5, { completeness: "complete" }, NOW)).items.map((c) => c.slug)).toEqual(["staff-full"]);
    expect((await listStaffCoops(db, staff5, { activity: "inactive" }, NOW)).items.map((c) => c.slug).sort()).toEqual(["staff-bare", "staff-pending"]);
    const page2 = await listStaffCoops(db, staff5, { pageSize: 2, page: 2, sort: "name" }, NOW);
    expect(page2.total).toBe(3);
    expect(page2.items).toHaveLength(1);
    // Region 7's province through region 5's scope: nothing.
    expect((await listStaffCoops(db, staff5, { provinceCode: 40 }, NOW)).total).toBe(0);
  });
});

describe("co-op detail", () => {
  it("gives order totals without any customer's personal data", async () => {
    const detail = await getStaffCoop(db, staff5, full, NOW);
    expect(detail.orders.last30Days).toEqual({ count: 1, totalSatang: 12_000 });
    expect(detail.orders.allTime).toEqual({ count: 2, totalSatang: 17_000 });
    expect(detail.orders.recent.map((o) => o.number)).toEqual([3, 1, 2]);
    expect(JSON.stringify(detail)).not.toContain("สมศรี");
    expect(JSON.stringify(detail)).not.toContain("0812345678");
    expect(detail.content).toMatchObject({ articlesPublished: 1, articlesShared: 1 });
    expect(detail.members).toBe(1);
  });

  it("is not found for a co-op outside the staff member's regions", async () => {
    expect(await codeOf(getStaffCoop(db, staff5, khonKaen, NOW))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    expect(await codeOf(getStaffCoop(db, staff5, randomUUID(), NOW))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    expect(await codeOf(getStaffCoop(db, staff5, "1; drop", NOW))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    expect((await getStaffCoop(db, admin, khonKaen, NOW)).orders.allTime.totalSatang).toBe(77_700);
  });
});

describe("approve, suspend, restore", () => {
  it("moves a co-op through its states, audited, and refuses wrong transitions", async () => {
    expect(await codeOf(suspendCoop(db, staff5, { tenantId: pending, reason: "ทดสอบ" }))).toBe("CONFLICT:staff.errors.not_active");
    expect(await approveCoop(db, staff5, pending)).toMatchObject({ status: "active" });
    expect(await codeOf(approveCoop(db, staff5, pending))).toBe("CONFLICT:staff.errors.not_pending");
    expect(await codeOf(suspendCoop(db, staff5, { tenantId: pending, reason: "" }))).toBe("VALIDATION:validation.invalid");
    expect(await codeOf(approveCoop(db, staff5, "not-a-uuid"))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    await suspendCoop(db, staff5, { tenantId: pending, reason: "ข้อมูลไม่ถูกต้อง" });
    let row = await db.selectFrom("tenants").select(["status", "suspended_reason", "suspended_by", "approved_by"]).where("id", "=", pending).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "suspended", suspended_reason: "ข้อมูลไม่ถูกต้อง", suspended_by: staff5.userId, approved_by: staff5.userId });
    await restoreCoop(db, staff5, pending);
    row = await db.selectFrom("tenants").select(["status", "suspended_reason", "suspended_by", "approved_by"]).where("id", "=", pending).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "active", suspended_reason: null });
    const log = await listStaffAudit(db, admin, { tenantId: pending });
    expect(log.items.map((e) => e.action)).toEqual(["coop.restore", "coop.suspend", "coop.approve"]);
    expect(log.items[1]!.detail).toEqual({ reason: "ข้อมูลไม่ถูกต้อง" });
  });

  it("never acts on a co-op of another region, by any id", async () => {
    expect(await codeOf(suspendCoop(db, staff5, { tenantId: khonKaen, reason: "ไม่ใช่ภูมิภาคนี้" }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    expect(await codeOf(approveCoop(db, staff5, khonKaen))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    expect(await codeOf(restoreCoop(db, staff5, khonKaen))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    const kk = await db.selectFrom("tenants").select("status").where("id", "=", khonKaen).executeTakeFirstOrThrow();
    expect(kk.status).toBe("active");
  });

  it("keeps the audit log for administrators", async () => {
    expect(await codeOf(listStaffAudit(db, staff5, {}))).toBe("FORBIDDEN:staff.errors.admins_only");
    expect((await listStaffAudit(db, admin, {})).total).toBeGreaterThanOrEqual(3);
  });
});

describe("staff accounts", () => {
  it("creates an account with a one-time password, or adds regions to an existing one, never a membership", async () => {
    const created = await createStaffAccount(db, { email: "New.Staff@Example.com", name: "เจ้าหน้าที่ใหม่", regionIds: [5] });
    expect(created.password).toMatch(/^.{12,}$/);
    const again = await createStaffAccount(db, { email: "new.staff@example.com", regionIds: [7] });
    expect(again).toMatchObject({ userId: created.userId, password: null });
    expect((await loadStaffScope(db, created.userId))!.regionIds).toEqual([5, 7]);
    expect(await getMemberRole(db, full, created.userId)).toBeNull();
    expect(await codeOf(createStaffAccount(db, { email: "x@example.com", name: "X", regionIds: [99] }))).toBe("VALIDATION:staff.errors.region_unknown");
    expect(await codeOf(createStaffAccount(db, { email: "y@example.com", regionIds: [5] }))).toBe("VALIDATION:staff.errors.name_required");
  });
});
