/**
 * The staff overview part of `npm run bench` (issue 6). Seeds, straight in SQL as the schema
 * owner, one region (5) with BENCH_OVERVIEW_COOPS co-ops (300) and BENCH_OVERVIEW_ORDERS real
 * `orders` rows (1,000,000) spread over 18 months, fills `order_daily_stats` from them with the
 * full recount the rollup property test checks against (packages/core/src/orders/rollups.test.ts),
 * and a second region (7) with one co-op and one order. Then, in the same run, signed in through
 * the real staff sign-in as a staff member of both regions, it measures with autocannon the
 * overview of the large region beside the overview of the one-order region ("one-row page"),
 * over the same 18 months, and prints p50/p95/req/s of both and their ratio: the console reads
 * the rollup only, so the ratio should stay near 1 however many orders there are.
 * Measured as a page (`GET /staff/overview?region=…`) when the network app's build has it, and
 * always through the tRPC endpoint (`GET /trpc/staff.overview?input=…`).
 */
import { performance } from "node:perf_hooks";
import { createStaffAccount } from "@coop/core";
import { type DatabaseHandle, sql } from "@coop/db";
import autocannon from "autocannon";
import { request } from "./http.ts";

export const BIG_REGION = 5;
/** Must hold no co-op before the bench adds its one: the bench checks, and runs before the search corpus (which spreads co-ops over every region). */
export const ONE_ROW_REGION = 7;
const MONTHS = 18;
const DAYS = 548; // 18 months
const BATCH = 100_000;
const SLUG_PREFIX = "ovb-";

export interface OverviewBenchOptions {
  coops: number;
  orders: number;
  seconds: number;
  connections: number;
  /** Resolves when the server has no request in flight (autocannon stops at its deadline, not when the server is done). */
  idle: () => Promise<void>;
  /** Logs seeding progress (stderr), so a long seed is visibly alive. */
  progress?: (line: string) => void;
}

/** One page or endpoint: alone (one request at a time) for latency, then under `connections` concurrent clients for throughput. */
export interface Measured {
  alone: { requests: number; p50ms: number; p95ms: number; p99ms: number };
  loaded: { requests: number; non2xx: number; rps: number; p50ms: number; p95ms: number };
  bytes: number;
}

export interface Compared {
  big: Measured;
  oneRow: Measured;
  /** Large region's p50 (alone) over the one-row region's. */
  ratioP50: number;
  /** One-row region's req/s over the large region's. */
  ratioRps: number;
}

export interface OverviewBenchResult {
  coops: number;
  orders: number;
  months: number;
  range: { from: string; to: string };
  seedSeconds: { coops: number; orders: number; rollup: number; total: number };
  rollupRows: number;
  /** What the overview itself reported for both regions (a check that the seed is what was measured). */
  answered: { big: { coops: number; placed: number; months: number }; oneRow: { coops: number; placed: number } };
  trpc: Compared;
  /** Null when the network app's build has no /staff/overview page yet (reason says why). */
  page: Compared | null;
  pageMissingReason: string | null;
  /** Resident set size of this process (server, autocannon client and, on PGlite, the database) while the overview requests ran. */
  peakRssMiBDuringRequests: number;
}

/** Bangkok calendar day of a moment, YYYY-MM-DD. */
function bangkokDay(date: Date): string {
  return new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(1));

