/**
 * The database cannot be reached (stopped, restarting, network cut): every answer is a clean 503
 * with Retry-After — JSON with the site.unavailable message for /trpc, a Thai/English page for
 * pages, /readyz 503 — never a 500 or a stack trace. (A real restart under load, and the
 * recovery, are exercised by `npm run faults`; here the pool points at a port nobody listens on.)
 */
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { LocalDiskStorage } from "@coop/core/media";
import { createDatabase, type DatabaseHandle } from "@coop/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { publicOrigins } from "./origins.ts";
import { SiteResolver } from "./site-resolver.ts";
import type { WebApp } from "./web.ts";

let database: DatabaseHandle;
let app: ReturnType<typeof createApp>;

/** A port that was free a moment ago: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 1));
    });
  });
}

// Like React Router with a loader that threw: a 500 error page.
const failingWebApp = (name: WebApp["name"]): WebApp => ({
  name,
  clientDir: mkdtempSync(path.join(tmpdir(), "no-web-")),
  handle: async (_request, context) => {
    try {
      await context.trpc.search.filters();
      return new Response("page", { status: 200 });
    } catch {
      return new Response("Something went wrong", { status: 500 });
    }
  },
});

beforeAll(async () => {
  database = await createDatabase({ url: `postgres://coop_app@127.0.0.1:${await closedPort()}/nowhere` });
  app = createApp({
    db: database.db,
    sites: new SiteResolver(database.db, "localhost", 0),
    origins: publicOrigins({ ROOT_DOMAIN: "localhost", PORT: 3000 }),
    web: { storefront: failingWebApp("storefront"), network: failingWebApp("network") },
    databaseKind: "postgres",
    secure: false,
    trustProxy: false,
    media: new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "media-"))),
  });
});
afterAll(async () => {
  await database?.close();
});

const STACK = /\bat .*\.[tj]sx?:\d+|ECONNREFUSED|node_modules/;

describe("database unreachable", () => {
  it("/readyz says 503 with Retry-After", async () => {
    const res = await app.request("/readyz", { headers: { host: "localhost:3000" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
  });

  it.each([
    ["a procedure on the network host", "localhost:3000", "/trpc/search.filters"],
    ["a procedure on a co-op host (the co-op is looked up first)", "korat.localhost:3000", "/trpc/catalog.categories"],
  ])("%s: 503 JSON with the site.unavailable message", async (_what, host, url) => {
    const res = await app.request(url, { headers: { host } });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await res.text();
    expect(body).not.toMatch(STACK);
    expect((JSON.parse(body) as { error: { data: { messageKey: string } } }).error.data.messageKey).toBe("site.unavailable");
  });

  it.each([
    ["th", "localhost:3000", "/", "ระบบขัดข้องชั่วคราว"],
    ["en", "localhost:3000", "/?lang=en", "briefly unavailable"],
    ["th", "korat.localhost:3000", "/products", "ระบบขัดข้องชั่วคราว"],
  ])("a page (%s, %s%s) is a 503 page in the reader's language", async (_locale, host, url, text) => {
    const res = await app.request(url, { headers: { host, accept: "text/html" } });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.headers.get("content-type")).toContain("text/html");
    const body = await res.text();
    expect(body).toContain(text);
    expect(body).not.toMatch(STACK);
  });
});
