import { mkdirSync, writeFileSync } from "node:fs";
import type { Server as HttpServer } from "node:http";
import path from "node:path";
import {
  generatePassword, hashPassword, onOrderPlaced, purgeStaleCarts, purgeStaleMarketCarts, reindexAllProducts, seedDemoDirectory, seedDemoKnowledge, seedDemoSeminars,
} from "@coop/core";
import { createStripeOutboxHandlers, startCheckoutExpiryTimer, stripeRuntime } from "@coop/core";
import { createMediaDeleteHandler, createMediaStorage, MEDIA_DELETE_KIND, readMediaEnv } from "@coop/core/media";
import { createEmailHandler, createLinePushHandler, createMailer, LINE_PUSH_KIND, startOutboxWorker } from "@coop/core/outbox";
import { assertSafeAppRole } from "@coop/db";
import { type DemoAccount, isDemoSeeded, seedDemoData, DEMO_COOPS } from "@coop/db/seed";
import { EnvError } from "@coop/config";
import { serve } from "@hono/node-server";
import { coopSiteUrl } from "@coop/trpc";
import { createApp } from "./app.ts";
import { createLogger } from "./observability/log.ts";
import { ServerMetrics } from "./observability/metrics.ts";
import { PageCache } from "./page-cache/page-cache.ts";
import { readApiEnv } from "./env.ts";
import { publicOrigins } from "./origins.ts";
import { migrateServerDatabase, openServerDatabase } from "./server-database.ts";
import { SiteResolver } from "./site-resolver.ts";
import { loadWebApp } from "./web.ts";

