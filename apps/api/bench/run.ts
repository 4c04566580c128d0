/**
 * `npm run bench`: measures, in one run on this machine,
 *  shop:     (a) requests/s of a co-op's product list page (server-rendered, from the database),
 *            (b) requests/s of the same bytes served from memory by the same server — the ceiling,
 *                and their ratio;
 *            (c) orders/s of uncontended checkouts through the real tRPC endpoint, beside pgbench's
 *                TPC-B-like tps on the same PostgreSQL (checkout-vs-pgbench.ts);
 *  overview: the staff overview of a region with 300 co-ops and 1,000,000 orders beside that of a
 *            one-co-op, one-order region (overview.ts);
 *  search:   network search over a generated corpus beside fetching one article (search.ts);
 *  pages:    the page cache on and off beside the same bytes from memory, and product pages with
 *            10,000 co-ops beside 3, with the process's memory (pages.ts).
 * `--only overview,search` (or BENCH_ONLY) picks parts; `--quick` (or BENCH_QUICK=1) uses small sizes.
 * Uses the embedded database unless DATABASE_URL is set (then use a fresh database: the parts
 * add their corpora to it). Results go to stdout (and JSON with --json).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, totalmem, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { serve } from "@hono/node-server";
import { findTenantBySlug, generatePassword, hashPassword } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { assertSafeAppRole, createDatabase, migrateToLatest, readDbEnv, withTenant } from "@coop/db";
import { CHECKOUT_LIMIT_PER_COOP, SEARCH_LIMITS } from "@coop/trpc";
import { seedDemoData } from "@coop/db/seed";
import autocannon from "autocannon";
import { Hono } from "hono";
import { createApp } from "../src/app.ts";
import { publicOrigins } from "../src/origins.ts";
import { SiteResolver } from "../src/site-resolver.ts";
import { loadWebApp, type WebApp, type WebAppName } from "../src/web.ts";
import { benchSettings } from "./env.ts";
import { printCheckoutVsPgbench, runPgbench } from "./checkout-vs-pgbench.ts";
import { printOverviewBench, runOverviewBench } from "./overview.ts";
import { printSearchBench, runSearchBench } from "./search.ts";
import { printPagesBench, runPagesBench } from "./pages.ts";

const settings = (() => {
  try {
    return benchSettings(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
})();
const DURATION = settings.seconds;
const CONNECTIONS = settings.connections;

/**
 * The built web app, or — when the parts chosen do not render it — one that says it is not built
 * (the overview then measures its tRPC endpoint only and says why). The shop part needs the build.
 */
async function webApp(name: WebAppName, required: boolean): Promise<WebApp> {
  try {
    return await loadWebApp(name, "production");
  } catch (error) {
    if (required) throw error;
    return {
      name,
      clientDir: path.join(tmpdir(), `coop-bench-${name}-not-built`),
      handle: async () => new Response(`${(error as Error).message}\n`, { status: 503, headers: { "content-type": "text/plain" } }),
    };
  }
}

/** Resident set size of this process, peak so far (server, autocannon and, on PGlite, the database). */
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

interface ShopResult {
  pageBytes: number;
  productListPage: { rps: number; p50ms: number; p99ms: number; non2xx: number };
  sameBytesFromMemory: { rps: number; p50ms: number; p99ms: number };
  ratio: number;
  checkout: { ordersPerSecond: number; ok: number; refused: number; p50ms: number; p99ms: number; ordersInDatabase: number };
}

/**
 * The per-co-op checkout budget and the search budgets would refuse most of the bench's requests
 * (that is their job): lifted here, in this process only, so the figures are the work's own cost.
 */
function liftRequestBudgets(): void {
  for (const rule of [CHECKOUT_LIMIT_PER_COOP, SEARCH_LIMITS.perIp, SEARCH_LIMITS.perSite]) rule.limit = Number.MAX_SAFE_INTEGER;
}

