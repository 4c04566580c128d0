/**
 * The pages part of `npm run bench` (issue 8, "Speed"): what the page cache buys, and whether the
 * number of co-ops slows a co-op's site.
 *
 *  (a) the catalogue page (`/products` of korat) rendered every time (cache off), from the page
 *      cache (on), and the same bytes from memory through a bare route — the ceiling;
 *  (b) product pages of random co-ops, cache off and on, with the 3 demo co-ops, then again after
 *      a bulk seed of BENCH_PAGES_COOPS (10,000) co-ops with 5 products each;
 *  (c) the resident memory of the process through all of it (server, client and, on PGlite, the database).
 *
 * Both apps (cache on, cache off) are the real createApp over the same database and web build;
 * one Node server in this process routes each request to one of them by a header.
 */
import { performance } from "node:perf_hooks";
import { serve } from "@hono/node-server";
import { type DatabaseHandle, sql } from "@coop/db";
import autocannon from "autocannon";
import { Hono } from "hono";
import { createApp } from "../src/app.ts";
import { publicOrigins } from "../src/origins.ts";
import { PageCache } from "../src/page-cache/page-cache.ts";
import { SiteResolver } from "../src/site-resolver.ts";
import type { WebApp } from "../src/web.ts";
import { request } from "./http.ts";

const SLUG_PREFIX = "pgb";
const PRODUCTS_PER_COOP = 5;
const BATCH = 2_000;

export interface PagesBenchOptions {
  coops: number;
  seconds: number;
  connections: number;
  web: { storefront: WebApp; network: WebApp };
  media: Parameters<typeof createApp>[0]["media"];
  progress: (line: string) => void;
}

interface Rate {
  rps: number;
  p50ms: number;
  p99ms: number;
  non2xx: number;
  /** Share of the answers the page cache gave (cache on only). */
  hitRatio?: number;
}

export interface PagesBenchResult {
  catalogue: { bytes: number; cacheOff: Rate; cacheOn: Rate; fromMemory: Rate; offOverMemory: number; onOverMemory: number };
  productPages: {
    coops3: { coops: number; pages: number; cacheOff: Rate; cacheOn: Rate };
    coopsMany: { coops: number; pages: number; cacheOff: Rate; cacheOn: Rate; hotSetCacheOn: Rate };
    /** The very pages measured with 3 co-ops, measured again with the many in the database: the like-for-like comparison. */
    samePagesAmongMany: { cacheOff: Rate; cacheOn: Rate };
    seedSeconds: number;
  };
  rssMiB: { beforeSeed: number; afterSeed: number; peakDuringManyCoops: number; maxRss: number };
  pageCache: { entries: number; bytes: number; maxBytes: number };
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(1));

/** 10,000 co-ops and their products in a few multi-row statements, as the schema owner (row-level security would refuse one session writing for many co-ops). */
async function seedCoops(database: DatabaseHandle, count: number): Promise<number> {
  const owner = database.owner();
  const started = performance.now();
  for (let from = 1; from <= count; from += BATCH) {
    const to = Math.min(count, from + BATCH - 1);
    await sql`
      INSERT INTO tenants (slug, name_th, province_code, region_id, status)
      SELECT ${SLUG_PREFIX} || lpad(i::text, 5, '0'), 'สหกรณ์ทดสอบความเร็ว ' || i, p.codes[1 + i % array_length(p.codes, 1)],
             (SELECT region_id FROM provinces WHERE code = p.codes[1 + i % array_length(p.codes, 1)]), 'active'
      FROM generate_series(${from}::int, ${to}::int) AS i, (SELECT array_agg(code ORDER BY code) AS codes FROM provinces) AS p`.execute(owner);
    await sql`
      INSERT INTO products (tenant_id, name_th, price_satang, unit, stock, status)
      SELECT t.id, (ARRAY['ข้าวหอมมะลิ','ข้าวกล้อง','มันสำปะหลัง','ผ้าไหม','น้ำผึ้ง'])[j] || ' ชุดที่ ' || j, 2500 + j * 1000, 'kg', 20 + j * 10, 'available'
      FROM tenants t, generate_series(1, ${PRODUCTS_PER_COOP}::int) AS j
      WHERE t.slug BETWEEN ${`${SLUG_PREFIX}${String(from).padStart(5, "0")}`} AND ${`${SLUG_PREFIX}${String(to).padStart(5, "0")}`}`.execute(owner);
  }
  for (const table of ["tenants", "products"]) await sql`ANALYZE ${sql.table(table)}`.execute(owner);
  return seconds(started);
}

/** Every on-sale product page of the open co-ops: [host slug, path]. */
async function productPages(database: DatabaseHandle): Promise<Array<[string, string]>> {
  const rows = await sql<{ slug: string; id: string }>`
    SELECT t.slug, p.id FROM products p JOIN tenants t ON t.id = p.tenant_id
    WHERE t.status = 'active' AND p.status = 'available' AND p.archived_at IS NULL`.execute(database.owner());
  return rows.rows.map((r) => [r.slug, `/products/${r.id}`]);
}

