import { createHash } from "node:crypto";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { z } from "zod";
import type { OutboxHandler, OutboxJob } from "./worker.ts";

export const LINE_API_BASE_URL = "https://api.line.me";

/** The shape of a `line_push` outbox payload (written by orders/notify.ts). */
export const linePushPayloadSchema = z.object({
  to: z.string().min(1).max(100),
  messages: z.array(z.object({ type: z.literal("text"), text: z.string().min(1).max(5_000) })).min(1).max(5),
});

export interface LinePushHandlerOptions {
  /** Defaults to https://api.line.me; tests point it at a local server. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Per request; LINE answers in well under a second. */
  timeoutMs?: number;
}

/**
 * The same outbox row always sends the same retry key, so LINE delivers a push at most once
 * even when the worker sends it again after a crash or a timeout (LINE answers 409 then).
 * A UUID (version 5 layout) from the row's id and creation time, which keep it unique when a
 * database is re-created and its outbox ids start again at 1.
 */
export function lineRetryKeyFor(job: Pick<OutboxJob, "id" | "createdAt">): string {
  const bytes = createHash("sha256").update(`sahakorn:line_push:${job.id}:${job.createdAt.getTime()}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Sends the `line_push` rows: POST /v2/bot/message/push with the co-op's channel token, read
 * from its tenant row at send time (the token never sits in the outbox). A co-op that removed
 * its token meanwhile gets nothing sent; a 409 means LINE already accepted this retry key.
 */
export function createLinePushHandler(db: Kysely<Database>, options: LinePushHandlerOptions = {}): OutboxHandler {
  const base = (options.baseUrl ?? LINE_API_BASE_URL).replace(/\/+$/, "");
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return async (job) => {
    const payload = linePushPayloadSchema.parse(job.payload);
    const tenantId = job.forTenantId;
    if (!tenantId) throw new Error("line_push without for_tenant_id");
    const tenant = await withTenant(db, tenantId, (trx) =>
      trx.selectFrom("tenants").select(["line_channel_token"]).where("id", "=", tenantId).executeTakeFirst(),
    );
    const token = tenant?.line_channel_token;
    if (!token) return;
    const response = await send(`${base}/v2/bot/message/push`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${token}`,
        "X-Line-Retry-Key": lineRetryKeyFor(job),
      },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.ok || response.status === 409) {
      await response.body?.cancel();
      return;
    }
    const detail = (await response.text().catch(() => "")).slice(0, 500);
    throw new Error(`LINE push answered ${response.status}: ${detail}`);
  };
}
