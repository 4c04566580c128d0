import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLinePushHandler, lineRetryKeyFor } from "./line.ts";
import type { OutboxJob } from "./worker.ts";

let t: TestDatabase;
let server: Server;
let baseUrl: string;
let coop: string;
let answer = 200;
const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  t = await createTestDatabase();
  const row = await t.db
    .insertInto("tenants")
    .values({ slug: "line-coop", name_th: "สหกรณ์ไลน์", province_code: 30, region_id: 5, status: "active" })
    .returning("id")
    .executeTakeFirstOrThrow();
  coop = row.id;
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      res.writeHead(answer, { "Content-Type": "application/json" }).end(answer === 200 ? "{}" : '{"message":"nope"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.destroy();
});
beforeEach(() => {
  seen.length = 0;
  answer = 200;
});

const setToken = (token: string | null) =>
  withTenant(t.db, coop, (trx) => trx.updateTable("tenants").set({ line_channel_token: token }).where("id", "=", coop).execute());

const payload = { to: "U0123456789abcdef", messages: [{ type: "text", text: "คำสั่งซื้อใหม่ KR-000001" }] };
const job = (id: number, forTenantId: string | null = coop): OutboxJob => ({
  id, kind: "line_push", payload, forTenantId, attempts: 0, createdAt: new Date("2026-11-26T06:00:00Z"),
});

describe("LINE push handler", () => {
  it("POSTs the payload to /v2/bot/message/push with the co-op's token and a stable retry key", async () => {
    await setToken("channel-token-1");
    const handler = createLinePushHandler(t.db, { baseUrl });
    await handler(job(7));
    await handler(job(7));
    expect(seen).toHaveLength(2);
    const [first, second] = seen;
    expect(first!.method).toBe("POST");
    expect(first!.url).toBe("/v2/bot/message/push");
    expect(first!.headers["authorization"]).toBe("Bearer channel-token-1");
    expect(first!.headers["content-type"]).toBe("application/json");
    expect(first!.headers["x-line-retry-key"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first!.headers["x-line-retry-key"]).toBe(lineRetryKeyFor(job(7)));
    expect(second!.headers["x-line-retry-key"]).toBe(first!.headers["x-line-retry-key"]);
    expect(lineRetryKeyFor(job(8))).not.toBe(lineRetryKeyFor(job(7)));
    expect(JSON.parse(first!.body)).toEqual(payload);
  });

  it("treats 409 (already accepted for this retry key) as done, and other errors as failures to retry", async () => {
    await setToken("channel-token-1");
    const handler = createLinePushHandler(t.db, { baseUrl });
    answer = 409;
    await expect(handler(job(9))).resolves.toBeUndefined();
    answer = 500;
    await expect(handler(job(9))).rejects.toThrow(/500.*nope/);
  });

  it("sends nothing once the co-op has removed its token, and refuses malformed payloads", async () => {
    await setToken(null);
    const handler = createLinePushHandler(t.db, { baseUrl });
    await handler(job(10));
    expect(seen).toEqual([]);
    await expect(handler({ ...job(11), payload: { to: "U1", messages: [] } })).rejects.toThrow();
    await expect(handler(job(12, null))).rejects.toThrow(/for_tenant_id/);
  });
});
