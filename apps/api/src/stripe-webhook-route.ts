import { handleStripeWebhook, StripeDisabledError, StripeSignatureError, type StripeRuntime, stripeRuntime } from "@coop/core";
import type { Database, Kysely } from "@coop/db";
import { coopSiteUrl, type PublicOrigins } from "@coop/trpc";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";

/** Stripe's events are a few kilobytes; anything near this is not from Stripe. */
export const STRIPE_WEBHOOK_MAX_BYTES = 512 * 1024;

type WebhookEnv = { Variables: { requestId: string } };

export interface StripeWebhookDeps {
  db: Kysely<Database>;
  /** Defaults to the process's runtime (read from the environment); null: Stripe is off. */
  runtime?: StripeRuntime | null;
  /** For the e-mail to a customer whose late payment is refunded (a link to the order on the co-op's site). */
  origins?: PublicOrigins;
}

/**
 * POST /webhooks/stripe: Stripe's calls, verified by signature on the exact bytes received (so
 * the body is read raw, never parsed and re-serialised first). 200 once the event is stored (or
 * was already): Stripe stops retrying; 400 on a bad signature (nothing stored); 404 when Stripe is
 * not configured; a 500 makes Stripe retry later, and the transaction left nothing behind.
 *
 * Stripe sends no Origin header, so the same-origin check for POSTs lets it through; the
 * signature is what authenticates it. Mount before the web apps' catch-all.
 */
export function mountStripeWebhook<E extends WebhookEnv>(app: Hono<E>, deps: StripeWebhookDeps): void {
  app.post(
    "/webhooks/stripe",
    bodyLimit({ maxSize: STRIPE_WEBHOOK_MAX_BYTES, onError: (c) => c.json({ error: "payload_too_large" }, 413) }),
    async (c) => {
      const runtime = deps.runtime === undefined ? stripeRuntime() : deps.runtime;
      if (!runtime) return c.json({ error: "not_found" }, 404);
      const rawBody = Buffer.from(await c.req.arrayBuffer());
      try {
        const notices = deps.origins ? { coopSiteOrigin: (slug: string) => coopSiteUrl(deps.origins!, slug) } : undefined;
        const result = await handleStripeWebhook(deps.db, rawBody, c.req.header("stripe-signature"), runtime, notices);
        return c.json({ received: true, duplicate: !result.stored });
      } catch (error) {
        if (error instanceof StripeSignatureError) return c.json({ error: "bad_signature" }, 400);
        if (error instanceof StripeDisabledError) return c.json({ error: "not_found" }, 404);
        console.error(`[stripe] webhook failed request=${(c as unknown as Context<WebhookEnv>).get("requestId")}`, error);
        return c.json({ error: "internal_error" }, 500);
      }
    },
  );
}