/** Builds the two regions' co-ops, orders and rollups with the schema owner (bulk rows across 300 co-ops would not pass row-level security, rightly). */
async function seed(database: DatabaseHandle, opts: OverviewBenchOptions) {
  const owner = database.owner();
  const progress = opts.progress ?? (() => undefined);
  const existing = await sql<{ bench: number; oneRow: number }>`
    SELECT (SELECT count(*) FROM tenants WHERE slug LIKE ${SLUG_PREFIX + "%"})::int AS bench,
           (SELECT count(*) FROM tenants WHERE region_id = ${ONE_ROW_REGION})::int AS "oneRow"`.execute(owner);
  if (existing.rows[0]!.bench > 0) throw new Error("overview bench: this database already has the bench co-ops; run it on a fresh database");
  if (existing.rows[0]!.oneRow > 0) {
    throw new Error(`overview bench: region ${ONE_ROW_REGION} already has ${existing.rows[0]!.oneRow} co-op(s), so it would not be a one-row region; run the overview before the search corpus, on a fresh database`);
  }

  const started = performance.now();
  // Mostly active co-ops, a few suspended (they keep their past orders), spread over the region's provinces.
  await sql`
    INSERT INTO tenants (slug, name_th, province_code, region_id, status)
    SELECT ${SLUG_PREFIX + "c"} || lpad(i::text, 5, '0'), 'สหกรณ์ภาพรวม ' || i, p.codes[1 + i % array_length(p.codes, 1)], ${BIG_REGION}::smallint,
           CASE WHEN i % 50 = 0 THEN 'suspended' ELSE 'active' END
    FROM generate_series(1, ${opts.coops}::int) AS i,
         (SELECT array_agg(code ORDER BY code) AS codes FROM provinces WHERE region_id = ${BIG_REGION}) AS p`.execute(owner);
  await sql`
    INSERT INTO tenants (slug, name_th, province_code, region_id, status)
    SELECT ${SLUG_PREFIX + "one"}, 'สหกรณ์แถวเดียว', min(code), ${ONE_ROW_REGION}::smallint, 'active' FROM provinces WHERE region_id = ${ONE_ROW_REGION}`.execute(owner);
  const coopSeconds = seconds(started);

  const ordersStarted = performance.now();
  for (let from = 1; from <= opts.orders; from += BATCH) {
    const to = Math.min(opts.orders, from + BATCH - 1);
    // u1 picks the co-op (skewed: a few busy co-ops, a long tail), u2 the age (more orders in recent months),
    // u3 the outcome (about 7% cancelled, 2% refunded, the rest completed or, in the last 3 days, still in progress).
    await sql`
      WITH t AS (SELECT array_agg(id ORDER BY slug) AS ids FROM tenants WHERE slug LIKE ${SLUG_PREFIX + "c%"}),
      r AS (
        SELECT i, random() AS u1, ${DAYS}::float8 * power(random(), 1.4) AS age_days, random() AS u3, random() AS u4,
               random() AS u5, random() AS u6, random() AS u7
        FROM generate_series(${from}::int, ${to}::int) AS i
      ),
      o AS (
        SELECT r.*, t.ids[1 + floor(array_length(t.ids, 1) * r.u1 * r.u1)::int] AS tenant_id,
               (ARRAY['pickup', 'local', 'parcel'])[1 + floor(r.u6 * 3)::int] AS delivery,
               (2000 + floor(r.u7 * r.u7 * 300000))::int AS subtotal
        FROM r, t
      )
      INSERT INTO orders (tenant_id, number, status, payment_method, delivery_method, customer_name, customer_phone,
                          subtotal_satang, delivery_fee_satang, total_satang, tracking_token_hash, idempotency_key, created_at, updated_at)
      SELECT o.tenant_id, o.i,
             CASE WHEN o.u3 < 0.07 THEN 'cancelled' WHEN o.u3 < 0.09 THEN 'refunded'
                  WHEN o.age_days < 3 THEN (ARRAY['pending_payment', 'payment_review', 'paid', 'packed', 'shipped', 'ready_for_pickup'])[1 + floor(o.u4 * 6)::int]
                  ELSE 'completed' END,
             (ARRAY['promptpay', 'bank_transfer', 'cod'])[1 + floor(o.u5 * 3)::int], o.delivery,
             'ลูกค้า ' || o.i, '08' || lpad((o.i % 100000000)::text, 8, '0'),
             o.subtotal, CASE o.delivery WHEN 'local' THEN 3000 WHEN 'parcel' THEN 6000 ELSE 0 END,
             o.subtotal + CASE o.delivery WHEN 'local' THEN 3000 WHEN 'parcel' THEN 6000 ELSE 0 END,
             md5('ovb-track-' || o.i), 'ovb-' || o.i,
             now() - make_interval(secs => o.age_days * 86400), now() - make_interval(secs => o.age_days * 86400)
      FROM o`.execute(owner);
    progress(`overview bench: ${to.toLocaleString("en")} / ${opts.orders.toLocaleString("en")} orders (${seconds(ordersStarted)} s)`);
  }
  // The one-row region: one co-op, one completed order ten days ago.
  await sql`
    INSERT INTO orders (tenant_id, number, status, payment_method, delivery_method, customer_name, customer_phone,
                        subtotal_satang, delivery_fee_satang, total_satang, tracking_token_hash, idempotency_key, created_at, updated_at)
    SELECT id, 1, 'completed', 'promptpay', 'pickup', 'ลูกค้า หนึ่ง', '0800000001', 25000, 0, 25000, md5('ovb-track-one'), 'ovb-one',
           now() - interval '10 days', now() - interval '10 days'
    FROM tenants WHERE slug = ${SLUG_PREFIX + "one"}`.execute(owner);
  // Order numbers were taken from one global sequence (unique per co-op, as required); counters continue after them.
  await sql`
    INSERT INTO order_counters (tenant_id, series, last_number)
    SELECT o.tenant_id, 'order', max(o.number) FROM orders o JOIN tenants t ON t.id = o.tenant_id WHERE t.slug LIKE ${SLUG_PREFIX + "%"} GROUP BY 1
    ON CONFLICT (tenant_id, series) DO UPDATE SET last_number = GREATEST(order_counters.last_number, EXCLUDED.last_number)`.execute(owner);
  const orderSeconds = seconds(ordersStarted);

  // The full recount of the rollup property test (rollupAndRecount), written into the rollup, so rollups equal the orders.
  const rollupStarted = performance.now();
  await sql`
    INSERT INTO order_daily_stats (tenant_id, day, orders_placed, orders_cancelled, orders_refunded, sales_satang)
    SELECT tenant_id, (created_at AT TIME ZONE 'Asia/Bangkok')::date AS day, count(*)::int AS placed,
           count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled, count(*) FILTER (WHERE status = 'refunded')::int AS refunded,
           coalesce(sum(total_satang) FILTER (WHERE status NOT IN ('cancelled', 'refunded')), 0)::bigint AS sales
    FROM orders WHERE tenant_id IN (SELECT id FROM tenants WHERE slug LIKE ${SLUG_PREFIX + "%"}) GROUP BY 1, 2`.execute(owner);
  // The monthly rollup (0012) is the same figures per calendar month.
  await sql`
    INSERT INTO order_monthly_stats (tenant_id, month, orders_placed, orders_cancelled, orders_refunded, sales_satang)
    SELECT tenant_id, date_trunc('month', day)::date, sum(orders_placed), sum(orders_cancelled), sum(orders_refunded), sum(sales_satang)
    FROM order_daily_stats WHERE tenant_id IN (SELECT id FROM tenants WHERE slug LIKE ${SLUG_PREFIX + "%"}) GROUP BY 1, 2`.execute(owner);
  const rollupSeconds = seconds(rollupStarted);
  for (const table of ["tenants", "orders", "order_daily_stats", "order_monthly_stats"]) await sql`ANALYZE ${sql.table(table)}`.execute(owner);

  // The rollup must add up to the orders it was built from, or the figures below would measure something else.
  const check = await sql<{ orders: number; placed: number; rows: number; kept: number; sales: number; rolledSales: number }>`
    SELECT (SELECT count(*) FROM orders o JOIN tenants t ON t.id = o.tenant_id WHERE t.slug LIKE ${SLUG_PREFIX + "%"})::bigint AS orders,
           (SELECT coalesce(sum(total_satang), 0) FROM orders o JOIN tenants t ON t.id = o.tenant_id
             WHERE t.slug LIKE ${SLUG_PREFIX + "%"} AND o.status NOT IN ('cancelled', 'refunded'))::bigint AS sales,
           (SELECT count(*) FROM order_daily_stats d JOIN tenants t ON t.id = d.tenant_id WHERE t.slug LIKE ${SLUG_PREFIX + "%"})::bigint AS rows,
           (SELECT coalesce(sum(orders_placed), 0) FROM order_daily_stats d JOIN tenants t ON t.id = d.tenant_id WHERE t.slug LIKE ${SLUG_PREFIX + "%"})::bigint AS placed,
           (SELECT coalesce(sum(sales_satang), 0) FROM order_daily_stats d JOIN tenants t ON t.id = d.tenant_id WHERE t.slug LIKE ${SLUG_PREFIX + "%"})::bigint AS "rolledSales"`.execute(owner);
  const c = check.rows[0]!;
  if (Number(c.orders) !== opts.orders + 1 || Number(c.placed) !== Number(c.orders) || Number(c.sales) !== Number(c.rolledSales)) {
    throw new Error(`overview bench: rollup does not match the orders (${JSON.stringify(c)})`);
  }
  return {
    seedSeconds: { coops: coopSeconds, orders: orderSeconds, rollup: rollupSeconds, total: seconds(started) },
    rollupRows: Number(c.rows),
  };
}

