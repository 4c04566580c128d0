import { findTenantBySlug, hashPassword } from "@coop/core";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { randomUUID } from "node:crypto";
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
const range = { from: "2026-09-01", to: "2026-10-31" };

async function makeUser(email: string): Promise<string> {
  return (await db.insertInto("users").values({ email, display_name: email, password_hash: await hashPassword("ข้าวหอม-มะลิ-105") }).returning("id").executeTakeFirstOrThrow()).id;
}

async function makeCoop(slug: string, provinceCode: number, regionId: number): Promise<string> {
  return (await db.insertInto("tenants").values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: provinceCode, region_id: regionId, status: "active" }).returning("id").executeTakeFirstOrThrow()).id;
}

async function addOrder(tenantId: string, number: number, totalSatang: number, createdAt: string) {
  await withTenant(db, tenantId, async (trx) => {
    await trx
      .insertInto("orders")
      .values({
        tenant_id: tenantId, number, status: "paid", payment_method: "cod", delivery_method: "pickup", customer_name: "ลูกค้า ลับ", customer_phone: "0812345678",
        subtotal_satang: totalSatang, delivery_fee_satang: 0, total_satang: totalSatang, tracking_token_hash: randomUUID(), idempotency_key: randomUUID(), created_at: new Date(createdAt),
      })
      .execute();
    // The rollup rows placeOrder keeps (the Bangkok day and month of these daytime orders are their UTC ones).
    await trx.insertInto("order_daily_stats").values({ tenant_id: tenantId, day: createdAt.slice(0, 10), orders_placed: 1, sales_satang: totalSatang }).execute();
    await trx
      .insertInto("order_monthly_stats")
      .values({ tenant_id: tenantId, month: `${createdAt.slice(0, 7)}-01`, orders_placed: 1, sales_satang: totalSatang })
      .onConflict((oc) => oc.columns(["tenant_id", "month"]).doUpdateSet((eb) => ({ orders_placed: eb("order_monthly_stats.orders_placed", "+", 1), sales_satang: eb("order_monthly_stats.sales_satang", "+", totalSatang) })))
      .execute();
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  korat = await makeCoop("ovt-korat", 30, 5);
  khonKaen = await makeCoop("ovt-kk", 40, 7);
  await addOrder(korat, 1, 12_000, "2026-09-10T03:00:00Z");
  await addOrder(khonKaen, 1, 55_500, "2026-10-10T03:00:00Z");
  staff5 = await makeUser("ovt-staff5@example.test");
  admin = await makeUser("ovt-admin@example.test");
  owner = await makeUser("ovt-owner@example.test");
  await db.insertInto("staff_regions").values({ user_id: staff5, region_id: 5 }).execute();
  await db.insertInto("platform_admins").values({ user_id: admin }).execute();
  await withTenant(db, korat, (trx) => trx.insertInto("memberships").values({ tenant_id: korat, user_id: owner, role: "owner" }).execute());
});
afterAll(async () => t?.destroy());

describe("staff overview procedures", () => {
  it("give region-5 staff their region's figures, a co-op's months and its timeline", async () => {
    const caller = await testCaller(db, network, { userId: staff5 });
    const o = await caller.staff.overview({ regionId: 5, ...range });
    expect(o.orders).toMatchObject({ placed: 1, salesSatang: 12_000 });
    // The map and table rows are region 5's provinces only; Khon Kaen's (region 7) sales appear nowhere.
    expect(o.provinces.length).toBeGreaterThan(0);
    expect(o.provinces.every((p) => p.regionId === 5 && p.provinceCode !== 40)).toBe(true);
    expect(o.totals.orders.salesSatang).toBe(12_000);
    const f = await caller.staff.coopFigures({ tenantId: korat, ...range });
    expect(f.months).toEqual([
      { month: "2026-09", placed: 1, cancelled: 0, refunded: 0, kept: 1, salesSatang: 12_000 },
      { month: "2026-10", placed: 0, cancelled: 0, refunded: 0, kept: 0, salesSatang: 0 },
    ]);
    const events = await caller.staff.coopTimeline({ tenantId: korat });
    expect(events).toEqual([expect.objectContaining({ kind: "order.placed", number: 1, totalSatang: 12_000 })]);
    // Totals only: the customer never leaves core.
    expect(JSON.stringify(events)).not.toMatch(/ลูกค้า|0812345678/);
  });

  it("never answer for region 7 to region-5 staff, by region id or co-op id", async () => {
    const caller = await testCaller(db, network, { userId: staff5 });
    expect(await refusal(caller.staff.overview({ regionId: 7, ...range }))).toBe("NOT_FOUND:staff.errors.region_unknown");
    for (const tenantId of [khonKaen, randomUUID()]) {
      expect(await refusal(caller.staff.coopFigures({ tenantId, ...range }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
      expect(await refusal(caller.staff.coopTimeline({ tenantId }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    }
    // An administrator sees region 7.
    const adminCaller = await testCaller(db, network, { userId: admin });
    expect((await adminCaller.staff.overview({ regionId: 7, ...range })).orders.salesSatang).toBe(55_500);
    expect((await adminCaller.staff.coopFigures({ tenantId: khonKaen, ...range })).orders.salesSatang).toBe(55_500);
  });

  it("refuse anyone who is not staff, and staff calls on a co-op host", async () => {
    for (const caller of [await testCaller(db, network), await testCaller(db, network, { userId: owner })]) {
      // Each call is wrapped by refusal() at once, so no rejection goes unhandled while another is awaited.
      const codes = await Promise.all([
        refusal(caller.staff.overview({ regionId: 5, ...range })), refusal(caller.staff.coopFigures({ tenantId: korat, ...range })), refusal(caller.staff.coopTimeline({ tenantId: korat })),
      ]);
      for (const code of codes) expect(code).toMatch(/^(UNAUTHORIZED|FORBIDDEN):auth\./);
    }
    const onCoop = await testCaller(db, { kind: "coop", tenant: (await findTenantBySlug(db, "ovt-korat"))! }, { userId: staff5 });
    expect(await refusal(onCoop.staff.overview({ regionId: 5, ...range }))).toBe("NOT_FOUND:site.not_found");
  });

  it("turn bad input into BAD_REQUEST, never a 500", async () => {
    const caller = await testCaller(db, network, { userId: staff5 });
    const codes = await Promise.all([
      caller.staff.overview({ regionId: 5, from: "2026-10-31", to: "2026-09-01" }),
      caller.staff.overview({ regionId: "abc" as never, ...range }),
      caller.staff.overview({ regionId: 5, from: "2026-02-30", to: "2026-03-01" }),
      caller.staff.coopFigures({ tenantId: "../etc", ...range }),
      caller.staff.coopFigures({ tenantId: korat, from: "1990-01-01", to: "2026-01-01" }),
      caller.staff.coopTimeline({ tenantId: korat, limit: 5000 }),
    ].map(refusal));
    expect(codes).toEqual(Array(6).fill("BAD_REQUEST:validation.invalid"));
  });
});