async function main() {
  const env = readApiEnv();
  // First, so the database pool and the HTTP server are created with tracing in place; loaded only when configured.
  const tracing = env.OTEL_EXPORTER_OTLP_ENDPOINT ? (await import("./observability/tracing.ts")).startTracing({ endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT }) : null;
  const { database, dataDir, embedded, close: closeDatabase } = await openServerDatabase(env);
  // Where a separate step migrates (the cluster's Job), servers start on the schema it left.
  const applied = (env.MIGRATE_ON_START ?? true) ? await migrateServerDatabase(database, env) : [];
  if (applied.length > 0) console.info(`Database migrated: ${applied.join(", ")}`);
  await assertSafeAppRole(database.db, { warnOnSuperuserLogin: database.kind === "postgres" });

  const origins = publicOrigins(env);
  const seedDemo = env.SEED_DEMO ?? embedded;
  if (seedDemo && !(await isDemoSeeded(database.db))) {
    const accounts = await seedDemoData(database.db, { hashPassword, newPassword: generatePassword });
    // The demo products were written by the seed, not the catalogue: put them in the search index.
    await reindexAllProducts(database.db);
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, "demo-accounts.txt");
    writeFileSync(file, formatAccounts(accounts), { mode: 0o600 });
    console.info(`\nDemo data created. Demo accounts (also saved in ${file}):\n${formatAccounts(accounts)}`);
  }
  if (seedDemo) {
    // Each of these adds only what is missing, so a database seeded by an older version gains the knowledge demo too.
    await seedDemoDirectory(database.db);
    await seedDemoKnowledge(database.db);
    await seedDemoSeminars(database.db);
  }

  const mode = env.NODE_ENV === "production" ? "production" : "development";
  const web = { storefront: await loadWebApp("storefront", mode), network: await loadWebApp("network", mode) };
  const sites = new SiteResolver(database.db, env.ROOT_DOMAIN);
  // One JSON line per request on stdout; Prometheus metrics at /metrics (loopback, or METRICS_TOKEN).
  const logger = createLogger({ level: env.LOG_LEVEL, mixin: tracing ? () => tracing.logFields() : undefined });
  const metrics = new ServerMetrics({ db: database.db, poolStats: () => database.poolStats() });
  onOrderPlaced(() => metrics.ordersPlaced.inc());
  const media = createMediaStorage(readMediaEnv(), dataDir);
  const pageCache =
    env.PAGE_CACHE === "on"
      ? new PageCache({
          maxBytes: env.PAGE_CACHE_MAX_MB * 1024 * 1024,
          ttlMs: env.PAGE_CACHE_TTL_SECONDS * 1000,
          redisUrl: env.REDIS_URL,
          log: (message) => logger.warn(message),
        })
      : null;
  // Briefly: with Redis late or down the server starts anyway, caching in memory until it is there.
  await pageCache?.whenReady(2_000);
  const app = createApp({
    db: database.db,
    sites,
    origins,
    web,
    databaseKind: database.kind,
    secure: origins.network.startsWith("https:"),
    trustProxy: env.TRUST_PROXY ?? false,
    media,
    metrics,
    metricsToken: env.METRICS_TOKEN,
    logger,
    tracing: tracing ?? undefined,
    pageCache,
  });
  const mailer = createMailer(env, database.db);
  const outbox = startOutboxWorker(database.db, {
    email: createEmailHandler(mailer),
    [MEDIA_DELETE_KIND]: createMediaDeleteHandler(database.db, media),
    [LINE_PUSH_KIND]: createLinePushHandler(database.db),
    // Stripe refunds and marketplace transfers (none when Stripe is off).
    ...createStripeOutboxHandlers(database.db, stripeRuntime()),
  });
  // Stripe orders whose payment page expired and whose webhook never came are settled every 5 minutes.
  const checkoutExpiry = startCheckoutExpiryTimer(database.db, stripeRuntime(), { notices: { coopSiteOrigin: (slug) => coopSiteUrl(origins, slug) } });
  // Daily housekeeping: carts nobody touched for 30 days are forgotten, the co-ops' and the
  // marketplace's (a minute after start, then every day).
  const purgeCarts = () =>
    Promise.all([purgeStaleCarts(database.db), purgeStaleMarketCarts(database.db)])
      .then(([coop, market]) => coop + market > 0 && console.info(`Removed ${coop + market} abandoned cart(s).`))
      .catch((error: unknown) => console.error("Cart clean-up failed:", error));
  const housekeeping = [setTimeout(() => void purgeCarts(), 60_000), setInterval(() => void purgeCarts(), 86_400_000)];
  for (const timer of housekeeping) timer.unref();

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => {
    const lines = [
      `Sahakorn Network is running (${database.kind === "pglite" ? `embedded database in ${dataDir}` : "PostgreSQL"}).`,
      `  Network site:   ${origins.network}`,
      ...DEMO_COOPS.map((c) => `  Co-op site:     ${coopSiteUrl(origins, c.slug)}`),
      `  Health:         ${origins.network}/healthz  ${origins.network}/readyz`,
    ];
    if (embedded) lines.push(`  Demo accounts:  ${path.join(dataDir, "demo-accounts.txt")}`);
    if (mailer.mode === "dev-mailbox") lines.push(`  E-mail:         not sent (no SMTP_URL); read it at ${origins.network}/_dev/mail`);
    console.info(lines.join("\n"));
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`${signal} received: finishing open requests, then closing the database.`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    for (const timer of housekeeping) clearTimeout(timer);
    checkoutExpiry.stop();
    // close() drops the connections idle right now; keep-alive ones whose answer ends later would
    // otherwise hold the exit for their 5-second timeout, so drop those as soon as they go idle.
    const dropIdle = setInterval(() => (server as HttpServer).closeIdleConnections(), 100);
    dropIdle.unref();
    server.close(async () => {
      await outbox.stop();
      await mailer.close();
      await closeDatabase();
      await pageCache?.close();
      // Last, so the spans of the requests and jobs finished above are sent too.
      await tracing?.shutdown().catch((error: unknown) => console.error("Sending the last traces failed:", error));
      process.exit(0);
    });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

function formatAccounts(accounts: DemoAccount[]): string {
  return accounts.map((a) => `  ${a.email}  password: ${a.password}  (${a.note})`).join("\n") + "\n";
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) console.error(error.message);
  else console.error("Server failed to start:", error);
  process.exit(1);
});