/** Signs the bench's staff member in through the real tRPC sign-in; returns the Cookie header. */
async function signInStaff(database: DatabaseHandle, base: string, host: string): Promise<string> {
  const email = "overview-bench@example.test";
  const created = await createStaffAccount(database.db, { email, name: "ผู้ทดสอบภาพรวม", regionIds: [BIG_REGION, ONE_ROW_REGION] });
  if (!created.password) throw new Error("overview bench: the staff account already existed; run on a fresh database");
  const response = await request(`${base}/trpc/staff.signIn`, {
    method: "POST",
    headers: { host, origin: `http://${host}`, "content-type": "application/json" },
    body: JSON.stringify({ email, password: created.password }),
  });
  const cookie = response.headers["set-cookie"]?.find((c) => c.startsWith("coop_session="));
  if (response.status !== 200 || !cookie) throw new Error(`overview bench: staff sign-in answered ${response.status}: ${response.text.slice(0, 300)}`);
  return cookie.split(";")[0]!;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Number((sorted[index] ?? 0).toFixed(2));
}

const MIN_ALONE_REQUESTS = 20;

/**
 * Latency alone: one request after another for `seconds` (at least MIN_ALONE_REQUESTS), so a slow
 * page still gets enough samples. Throughput: autocannon with `connections` clients for `seconds`;
 * per-request times come from its response events (its summary has no p95). Then waits until the
 * server has finished what autocannon left in flight, so the next measurement starts clean.
 */
