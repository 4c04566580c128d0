import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { generatePassword, hashPassword } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { seedDemoData } from "@coop/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { publicOrigins } from "../origins.ts";
import { SiteResolver } from "../site-resolver.ts";
import { loadWebApp } from "../web.ts";
import { createLogger } from "./log.ts";
import { ServerMetrics } from "./metrics.ts";

const TOKEN = "scrape-token-0123456789";
let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, { hashPassword, newPassword: generatePassword });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().trim().split("\n")) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = createApp({
    db: t.db,
    sites: new SiteResolver(t.db, "localhost", 0),
    origins: publicOrigins({ ROOT_DOMAIN: "localhost", PORT: 3000 }),
    web: { storefront: await loadWebApp("storefront", "production"), network: await loadWebApp("network", "production") },
    databaseKind: t.kind,
    secure: false,
    trustProxy: false,
    media: new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "media-"))),
    metrics: new ServerMetrics({ db: t.db }),
    metricsToken: TOKEN,
    logger: createLogger({ destination: sink }),
  });
});
afterAll(async () => t?.destroy());

describe("the server's metrics and request log", () => {
  it("logs each request as JSON with its id, site and route, and never the path's secrets", async () => {
    const page = await app.request("/", { headers: { host: "korat.localhost:3000", "x-request-id": "req-home" } });
    expect(page.status).toBe(200);
    await app.request("/orders/track/very-secret-tracking-token", { headers: { host: "korat.localhost:3000" } });
    expect(lines.find((l) => l.requestId === "req-home")).toMatchObject({ msg: "request", site: "korat", route: "page:coop", status: 200, userId: null });
    expect(JSON.stringify(lines)).not.toContain("very-secret-tracking-token");
  });

  it("serves /metrics only to the token's holder (or this machine), with the requests counted by route", async () => {
    expect((await app.request("/metrics", { headers: { host: "localhost:3000" } })).status).toBe(404);
    expect((await app.request("/metrics", { headers: { host: "localhost:3000", authorization: "Bearer wrong-token-000000" } })).status).toBe(404);
    const scraped = await app.request("/metrics", { headers: { host: "localhost:3000", authorization: `Bearer ${TOKEN}` } });
    expect(scraped.status).toBe(200);
    const text = await scraped.text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="page:coop",status="200"\} [1-9]/);
    expect(text).toContain("outbox_pending");
  });

  it("answers Caddy's certificate question for co-op hosts", async () => {
    expect((await app.request("/_tls/ask?domain=korat.localhost", { headers: { host: "localhost:3000" } })).status).toBe(200);
    expect((await app.request("/_tls/ask?domain=nobody.localhost", { headers: { host: "localhost:3000" } })).status).toBe(404);
  });
});
