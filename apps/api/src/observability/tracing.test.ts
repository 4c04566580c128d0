import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { generatePassword, hashPassword } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "@coop/db/testing";
import { seedDemoData } from "@coop/db/seed";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { publicOrigins } from "../origins.ts";
import { SiteResolver } from "../site-resolver.ts";
import type { WebApp, WebAppName } from "../web.ts";
import { createLogger } from "./log.ts";
import { SERVICE_NAME, startTracing, type Tracing } from "./tracing.ts";

/** The OTLP/JSON shapes this test reads. */
interface OtlpAttribute { key: string; value: { stringValue?: string; intValue?: number | string } }
interface OtlpSpan { name: string; traceId: string; spanId: string; parentSpanId?: string; attributes: OtlpAttribute[] }
interface OtlpExport { resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { spans: OtlpSpan[] }[] }[] }

const attr = (list: OtlpAttribute[], key: string) => {
  const value = list.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

// A page answer stands in for the built web apps: this test is about the spans, not the pages.
const fakeWebApp = (name: WebAppName): WebApp => ({
  name,
  clientDir: mkdtempSync(path.join(tmpdir(), `tracing-test-${name}-`)),
  handle: async () => new Response("page", { status: 200, headers: { "content-type": "text/plain" } }),
});

let t: TestDatabase;
let collector: Server;
let server: ReturnType<typeof serve>;
let tracing: Tracing;
let appPort = 0;
const bodies: string[] = [];
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, { hashPassword, newPassword: generatePassword });
  // A stand-in OpenTelemetry collector: OTLP/HTTP with JSON bodies at /v1/traces.
  collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.url === "/v1/traces") bodies.push(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  collector.listen(0, "127.0.0.1");
  await once(collector, "listening");
  // The same OTLP/HTTP exporter as production, pointed at the local collector.
  tracing = startTracing({ endpoint: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`, serviceVersion: "9.9.9-test" });

  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().trim().split("\n")) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = createApp({
    db: t.db,
    sites: new SiteResolver(t.db, "localhost", 0),
    origins: publicOrigins({ ROOT_DOMAIN: "localhost", PORT: 3000 }),
    web: { storefront: fakeWebApp("storefront"), network: fakeWebApp("network") },
    databaseKind: t.kind,
    secure: false,
    trustProxy: false,
    media: new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "media-"))),
    logger: createLogger({ destination: sink, mixin: () => tracing.logFields() }),
    tracing,
  });
  server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await once(server, "listening");
  appPort = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server?.close();
  collector?.close();
  await t?.destroy();
});

/** A real HTTP request (the http instrumentation sees sockets, not app.request()). */
function get(pathname: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: appPort, path: pathname, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

describe(`OpenTelemetry tracing (${TEST_ENGINE})`, () => {
  it("exports a span per request with route, site, request id and status — and no personal data — once shutdown flushes", async () => {
    const host = "korat.localhost:3000";
    expect(await get("/trpc/site.current", { host, "x-request-id": "req-trace-1", "user-agent": "secret-agent/1.0" })).toBe(200);
    expect(await get("/orders/track/very-secret-tracking-token?phone=0812345678", { host, "x-request-id": "req-trace-2" })).toBe(200);
    expect(await get("/healthz", { host })).toBe(200);

    // The batch processor holds spans for seconds; shutdown must send them all before it resolves.
    await tracing.shutdown();
    const exported = bodies.map((b) => JSON.parse(b) as OtlpExport);
    const resource = exported[0]!.resourceSpans[0]!.resource.attributes;
    expect(attr(resource, "service.name")).toBe(SERVICE_NAME);
    expect(attr(resource, "service.version")).toBe("9.9.9-test");
    const spans = exported.flatMap((e) => e.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));

    const procedure = spans.find((s) => attr(s.attributes, "coop.request_id") === "req-trace-1")!;
    expect(procedure.name).toBe("GET trpc:site.current");
    expect(attr(procedure.attributes, "http.route")).toBe("trpc:site.current");
    expect(attr(procedure.attributes, "coop.site")).toBe("korat");
    expect(attr(procedure.attributes, "http.response.status_code")).toBe(200);

    const page = spans.find((s) => attr(s.attributes, "coop.request_id") === "req-trace-2")!;
    expect(page.name).toBe("GET page:coop");

    // Probes are not traced; paths, query strings, user agents and addresses are not exported.
    expect(spans.some((s) => s.name.includes("healthz"))).toBe(false);
    const everything = bodies.join("\n");
    for (const secret of ["very-secret-tracking-token", "0812345678", "secret-agent", "127.0.0.1:"]) expect(everything).not.toContain(secret);

    // On PostgreSQL the queries of the request are child spans in the same trace.
    if (t.kind === "postgres") {
      const queries = spans.filter((s) => s.traceId === procedure.traceId && s.name.startsWith("pg."));
      expect(queries.length).toBeGreaterThan(0);
    }

    // The request's log line carries the trace id, so logs and traces join up.
    const line = logLines.find((l) => l.requestId === "req-trace-1")!;
    expect(line.traceId).toBe(procedure.traceId);
  });
});