async function measure(url: string, headers: Record<string, string>, opts: OverviewBenchOptions): Promise<Measured> {
  const alone: number[] = [];
  const started = performance.now();
  let bytes = 0;
  while (alone.length < MIN_ALONE_REQUESTS || performance.now() - started < opts.seconds * 1000) {
    const t0 = performance.now();
    const response = await request(url, { headers });
    alone.push(performance.now() - t0);
    if (response.status !== 200) throw new Error(`overview bench: ${url} answered ${response.status}: ${response.text.slice(0, 200)}`);
    bytes = Buffer.byteLength(response.text);
  }
  const loaded: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, headers, duration: opts.seconds, connections: opts.connections }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => loaded.push(responseTime));
  });
  await opts.idle();
  alone.sort((a, b) => a - b);
  loaded.sort((a, b) => a - b);
  return {
    alone: { requests: alone.length, p50ms: percentile(alone, 50), p95ms: percentile(alone, 95), p99ms: percentile(alone, 99) },
    loaded: { requests: result.requests.total, non2xx: result.non2xx, rps: Number(result.requests.average.toFixed(1)), p50ms: percentile(loaded, 50), p95ms: percentile(loaded, 95) },
    bytes,
  };
}

const compare = (big: Measured, oneRow: Measured): Compared => ({
  big,
  oneRow,
  ratioP50: Number((big.alone.p50ms / oneRow.alone.p50ms).toFixed(2)),
  ratioRps: Number((oneRow.loaded.rps / big.loaded.rps).toFixed(2)),
});

