/**
 * `npm run bench`: measures, in one run on this machine,
 *  (a) requests/s of a co-op's product list page (server-rendered, from the database),
 *  (b) requests/s of the same bytes served from memory by the same server — the ceiling,
 *      and their ratio;
 *  (c) orders/s of uncontended checkouts through the real tRPC endpoint.
 * Uses the embedded database unless DATABASE_URL is set. Results go to stdout (and JSON with --json).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { serve } from "@hono/node-server";
import { findTenantBySlug, generatePassword, hashPassword } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { assertSafeAppRole, createDatabase, migrateToLatest, readDbEnv, withTenant } from "@coop/db";
import { seedDemoData } from "@coop/db/seed";
import autocannon from "autocannon";
import { Hono } from "hono";
import { createApp } from "../src/app.ts";
import { publicOrigins } from "../src/origins.ts";
import { SiteResolver } from "../src/site-resolver.ts";
import { loadWebApp } from "../src/web.ts";
import { benchEnv } from "./env.ts";
import { printSearchBench, runSearchBench } from "./search.ts";

const DURATION = benchEnv.BENCH_SECONDS;
const CONNECTIONS = benchEnv.BENCH_CONNECTIONS;

async function main() {
  const env = readDbEnv();
  const dataDir = mkdtempSync(path.join(tmpdir(), "coop-bench-"));
  const database = await createDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL, migrationUrl: env.MIGRATION_DATABASE_URL, poolSize: 20 } : { dataDir: path.join(dataDir, "pglite") },
  );
  await migrateToLatest(database.owner());
  await assertSafeAppRole(database.db);
  if (!(await findTenantBySlug(database.db, "korat"))) await seedDemoData(database.db, { hashPassword, newPassword: generatePassword });
  const korat = (await findTenantBySlug(database.db, "korat"))!;
  // Plenty of stock, so checkouts never contend for the last unit.
  const product = await withTenant(database.db, korat.id, async (trx) => {
    const row = await trx.selectFrom("products").select("id").where("status", "=", "available").orderBy("name_th").executeTakeFirstOrThrow();
    await trx.updateTable("products").set({ stock: 1_000_000 }).where("id", "=", row.id).execute();
    return row.id;
  });

  const port = 4900 + Math.floor(Math.random() * 90);
  const origins = publicOrigins({ ROOT_DOMAIN: "localhost", PORT: port });
  const app = createApp({
    db: database.db,
    sites: new SiteResolver(database.db, "localhost"),
    origins,
    web: { storefront: await loadWebApp("storefront", "production"), network: await loadWebApp("network", "production") },
    databaseKind: database.kind,
    secure: false,
    trustProxy: true, // every simulated customer gets its own address (X-Forwarded-For), as behind a proxy
    media: new LocalDiskStorage(path.join(dataDir, "media")),
  });
  const host = `korat.localhost:${port}`;
  const page = await app.request("/", { headers: { host } });
  const bytes = Buffer.from(await page.arrayBuffer());
  const contentType = page.headers.get("content-type") ?? "text/html";
  // The ceiling: the very same bytes, from memory, through the same server and middleware-free route.
  const server = new Hono();
  server.get("/__bench/bytes", (c) => c.body(bytes, 200, { "content-type": contentType }));
  server.route("/", app);
  const listener = serve({ fetch: server.fetch, port, hostname: "127.0.0.1" });

  const run = (opts: autocannon.Options) => autocannon({ duration: DURATION, connections: CONNECTIONS, ...opts });
  const base = `http://127.0.0.1:${port}`;
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

  const search = await runSearchBench(database, base, `localhost:${port}`, benchEnv.BENCH_SEARCH_DOCS);

  const results = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, database: database.kind },
    settings: { seconds: DURATION, connections: CONNECTIONS, pageBytes: bytes.length },
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
    search,
  };
  if (process.argv.includes("--json")) console.log(JSON.stringify(results, null, 2));
  else {
    console.log(`machine: ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, ${results.machine.database}`);
    console.log(`product list page (korat, ${bytes.length} B): ${results.productListPage.rps.toFixed(0)} req/s, p50 ${results.productListPage.p50ms} ms, p99 ${results.productListPage.p99ms} ms`);
    console.log(`same bytes from memory:                 ${results.sameBytesFromMemory.rps.toFixed(0)} req/s, p50 ${results.sameBytesFromMemory.p50ms} ms`);
    console.log(`ratio page / memory:                    ${results.ratio}`);
    console.log(`uncontended checkouts:                  ${results.checkout.ordersPerSecond} orders/s (ok ${results.checkout.ok}, refused ${results.checkout.refused}, in database ${results.checkout.ordersInDatabase}), p50 ${results.checkout.p50ms} ms`);
    printSearchBench(search);
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