async function main() {
  liftRequestBudgets();
  const env = readDbEnv();
  const shop = settings.parts.has("shop");
  const renders = shop || settings.parts.has("pages");
  const dataDir = mkdtempSync(path.join(tmpdir(), "coop-bench-"));
  const database = await createDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL, migrationUrl: env.MIGRATION_DATABASE_URL, poolSize: 20 } : { dataDir: path.join(dataDir, "pglite") },
  );
  await migrateToLatest(database.owner());
  await assertSafeAppRole(database.db);
  const loadAtStart = loadavg();

  const port = 4900 + Math.floor(Math.random() * 90);
  const origins = publicOrigins({ ROOT_DOMAIN: "localhost", PORT: port });
  const web = { storefront: await webApp("storefront", renders), network: await webApp("network", renders) };
  const media = new LocalDiskStorage(path.join(dataDir, "media"));
  const app = createApp({
    db: database.db,
    sites: new SiteResolver(database.db, "localhost"),
    origins,
    web,
    databaseKind: database.kind,
    secure: false,
    trustProxy: true, // every simulated customer gets its own address (X-Forwarded-For), as behind a proxy
    media,
  });
  // The ceiling for the shop part: the product list page's very bytes, from memory, through the same server and a middleware-free route.
  let memoryPage: { bytes: Uint8Array<ArrayBuffer>; contentType: string } | null = null;
  const server = new Hono();
  // Requests the app is still working on: autocannon stops at its deadline, and the next measurement must not queue behind them.
  let inFlight = 0;
  server.use("*", async (_c, next) => {
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  });
  const idle = async () => {
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  server.get("/__bench/bytes", (c) => (memoryPage ? c.body(memoryPage.bytes, 200, { "content-type": memoryPage.contentType }) : c.notFound()));
  server.route("/", app);
  const listener = serve({ fetch: server.fetch, port, hostname: "127.0.0.1" });
  const base = `http://127.0.0.1:${port}`;
  const networkHost = `localhost:${port}`;

  let shopResult: ShopResult | null = null;
  if (renders && !(await findTenantBySlug(database.db, "korat"))) await seedDemoData(database.db, { hashPassword, newPassword: generatePassword });
  if (shop) {
    const korat = (await findTenantBySlug(database.db, "korat"))!;
    // Plenty of stock, so checkouts never contend for the last unit.
    const product = await withTenant(database.db, korat.id, async (trx) => {
      const row = await trx.selectFrom("products").select("id").where("status", "=", "available").orderBy("name_th").executeTakeFirstOrThrow();
      await trx.updateTable("products").set({ stock: 1_000_000 }).where("id", "=", row.id).execute();
      return row.id;
    });
    const host = `korat.localhost:${port}`;
    const page = await app.request("/", { headers: { host } });
    memoryPage = { bytes: new Uint8Array(await page.arrayBuffer()), contentType: page.headers.get("content-type") ?? "text/html" };

    const run = (opts: autocannon.Options) => autocannon({ duration: DURATION, connections: CONNECTIONS, ...opts });
    const productPage = await run({ url: `${base}/`, headers: { host } });
    const fromMemory = await run({ url: `${base}/__bench/bytes`, headers: { host } });

    let n = 0;
    const checkout = await run({
      connections: 4,
      url: `${base}/trpc/checkout.place`,
      method: "POST",
      headers: { host, origin: `http://${host}`, "content-type": "application/json" },
      requests: [
        {
          setupRequest: (req) => {
            n++;
            return {
              ...req,
              headers: { ...req.headers, "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
              body: JSON.stringify({
                idempotencyKey: randomUUID(),
                customer: { name: "ลูกค้าทดสอบ", phone: "0812345678" },
                deliveryMethod: "pickup",
                paymentMethod: "cod",
                items: [{ productId: product, quantity: 1 }],
              }),
            };
          },
        },
      ],
    });
    const orders = await withTenant(database.db, korat.id, (trx) =>
      trx.selectFrom("orders").select((eb) => eb.fn.countAll<number>().as("n")).where("tenant_id", "=", korat.id).executeTakeFirstOrThrow(),
    );
    shopResult = {
      pageBytes: memoryPage.bytes.length,
      productListPage: { rps: productPage.requests.average, p50ms: productPage.latency.p50, p99ms: productPage.latency.p99, non2xx: productPage.non2xx },
      sameBytesFromMemory: { rps: fromMemory.requests.average, p50ms: fromMemory.latency.p50, p99ms: fromMemory.latency.p99 },
      ratio: Number((productPage.requests.average / fromMemory.requests.average).toFixed(3)),
      checkout: {
        ordersPerSecond: Number(((checkout["2xx"] ?? 0) / DURATION).toFixed(1)),
        ok: checkout["2xx"],
        refused: checkout.non2xx,
        p50ms: checkout.latency.p50,
        p99ms: checkout.latency.p99,
        ordersInDatabase: Number(orders.n),
      },
    };
  }

  // Before the search corpus: that spreads co-ops over every region, and the overview needs a region holding exactly one.
  const progress = settings.json ? () => undefined : (line: string) => console.error(line);
  // Beside the checkouts: pgbench's TPC-B-like rate on the same PostgreSQL, while the server is idle.
  const pgbench = shop ? await runPgbench(database, env, { seconds: settings.quick ? 5 : undefined, progress }) : null;
  const overview = settings.parts.has("overview")
    ? await runOverviewBench(database, base, networkHost, {
        coops: settings.overviewCoops,
        orders: settings.overviewOrders,
        seconds: DURATION,
        connections: CONNECTIONS,
        idle,
        progress,
      })
    : null;
  const peakAfterOverview = peakRssMiB();

  const search = settings.parts.has("search") ? await runSearchBench(database, base, networkHost, settings.searchDocs) : null;
  // Last: its 10,000 co-ops would change the overview's regions.
  const pages = settings.parts.has("pages")
    ? await runPagesBench(database, { coops: settings.pagesCoops, seconds: DURATION, connections: CONNECTIONS, web, media, progress })
    : null;

  const results = {
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      database: database.kind,
      loadAverage: { atStart: loadAtStart.map((l) => Number(l.toFixed(2))), atEnd: loadavg().map((l) => Number(l.toFixed(2))) },
    },
    settings: { parts: [...settings.parts], quick: settings.quick, seconds: DURATION, connections: CONNECTIONS },
    shop: shopResult,
    pgbench,
    overview,
    search,
    pages,
    peakRssMiB: { afterOverview: overview ? peakAfterOverview : null, atEnd: peakRssMiB() },
    seconds: Number((performance.now() / 1000).toFixed(0)),
  };
  if (settings.json) console.log(JSON.stringify(results, null, 2));
  else {
    const m = results.machine;
    console.log(`machine: ${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.database}; load average ${m.loadAverage.atStart.join(" ")} at start, ${m.loadAverage.atEnd.join(" ")} at end`);
    console.log(`settings: ${results.settings.parts.join(", ")}${settings.quick ? " (quick)" : ""}; ${DURATION} s per measurement, ${CONNECTIONS} connections`);
    if (shopResult) {
      const r = shopResult;
      console.log(`product list page (korat, ${r.pageBytes} B): ${r.productListPage.rps.toFixed(0)} req/s, p50 ${r.productListPage.p50ms} ms, p99 ${r.productListPage.p99ms} ms`);
      console.log(`same bytes from memory:                 ${r.sameBytesFromMemory.rps.toFixed(0)} req/s, p50 ${r.sameBytesFromMemory.p50ms} ms`);
      console.log(`ratio page / memory:                    ${r.ratio}`);
      console.log(`uncontended checkouts:                  ${r.checkout.ordersPerSecond} orders/s (ok ${r.checkout.ok}, refused ${r.checkout.refused}, in database ${r.checkout.ordersInDatabase}), p50 ${r.checkout.p50ms} ms`);
    }
    if (pgbench) printCheckoutVsPgbench(shopResult?.checkout.ordersPerSecond ?? null, pgbench);
    if (overview) printOverviewBench(overview);
    if (search) printSearchBench(search);
    if (pages) printPagesBench(pages);
    const afterOverview = overview ? `${results.peakRssMiB.afterOverview} MiB up to the end of the overview, ` : "";
    console.log(`peak RSS of the bench process:          ${afterOverview}${results.peakRssMiB.atEnd} MiB for the whole run (${results.seconds} s)`);
  }
  listener.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