export async function runOverviewBench(database: DatabaseHandle, base: string, host: string, opts: OverviewBenchOptions): Promise<OverviewBenchResult> {
  const seeded = await seed(database, opts);
  const cookie = await signInStaff(database, base, host);
  const headers = { host, cookie, accept: "application/json" };
  const now = new Date();
  const range = { from: bangkokDay(new Date(now.getTime() - (DAYS + 1) * 86_400_000)), to: bangkokDay(now) };
  const trpcUrl = (regionId: number) => `${base}/trpc/staff.overview?input=${encodeURIComponent(JSON.stringify({ regionId, ...range }))}`;
  const pageUrl = (regionId: number) => `${base}/staff/overview?region=${regionId}&from=${range.from}&to=${range.to}`;

  // What the overview says about both regions: the large one holds every seeded order, the other exactly one co-op and one order.
  type Overview = { coops: { total: number }; orders: { placed: number }; months?: unknown[] };
  const answer = async (regionId: number): Promise<Overview> => {
    const response = await request(trpcUrl(regionId), { headers });
    const body = JSON.parse(response.text) as { result?: { data: Overview } };
    if (response.status !== 200 || !body.result) throw new Error(`overview bench: staff.overview for region ${regionId} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return body.result.data;
  };
  const big = await answer(BIG_REGION);
  const oneRow = await answer(ONE_ROW_REGION);
  if (big.orders.placed < opts.orders || oneRow.coops.total !== 1 || oneRow.orders.placed !== 1) {
    throw new Error(`overview bench: unexpected figures (region ${BIG_REGION}: ${big.orders.placed} orders; region ${ONE_ROW_REGION}: ${oneRow.coops.total} co-ops, ${oneRow.orders.placed} orders)`);
  }

  let pageMissingReason: string | null = null;
  const probe = await request(pageUrl(BIG_REGION), { headers: { host, cookie, accept: "text/html" } });
  if (probe.status === 404) pageMissingReason = "the network app's build has no /staff/overview page (404)";
  else if (probe.status !== 200) pageMissingReason = `/staff/overview answered ${probe.status}: ${probe.text.slice(0, 200).trim()}`;
  else if (!probe.headers["content-type"]?.includes("text/html")) pageMissingReason = `/staff/overview answered ${probe.headers["content-type"]}, not HTML`;

  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  try {
    // Warm both paths (plans, caches, the page's modules) before measuring, as search.ts does.
    for (const regionId of [BIG_REGION, ONE_ROW_REGION]) for (let i = 0; i < 5; i++) await answer(regionId);
    // The large region and the one-row region back to back, the same settings, in the same run.
    const trpc = compare(await measure(trpcUrl(BIG_REGION), headers, opts), await measure(trpcUrl(ONE_ROW_REGION), headers, opts));
    let page: OverviewBenchResult["page"] = null;
    if (!pageMissingReason) {
      const pageHeaders = { host, cookie, accept: "text/html" };
      for (const regionId of [BIG_REGION, ONE_ROW_REGION]) for (let i = 0; i < 5; i++) await request(pageUrl(regionId), { headers: pageHeaders });
      page = compare(await measure(pageUrl(BIG_REGION), pageHeaders, opts), await measure(pageUrl(ONE_ROW_REGION), pageHeaders, opts));
    }
    return {
      coops: opts.coops,
      orders: opts.orders,
      months: MONTHS,
      range,
      ...seeded,
      answered: {
        big: { coops: big.coops.total, placed: big.orders.placed, months: big.months?.length ?? 0 },
        oneRow: { coops: oneRow.coops.total, placed: oneRow.orders.placed },
      },
      trpc,
      page,
      pageMissingReason,
      peakRssMiBDuringRequests: Math.round(peakRss / 2 ** 20),
    };
  } finally {
    clearInterval(sampler);
  }
}

const line = (label: string, m: Measured) =>
  `${label.padEnd(39)} alone p50 ${m.alone.p50ms} ms, p95 ${m.alone.p95ms} ms (${m.alone.requests} req); ` +
  `${m.loaded.rps} req/s with concurrent clients, p50 ${m.loaded.p50ms} ms, p95 ${m.loaded.p95ms} ms (${m.loaded.requests} req, ${m.loaded.non2xx} non-2xx); ${m.bytes} B`;

export function printOverviewBench(r: OverviewBenchResult): void {
  const s = r.seedSeconds;
  console.log(
    `overview seed:                          ${r.coops} co-ops, ${r.orders.toLocaleString("en")} orders over ${r.months} months in region ${BIG_REGION} ` +
      `(co-ops ${s.coops} s, orders ${s.orders} s, rollup ${s.rollup} s → ${r.rollupRows.toLocaleString("en")} rollup rows; total ${s.total} s)`,
  );
  console.log(
    `overview answers (${r.range.from} … ${r.range.to}):  region ${BIG_REGION}: ${r.answered.big.coops} co-ops, ${r.answered.big.placed.toLocaleString("en")} orders, ${r.answered.big.months} months; ` +
      `region ${ONE_ROW_REGION}: ${r.answered.oneRow.coops} co-op, ${r.answered.oneRow.placed} order`,
  );
  for (const [kind, m] of [["tRPC staff.overview", r.trpc], ["page /staff/overview", r.page]] as const) {
    if (!m) continue;
    console.log(line(`${kind}, region ${BIG_REGION}:`, m.big));
    console.log(line(`${kind}, one-row region:`, m.oneRow));
    console.log(`${`${kind}, large / one-row:`.padEnd(39)} p50 ×${m.ratioP50}, req/s ÷${m.ratioRps}`);
  }
  if (r.pageMissingReason) console.log(`page /staff/overview not measured:      ${r.pageMissingReason}`);
  console.log(`peak RSS during overview requests:      ${r.peakRssMiBDuringRequests} MiB`);
}
