import { type Database, type Kysely, sql } from "@coop/db";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Connections of the PostgreSQL pool (none for the embedded database). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/**
 * A route label with few values, so the metrics stay small: the tRPC procedure(s) of a call,
 * the fixed server paths, and one label per web app for pages (paths carry ids and tokens, and
 * never go into a label).
 */
export function routeLabel(path: string, siteKind: string): string {
  if (path.startsWith("/trpc/")) {
    const procedures = decodeURIComponent(path.slice("/trpc/".length)).split(",");
    const shown = procedures.slice(0, 3).map((p) => (/^[a-zA-Z][\w.]{0,80}$/.test(p) ? p : "invalid"));
    return `trpc:${shown.join(",")}${procedures.length > 3 ? ",…" : ""}`;
  }
  for (const fixed of ["/healthz", "/readyz", "/metrics", "/_tls/ask", "/webhooks/stripe"]) if (path === fixed) return fixed;
  for (const prefix of ["/assets/", "/media/", "/api/v1/", "/open-data/", "/feeds/", "/_dev/mail", "/admin/uploads/"]) {
    if (path.startsWith(prefix)) return prefix.replace(/\/$/, "");
  }
  return siteKind === "network" ? "page:network" : "page:coop";
}

/**
 * The server's Prometheus metrics: request rate and latency per route, the database pool, the
 * outbox's depth and the age of its oldest waiting message (read from the database on each
 * scrape), orders placed, and Node's own process metrics.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<"method" | "route" | "status">;
  readonly duration: Histogram<"method" | "route">;
  readonly ordersPlaced: Counter;

  constructor(deps: { db: Kysely<Database>; poolStats?: () => PoolStats | null }) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({ name: "http_requests_total", help: "HTTP requests answered", labelNames: ["method", "route", "status"], registers });
    this.duration = new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer an HTTP request",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.ordersPlaced = new Counter({ name: "orders_placed_total", help: "Orders placed through checkout", registers });
    new Gauge({
      name: "db_pool_connections",
      help: "PostgreSQL pool connections by state (absent for the embedded database)",
      labelNames: ["state"],
      registers,
      collect() {
        const stats = deps.poolStats?.();
        if (!stats) return;
        this.set({ state: "total" }, stats.total);
        this.set({ state: "idle" }, stats.idle);
        this.set({ state: "waiting" }, stats.waiting);
      },
    });
    // One query per scrape serves both outbox gauges (they may be collected concurrently).
    const outbox = { depth: 0, oldest: 0, ok: true };
    let pending: { promise: Promise<void>; at: number } | null = null;
    const refreshOutbox = () => {
      if (!pending || Date.now() - pending.at > 1000) pending = { promise: readOutbox(), at: Date.now() };
      return pending.promise;
    };
    const readOutbox = async () => {
      try {
        const row = await sql<{ depth: number; oldest: number | null }>`
          SELECT count(*)::int AS depth, extract(epoch FROM now() - min(created_at))::float8 AS oldest
          FROM outbox WHERE processed_at IS NULL`.execute(deps.db);
        outbox.depth = row.rows[0]?.depth ?? 0;
        outbox.oldest = row.rows[0]?.oldest ?? 0;
        outbox.ok = true;
      } catch {
        outbox.ok = false; // the database is away: report nothing rather than a stale figure
      }
    };
    new Gauge({
      name: "outbox_pending",
      help: "Messages waiting in the outbox",
      registers,
      async collect() {
        await refreshOutbox();
        if (outbox.ok) this.set(outbox.depth);
      },
    });
    new Gauge({
      name: "outbox_oldest_pending_seconds",
      help: "Age of the oldest message waiting in the outbox",
      registers,
      async collect() {
        await refreshOutbox();
        if (outbox.ok) this.set(outbox.oldest);
      },
    });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.duration.observe({ method, route }, seconds);
  }
}
