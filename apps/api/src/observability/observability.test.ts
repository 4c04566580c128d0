import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, logRequest } from "./log.ts";
import { routeLabel, ServerMetrics } from "./metrics.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

describe("route labels", () => {
  it("name procedures and fixed paths, and never carry ids or tokens", () => {
    expect(routeLabel("/trpc/catalog.list", "coop")).toBe("trpc:catalog.list");
    expect(routeLabel("/trpc/cart.get,site.current", "coop")).toBe("trpc:cart.get,site.current");
    expect(routeLabel("/trpc/a,b,c,d,e", "coop")).toBe("trpc:a,b,c,…");
    expect(routeLabel("/trpc/<script>", "coop")).toBe("trpc:invalid");
    expect(routeLabel("/orders/track/3f9a1c0e-secret-token", "coop")).toBe("page:coop");
    expect(routeLabel("/knowledge/korat/123", "network")).toBe("page:network");
    expect(routeLabel("/media/t/abc/photo-640.webp", "coop")).toBe("/media");
    expect(routeLabel("/healthz", "network")).toBe("/healthz");
  });
});

describe("metrics", () => {
  it("count requests by route and status, time them, and read the outbox from the database", async () => {
    const metrics = new ServerMetrics({ db: t.db, poolStats: () => ({ total: 5, idle: 3, waiting: 1 }) });
    metrics.observe("GET", "page:coop", 200, 0.042);
    metrics.observe("GET", "page:coop", 200, 0.3);
    metrics.observe("POST", "trpc:checkout.place", 409, 0.01);
    metrics.ordersPlaced.inc();
    await t.db.insertInto("outbox").values({ kind: "email", payload: JSON.stringify({}) }).execute();
    const text = await metrics.registry.metrics();
    expect(text).toContain('http_requests_total{method="GET",route="page:coop",status="200"} 2');
    expect(text).toContain('http_requests_total{method="POST",route="trpc:checkout.place",status="409"} 1');
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0.05",method="GET",route="page:coop"\} 1/);
    expect(text).toContain("orders_placed_total 1");
    expect(text).toContain('db_pool_connections{state="waiting"} 1');
    expect(text).toContain("outbox_pending 1");
    expect(text).toMatch(/outbox_oldest_pending_seconds \d/);
    expect(text).toContain("process_cpu_user_seconds_total");
  });
});

describe("structured log", () => {
  it("writes one JSON line per request with id, site and user, at a level by status, and masks personal data", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().trim().split("\n"));
        done();
      },
    });
    const logger = createLogger({ destination: sink });
    logRequest(logger, { requestId: "r1", site: "korat", userId: "u1", method: "GET", route: "page:coop", status: 200, ms: 12 });
    logRequest(logger, { requestId: "r2", site: "network", userId: null, method: "POST", route: "trpc:auth.signIn", status: 401, ms: 30 });
    logger.info({ user: { email: "a@b.test", id: "u1" } }, "something");
    const [ok, denied, masked] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(ok).toMatchObject({ level: "info", msg: "request", requestId: "r1", site: "korat", userId: "u1", status: 200, service: "sahakorn" });
    expect(denied).toMatchObject({ level: "warn", requestId: "r2", userId: null });
    expect(masked).toMatchObject({ user: { email: "[redacted]", id: "u1" } });
  });
});