export async function runPagesBench(database: DatabaseHandle, opts: PagesBenchOptions): Promise<PagesBenchResult> {
  const port = 4800 + Math.floor(Math.random() * 90);
  const origins = publicOrigins({ ROOT_DOMAIN: "localhost", PORT: port });
  const pageCache = new PageCache({ maxBytes: 64 * 2 ** 20, ttlMs: 300_000, log: opts.progress });
  const appWith = (cache: PageCache | null) =>
    createApp({ db: database.db, sites: new SiteResolver(database.db, "localhost"), origins, web: opts.web, databaseKind: database.kind, secure: false, trustProxy: true, media: opts.media, pageCache: cache });
  const cached = appWith(pageCache);
  const uncached = appWith(null);

  let memoryPage: { bytes: Uint8Array<ArrayBuffer>; contentType: string } | null = null;
  let inFlight = 0;
  let hits = 0;
  let answers = 0;
  const server = new Hono();
  server.get("/__bench/bytes", (c) => (memoryPage ? c.body(memoryPage.bytes, 200, { "content-type": memoryPage.contentType }) : c.notFound()));
  server.all("*", async (c) => {
    inFlight++;
    try {
      const response = await (c.req.header("x-bench-cache") === "on" ? cached : uncached).fetch(c.req.raw);
      answers++;
      if (response.headers.get("x-page-cache") === "hit") hits++;
      return response;
    } finally {
      inFlight--;
    }
  });
  const listener = serve({ fetch: server.fetch, port, hostname: "127.0.0.1" });
  const base = `http://127.0.0.1:${port}`;
  const idle = async () => {
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);

  const measure = async (label: string, opts2: { cache: "on" | "off"; pick: () => [string, string] } | { url: string; host: string; cache?: "on" | "off" }): Promise<Rate> => {
    await idle();
    hits = 0;
    answers = 0;
    const options: autocannon.Options =
      "pick" in opts2
        ? {
            url: base,
            duration: opts.seconds,
            connections: opts.connections,
            headers: { "x-bench-cache": opts2.cache },
            requests: [
              {
                setupRequest: (req) => {
                  const [slug, path] = opts2.pick();
                  return { ...req, path, headers: { ...req.headers, host: `${slug}.localhost:${port}` } };
                },
              },
            ],
          }
        : { url: opts2.url, duration: opts.seconds, connections: opts.connections, headers: { host: opts2.host, "x-bench-cache": opts2.cache ?? "off" } };
    const result = await autocannon(options);
    const cacheOn = ("pick" in opts2 ? opts2.cache : opts2.cache) === "on";
    const rate: Rate = { rps: Math.round(result.requests.average), p50ms: result.latency.p50, p99ms: result.latency.p99, non2xx: result.non2xx };
    if (cacheOn) rate.hitRatio = answers ? Number((hits / answers).toFixed(3)) : 0;
    opts.progress(`pages: ${label}: ${rate.rps} req/s, p50 ${rate.p50ms} ms, p99 ${rate.p99ms} ms${rate.hitRatio !== undefined ? `, cache hits ${(rate.hitRatio * 100).toFixed(0)}%` : ""}${rate.non2xx ? `, ${rate.non2xx} non-2xx` : ""}`);
    return rate;
  };

  // (a) The catalogue of one co-op.
  const koratHost = `korat.localhost:${port}`;
  const probe = await request(`${base}/products`, { headers: { host: koratHost } });
  if (probe.status !== 200) throw new Error(`pages bench: /products on korat answered ${probe.status}`);
  memoryPage = { bytes: new Uint8Array(Buffer.from(probe.text, "utf8")), contentType: probe.headers["content-type"] ?? "text/html" };
  const catalogueOff = await measure("catalogue, cache off", { url: `${base}/products`, host: koratHost, cache: "off" });
  const catalogueOn = await measure("catalogue, cache on", { url: `${base}/products`, host: koratHost, cache: "on" });
  const fromMemory = await measure("catalogue bytes from memory", { url: `${base}/__bench/bytes`, host: koratHost });

  // (b) Product pages of random co-ops: the demo co-ops alone, then among many.
  const random = (pages: Array<[string, string]>) => () => pages[Math.floor(Math.random() * pages.length)]!;
  const fewPages = await productPages(database);
  const fewCoops = new Set(fewPages.map(([slug]) => slug)).size;
  const fewOff = await measure(`product pages of ${fewCoops} co-ops, cache off`, { cache: "off", pick: random(fewPages) });
  const fewOn = await measure(`product pages of ${fewCoops} co-ops, cache on`, { cache: "on", pick: random(fewPages) });

  await idle();
  const rssBeforeSeed = process.memoryUsage.rss();
  opts.progress(`pages: seeding ${opts.coops} co-ops with ${PRODUCTS_PER_COOP} products each …`);
  const seedSeconds = await seedCoops(database, opts.coops);
  const rssAfterSeed = process.memoryUsage.rss();
  opts.progress(`pages: seeded in ${seedSeconds} s`);
  const sameOff = await measure(`the same ${fewPages.length} pages with ${opts.coops} more co-ops in the database, cache off`, { cache: "off", pick: random(fewPages) });
  const sameOn = await measure(`the same ${fewPages.length} pages with ${opts.coops} more co-ops in the database, cache on`, { cache: "on", pick: random(fewPages) });
  const manyPages = await productPages(database);
  const manyCoops = new Set(manyPages.map(([slug]) => slug)).size;
  peakRss = process.memoryUsage.rss();
  const manyOff = await measure(`product pages of ${manyCoops} co-ops, cache off`, { cache: "off", pick: random(manyPages) });
  const manyOn = await measure(`product pages of ${manyCoops} co-ops, cache on`, { cache: "on", pick: random(manyPages) });
  // As many pages as the demo co-ops have, but of random co-ops among the many: the cache's lookups with 10,000 co-ops' versions and a full store.
  const hotSet = Array.from({ length: fewPages.length }, random(manyPages));
  const manyHot = await measure(`${hotSet.length} product pages of random co-ops among ${manyCoops}, cache on`, { cache: "on", pick: random(hotSet) });
  await idle();
  clearInterval(sampler);
  listener.close();
  await pageCache.close();

  return {
    catalogue: {
      bytes: memoryPage.bytes.length,
      cacheOff: catalogueOff,
      cacheOn: catalogueOn,
      fromMemory,
      offOverMemory: Number((catalogueOff.rps / fromMemory.rps).toFixed(3)),
      onOverMemory: Number((catalogueOn.rps / fromMemory.rps).toFixed(3)),
    },
    productPages: {
      coops3: { coops: fewCoops, pages: fewPages.length, cacheOff: fewOff, cacheOn: fewOn },
      coopsMany: { coops: manyCoops, pages: manyPages.length, cacheOff: manyOff, cacheOn: manyOn, hotSetCacheOn: manyHot },
      samePagesAmongMany: { cacheOff: sameOff, cacheOn: sameOn },
      seedSeconds,
    },
    rssMiB: { beforeSeed: mib(rssBeforeSeed), afterSeed: mib(rssAfterSeed), peakDuringManyCoops: mib(peakRss), maxRss: Math.round(process.resourceUsage().maxRSS / 1024) },
    pageCache: pageCache.stats,
  };
}

