/**
 * Graceful shutdown of the real server (`src/main.ts` under tsx): a request that is still being
 * received when SIGTERM arrives is answered in full, new connections are refused, the outbox and
 * the database are closed, the last traces reach the collector, and the process exits with 0.
 */
import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./harness.ts";

let collector: Server;
const traceBodies: string[] = [];
let server: RunningServer;

beforeAll(async () => {
  // A stand-in OpenTelemetry collector (OTLP/HTTP, JSON), so the test also sees tracing flushed at exit.
  collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.url === "/v1/traces") traceBodies.push(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  collector.listen(0, "127.0.0.1");
  await once(collector, "listening");
  server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}` });
});

afterAll(async () => {
  await server?.stop();
  collector?.close();
});

describe("graceful shutdown", () => {
  it("finishes a request in flight at SIGTERM, flushes traces and exits 0", async () => {
    const host = `localhost:${server.port}`;
    const body = JSON.stringify({ email: "nobody@example.test", password: "wrong-password-123" });
    // The body trickles in: the request is in flight (headers read, body not) when SIGTERM arrives.
    let headersSent!: () => void;
    const started = new Promise<void>((resolve) => (headersSent = resolve));
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: "127.0.0.1", port: server.port, method: "POST", path: "/trpc/auth.signIn", headers: { host, origin: `http://${host}`, "content-type": "application/json", "transfer-encoding": "chunked" } },
        (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 10), () => headersSent());
      setTimeout(() => req.end(body.slice(10)), 1_500);
      // Finished only after the signal below has been delivered.
    });
    await started;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = new Promise<number | null>((resolve) => server.process.once("exit", (code) => resolve(code)));
    server.process.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));

    // No new connections while it drains.
    await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();

    const answer = await answered;
    expect(answer.status).toBeLessThan(500);
    expect(answer.text).toContain("error"); // tRPC's complete answer to a wrong password, not a cut connection
    expect(await exited).toBe(0);
    expect(server.output()).toContain("SIGTERM received");

    // The request's span was exported before the process ended (the batch would otherwise wait seconds).
    expect(traceBodies.join("\n")).toContain("trpc:auth.signIn");
  });
});
