// Property test: after any random sequence of orders, cancellations and refunds across co-ops
// and days, the order_daily_stats rollup equals a full recount from the orders table, and the
// staff console's figures read from it equal those counted from orders.
import { type Database, type Kysely, type OrderStatus, type PaymentMethod, sql, withTenant } from "@coop/db";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "@coop/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStaffCoop, listStaffCoops } from "../staff/coops.ts";
import { regionOverview } from "../staff/overview.ts";
import { loadStaffScope, type StaffScope } from "../staff/scope.ts";
import { placeOrder } from "./place-order.ts";
import { orderRollupRows, recordOrderRollup } from "./rollups.ts";
import { nextStatuses } from "./state-machine.ts";
import { addMember, checkout, makeCoop, makeProduct, makeUser, openForOrders } from "./testing.ts";
import { transitionOrder } from "./transition-order.ts";

/** mulberry32: a small seeded generator, so a failing sequence can be replayed from its seed. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface Coop {
  id: string;
  products: string[];
}

let t: TestDatabase;
let db: Kysely<Database>;
let actor: string;
let admin: StaffScope;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  actor = await makeUser(db, "rollup-manager@example.com", "ผู้จัดการ");
  const a = await makeUser(db, "rollup-admin@example.com", "Admin");
  await db.insertInto("platform_admins").values({ user_id: a }).execute();
  admin = (await loadStaffScope(db, a))!;
});
afterAll(async () => t?.destroy());

async function setUpCoops(prefix: string, count: number): Promise<Coop[]> {
  const coops: Coop[] = [];
  for (let i = 0; i < count; i++) {
    // The third co-op lies in another region (7), so region figures must leave it out.
    const id =
      i < 2
        ? await makeCoop(db, `${prefix}-${i}`)
        : (await db.insertInto("tenants").values({ slug: `${prefix}-${i}`, name_th: `สหกรณ์ ${prefix} ${i}`, province_code: 40, region_id: 7, status: "active" }).returning("id").executeTakeFirstOrThrow()).id;
    await openForOrders(db, id);
    await addMember(db, id, actor, "manager");
    const products = [await makeProduct(db, id, { stock: 100_000, price: 12_000 }), await makeProduct(db, id, { stock: 100_000, price: 3_550 })];
    coops.push({ id, products });
  }
  return coops;
}

/** An order from the past (placeOrder always stamps now()): written directly, its rollup kept as placeOrder keeps it. */
async function placePastOrder(coop: Coop, number: number, createdAt: Date, totalSatang: number, paymentMethod: PaymentMethod): Promise<string> {
  return withTenant(db, coop.id, async (trx) => {
    const { id } = await trx
      .insertInto("orders")
      .values({
        tenant_id: coop.id, number, status: "pending_payment", payment_method: paymentMethod, delivery_method: "pickup", customer_name: "สมศรี ลูกค้า",
        customer_phone: "0812345678", subtotal_satang: totalSatang, delivery_fee_satang: 0, total_satang: totalSatang, tracking_token_hash: randomUUID(),
        idempotency_key: randomUUID(), created_at: createdAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordOrderRollup(trx, coop.id, id, "placed");
    return id;
  });
}

type Stats = { tenant_id: string; day: string; placed: number; cancelled: number; refunded: number; sales: number };

/** Every rollup row, and the same figures counted afresh from orders (as the schema owner: all co-ops). */
async function rollupAndRecount(tenantIds: string[]): Promise<{ rollup: Stats[]; recount: Stats[] }> {
  const owner = t.owner();
  const { rows: rollup } = await sql<Stats>`
    SELECT tenant_id, to_char(day, 'YYYY-MM-DD') AS day, orders_placed AS placed, orders_cancelled AS cancelled,
           orders_refunded AS refunded, sales_satang::bigint AS sales
    FROM order_daily_stats WHERE tenant_id = ANY(${tenantIds}::uuid[]) ORDER BY 1, 2`.execute(owner);
  const { rows: recount } = await sql<Stats>`
    SELECT tenant_id, to_char((created_at AT TIME ZONE 'Asia/Bangkok')::date, 'YYYY-MM-DD') AS day, count(*)::int AS placed,
           count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled, count(*) FILTER (WHERE status = 'refunded')::int AS refunded,
           coalesce(sum(total_satang) FILTER (WHERE status NOT IN ('cancelled', 'refunded')), 0)::bigint AS sales
    FROM orders WHERE tenant_id = ANY(${tenantIds}::uuid[]) GROUP BY 1, 2 ORDER BY 1, 2`.execute(owner);
  const numeric = (r: Stats): Stats => ({ ...r, placed: Number(r.placed), cancelled: Number(r.cancelled), refunded: Number(r.refunded), sales: Number(r.sales) });
  return { rollup: rollup.map(numeric), recount: recount.map(numeric) };
}

/** The console's order figures as the orders table gives them (what coops.ts counted before the rollup). */
async function scannedFigures(tenantId: string, now: Date) {
  const since30 = new Date(now.getTime() - 30 * DAY_MS);
  const { rows } = await sql<{ all30: number; kept30: number; sales30: number; kept: number; sales: number }>`
    SELECT count(*) FILTER (WHERE created_at >= ${since30})::int AS all30,
           count(*) FILTER (WHERE created_at >= ${since30} AND status NOT IN ('cancelled', 'refunded'))::int AS kept30,
           coalesce(sum(total_satang) FILTER (WHERE created_at >= ${since30} AND status NOT IN ('cancelled', 'refunded')), 0)::bigint AS sales30,
           count(*) FILTER (WHERE status NOT IN ('cancelled', 'refunded'))::int AS kept,
           coalesce(sum(total_satang) FILTER (WHERE status NOT IN ('cancelled', 'refunded')), 0)::bigint AS sales
    FROM orders WHERE tenant_id = ${tenantId}`.execute(t.owner());
  const r = rows[0]!;
  return { all30: Number(r.all30), last30Days: { count: Number(r.kept30), totalSatang: Number(r.sales30) }, allTime: { count: Number(r.kept), totalSatang: Number(r.sales) } };
}

async function runSequence(seed: number, steps: number) {
  const rand = generator(seed);
  const coops = await setUpCoops(`roll-${seed}`, 2 + rand.int(2));
  const now = new Date();
  const orders: { coop: Coop; id: string; status: OrderStatus; payment: PaymentMethod }[] = [];
  let pastNumber = 100_000;
  for (let step = 0; step < steps; step++) {
    const live = orders.filter((o) => nextStatuses(o.status, o.payment).length > 0);
    const roll = rand.next();
    if (roll < 0.25 || live.length === 0) {
      const coop = rand.pick(coops);
      const payment = rand.pick(["promptpay", "bank_transfer", "cod"] as const);
      const items = coop.products.filter(() => rand.next() < 0.7);
      const lines = (items.length > 0 ? items : [coop.products[0]!]).map((productId) => ({ productId, quantity: 1 + rand.int(3) }));
      const placed = await placeOrder(db, coop.id, checkout(lines, { paymentMethod: payment }));
      orders.push({ coop, id: placed.orderId, status: "pending_payment", payment });
    } else if (roll < 0.45) {
      // Up to 70 days back, often within an hour of a Bangkok midnight (17:00 UTC), where the day is easiest to get wrong.
      const coop = rand.pick(coops);
      const payment = rand.pick(["promptpay", "bank_transfer", "cod"] as const);
      const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1 - rand.int(70), 17);
      const at = rand.next() < 0.5 ? midnight + (rand.int(120) - 60) * 60_000 : midnight + rand.int(24) * HOUR_MS + rand.int(3600) * 1000;
      const id = await placePastOrder(coop, pastNumber++, new Date(at), 100 + rand.int(500_000), payment);
      orders.push({ coop, id, status: "pending_payment", payment });
    } else {
      // Move a random order along a random legal edge (cancelled and refunded among them).
      const order = rand.pick(live);
      const to = rand.pick(nextStatuses(order.status, order.payment));
      await transitionOrder(db, order.coop.id, actor, { orderId: order.id, to });
      order.status = to;
    }
  }
  return { coops, orders, now };
}

describe(`order rollups equal a full recount (${TEST_ENGINE})`, () => {
  it.each([1, 7, 2026, 424242])("after a random sequence of orders, cancellations and refunds (seed %i)", async (seed) => {
    const { coops, orders, now } = await runSequence(seed, 70);
    const ids = coops.map((c) => c.id);
    const { rollup, recount } = await rollupAndRecount(ids);
    // The sequence must have exercised what it claims to.
    expect(orders.some((o) => o.status === "cancelled") || orders.some((o) => o.status === "refunded")).toBe(true);
    expect(new Set(recount.map((r) => r.day)).size).toBeGreaterThan(1);
    expect(rollup).toEqual(recount);
    // The monthly rollup holds the same figures per calendar month.
    const { rows: monthly } = await sql<Stats>`
      SELECT tenant_id, to_char(month, 'YYYY-MM') AS day, orders_placed AS placed, orders_cancelled AS cancelled,
             orders_refunded AS refunded, sales_satang::bigint AS sales
      FROM order_monthly_stats WHERE tenant_id = ANY(${ids}::uuid[]) ORDER BY 1, 2`.execute(t.owner());
    const perMonth = new Map<string, Stats>();
    for (const r of recount) {
      const key = `${r.tenant_id} ${r.day.slice(0, 7)}`;
      const m = perMonth.get(key) ?? { tenant_id: r.tenant_id, day: r.day.slice(0, 7), placed: 0, cancelled: 0, refunded: 0, sales: 0 };
      perMonth.set(key, { ...m, placed: m.placed + r.placed, cancelled: m.cancelled + r.cancelled, refunded: m.refunded + r.refunded, sales: m.sales + r.sales });
    }
    const numeric = (r: Stats): Stats => ({ ...r, placed: Number(r.placed), cancelled: Number(r.cancelled), refunded: Number(r.refunded), sales: Number(r.sales) });
    expect(monthly.map(numeric)).toEqual([...perMonth.values()].sort((a, b) => (a.tenant_id + a.day < b.tenant_id + b.day ? -1 : 1)));

    // The console reads the rollup and gives what scanning orders gives, at several moments
    // (whose 30-day windows begin at different hours of a Bangkok day).
    for (const offsetHours of [0, 5, 11, 17, 23]) {
      const at = new Date(now.getTime() + offsetHours * HOUR_MS);
      const listed = await listStaffCoops(db, admin, { pageSize: 50 }, at);
      for (const coop of coops) {
        const scanned = await scannedFigures(coop.id, at);
        const detail = await getStaffCoop(db, admin, coop.id, at);
        expect(detail.orders.last30Days).toEqual(scanned.last30Days);
        expect(detail.orders.allTime).toEqual(scanned.allTime);
        expect(detail.health.ordersIn30Days).toBe(scanned.all30);
        expect(listed.items.find((c) => c.id === coop.id)?.health.ordersIn30Days).toBe(scanned.all30);
      }
    }

    // The region overview over the last 75 Bangkok days (partial months at both ends from the daily
    // rows, whole months between from the monthly ones) equals a scan of region 5's orders (every
    // co-op of the region in this database, earlier sequences' too; the third co-op is in region 7).
    const bangkokDay = (ms: number) => new Date(ms + 7 * HOUR_MS).toISOString().slice(0, 10);
    const from = bangkokDay(now.getTime() - 75 * DAY_MS);
    const to = bangkokDay(now.getTime());
    const overview = await regionOverview(db, admin, { regionId: 5, from, to });
    const { rows } = await sql<Stats & { month: string }>`
      SELECT to_char((o.created_at AT TIME ZONE 'Asia/Bangkok')::date, 'YYYY-MM') AS month, count(*)::int AS placed,
             count(*) FILTER (WHERE o.status = 'cancelled')::int AS cancelled, count(*) FILTER (WHERE o.status = 'refunded')::int AS refunded,
             coalesce(sum(o.total_satang) FILTER (WHERE o.status NOT IN ('cancelled', 'refunded')), 0)::bigint AS sales
      FROM orders o JOIN tenants t ON t.id = o.tenant_id
      WHERE t.region_id = 5 AND (o.created_at AT TIME ZONE 'Asia/Bangkok')::date BETWEEN ${from}::date AND ${to}::date
      GROUP BY 1`.execute(t.owner());
    const scannedMonths = new Map(rows.map((r) => [r.month, r]));
    expect(overview.months.length).toBeGreaterThanOrEqual(2);
    for (const month of overview.months) {
      const r = scannedMonths.get(month.month);
      const [placed, cancelled, refunded, sales] = r ? [Number(r.placed), Number(r.cancelled), Number(r.refunded), Number(r.sales)] : [0, 0, 0, 0];
      expect(month).toEqual({ month: month.month, placed, cancelled, refunded, kept: placed - cancelled - refunded, salesSatang: sales });
    }
    expect(overview.months.map((m) => m.month)).toEqual(expect.arrayContaining([...scannedMonths.keys()]));
    expect(overview.orders.placed).toBe(rows.reduce((s, r) => s + Number(r.placed), 0));
    expect(overview.orders.salesSatang).toBe(rows.reduce((s, r) => s + Number(r.sales), 0));
  });

  it("reads any range from whole months and partial-month days alike", async () => {
    await runSequence(99, 40);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const now = Date.now();
    const monthStart = (offset: number) => { const d = new Date(now); return day(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)); };
    const monthEnd = (offset: number) => { const d = new Date(now); return day(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset + 1, 0)); };
    const ranges: [string, string][] = [
      [day(now - 75 * DAY_MS), day(now)], // partial, whole, partial
      [monthStart(-2), monthEnd(-1)], // whole months only
      [monthStart(-1), monthStart(-1)], // one day
      [day(now - 20 * DAY_MS), day(now - 3 * DAY_MS)], // within a month or across one boundary
      [monthStart(-2), day(now)], // whole months then a partial one
      [day(now - 70 * DAY_MS), monthEnd(-1)], // a partial month then whole ones
    ];
    for (const [from, to] of ranges) {
      const [viaRollups, viaDays] = await t.owner().transaction().execute(async (trx) => {
        const db5 = trx as unknown as Parameters<typeof orderRollupRows>[0];
        const total = (q: ReturnType<typeof orderRollupRows>) =>
          db5.selectFrom(q.as("d")).select([sql<string>`coalesce(sum(d.orders_placed), 0)::bigint`.as("placed"), sql<string>`coalesce(sum(d.sales_satang), 0)::bigint`.as("sales")]).executeTakeFirstOrThrow();
        const direct = await sql<{ placed: string; sales: string }>`
          SELECT coalesce(sum(orders_placed), 0)::bigint AS placed, coalesce(sum(sales_satang), 0)::bigint AS sales
          FROM order_daily_stats WHERE day BETWEEN ${from}::date AND ${to}::date`.execute(trx);
        return [await total(orderRollupRows(db5, from, to)), direct.rows[0]!];
      });
      expect({ from, to, placed: Number(viaRollups.placed), sales: Number(viaRollups.sales) }).toEqual({ from, to, placed: Number(viaDays.placed), sales: Number(viaDays.sales) });
    }
  });
});
