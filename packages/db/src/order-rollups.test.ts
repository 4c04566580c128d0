import { sql } from "kysely";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as m0009 from "./migrations/0009_order_rollups.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

describe("migration 0009 (order rollups)", () => {
  it("backfills one row per co-op and Bangkok day from the orders that already exist", async () => {
    const owner = t.owner();
    // Orders written before the rollup existed: undo 0009, add them, apply it again.
    await m0009.down(owner);
    const tenants: string[] = [];
    for (const slug of ["backfill-a", "backfill-b"]) {
      const { rows } = await sql<{ id: string }>`
        INSERT INTO tenants (slug, name_th, province_code, region_id, status) VALUES (${slug}, ${`สหกรณ์ ${slug}`}, 30, 5, 'active') RETURNING id`.execute(owner);
      tenants.push(rows[0]!.id);
    }
    const [a, b] = tenants as [string, string];
    const orders: [tenant: string, createdAt: string, status: string, total: number][] = [
      [a, "2026-03-01T10:00:00Z", "paid", 10_000],
      [a, "2026-03-01T16:59:59Z", "cancelled", 2_000], // still 1 March in Bangkok
      [a, "2026-03-01T17:00:00Z", "refunded", 3_000], // already 2 March in Bangkok
      [a, "2026-03-01T18:00:00Z", "completed", 4_000],
      [b, "2026-03-01T10:00:00Z", "pending_payment", 5_000],
    ];
    let number = 1;
    for (const [tenant, createdAt, status, total] of orders) {
      await sql`INSERT INTO orders (tenant_id, number, status, payment_method, delivery_method, customer_name, customer_phone,
                  subtotal_satang, delivery_fee_satang, total_satang, tracking_token_hash, idempotency_key, created_at)
                VALUES (${tenant}, ${number++}, ${status}, 'cod', 'pickup', 'ลูกค้า', '0812345678', ${total}, 0, ${total}, ${randomUUID()}, ${randomUUID()}, ${createdAt})`.execute(owner);
    }
    await m0009.up(owner);
    const { rows } = await sql<{ tenant_id: string; day: string; placed: number; cancelled: number; refunded: number; sales: number }>`
      SELECT tenant_id, to_char(day, 'YYYY-MM-DD') AS day, orders_placed AS placed, orders_cancelled AS cancelled, orders_refunded AS refunded, sales_satang AS sales
      FROM order_daily_stats ORDER BY tenant_id = ${a} DESC, day`.execute(owner);
    expect(rows.map((r) => ({ ...r, sales: Number(r.sales) }))).toEqual([
      { tenant_id: a, day: "2026-03-01", placed: 2, cancelled: 1, refunded: 0, sales: 10_000 },
      { tenant_id: a, day: "2026-03-02", placed: 2, cancelled: 0, refunded: 1, sales: 4_000 },
      { tenant_id: b, day: "2026-03-01", placed: 1, cancelled: 0, refunded: 0, sales: 5_000 },
    ]);
  });
});