export function printPagesBench(r: PagesBenchResult): void {
  const fmt = (rate: Rate) => `${rate.rps} req/s, p50 ${rate.p50ms} ms, p99 ${rate.p99ms} ms${rate.hitRatio !== undefined ? ` (hits ${(rate.hitRatio * 100).toFixed(0)}%)` : ""}`;
  console.log(`catalogue page (korat /products, ${r.catalogue.bytes} B):`);
  console.log(`  cache off:              ${fmt(r.catalogue.cacheOff)}  (${r.catalogue.offOverMemory} of memory)`);
  console.log(`  cache on:               ${fmt(r.catalogue.cacheOn)}  (${r.catalogue.onOverMemory} of memory)`);
  console.log(`  same bytes from memory: ${fmt(r.catalogue.fromMemory)}`);
  const p = r.productPages;
  console.log(`product pages of random co-ops (${p.coops3.coops} co-ops, ${p.coops3.pages} pages): off ${fmt(p.coops3.cacheOff)}; on ${fmt(p.coops3.cacheOn)}`);
  console.log(`product pages of random co-ops (${p.coopsMany.coops} co-ops, ${p.coopsMany.pages} pages; seeded in ${p.seedSeconds} s): off ${fmt(p.coopsMany.cacheOff)}; on ${fmt(p.coopsMany.cacheOn)}`);
  console.log(`the same ${p.coops3.pages} pages with ${p.coopsMany.coops} co-ops in the database: off ${fmt(p.samePagesAmongMany.cacheOff)}; on ${fmt(p.samePagesAmongMany.cacheOn)}`);
  console.log(`  with many / with 3 co-ops, same pages: cache off ${(p.samePagesAmongMany.cacheOff.rps / p.coops3.cacheOff.rps).toFixed(2)}, cache on ${(p.samePagesAmongMany.cacheOn.rps / p.coops3.cacheOn.rps).toFixed(2)}`);
  console.log(`  the same number of pages (${p.coops3.pages}) of random co-ops among the ${p.coopsMany.coops}, cache on: ${fmt(p.coopsMany.hotSetCacheOn)}`);
  console.log(`  many / few co-ops, cache off: ${(p.coopsMany.cacheOff.rps / p.coops3.cacheOff.rps).toFixed(2)}; cache on, all pages: ${(p.coopsMany.cacheOn.rps / p.coops3.cacheOn.rps).toFixed(2)}; cache on, as many pages: ${(p.coopsMany.hotSetCacheOn.rps / p.coops3.cacheOn.rps).toFixed(2)}`);
  console.log(`RSS: ${r.rssMiB.beforeSeed} MiB before the seed, ${r.rssMiB.afterSeed} MiB after, peak ${r.rssMiB.peakDuringManyCoops} MiB while serving the many co-ops (max RSS of the run ${r.rssMiB.maxRss} MiB); page cache ${r.pageCache.entries} pages, ${mib(r.pageCache.bytes)} of ${mib(r.pageCache.maxBytes)} MiB`);
}
