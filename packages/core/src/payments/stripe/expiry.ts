import { type Database, type Kysely, withTenant } from "@coop/db";
import type Stripe from "stripe";
import type { StripeRuntime } from "./client.ts";
import { announceStockChanged } from "../../orders/observers.ts";
import { applyMarketplaceChange } from "./marketplace.ts";
import { applyOrderExpired, applyOrderSession, NOTE, type PaymentNotices, type SessionChange } from "./order-events.ts";

/** Webhooks normally settle a session within seconds of its expiry; after this the backstop asks Stripe. */
export const EXPIRY_GRACE_MS = 10 * 60_000;
/** Sessions looked at per co-op (and marketplace orders) per run: a run stays short, the next one continues. */
export const EXPIRY_BATCH = 20;

export interface ExpiryRunResult {
  checked: number;
  settled: number;
}

/** What a fetched session means for its order, as its webhook event would have said. */
function changeOf(session: Stripe.Checkout.Session): SessionChange | null {
  if (session.status === "expired") return "expired";
  if (session.status !== "complete") return null;
  if (session.payment_status === "paid") return "completed";
  const intent = typeof session.payment_intent === "object" ? session.payment_intent : null;
  // A PromptPay payment still on its way is left alone; one that failed ends the order.
  if (intent && (intent.status === "requires_payment_method" || intent.status === "canceled")) return "async_failed";
  return null;
}

/**
 * The backstop for lost webhooks, run every few minutes: Stripe orders still waiting for payment
 * more than EXPIRY_GRACE_MS after their session expired are settled from the session as Stripe
 * has it now (expired → cancelled, stock back; paid → paid), exactly as the webhook would. An
 * order whose session was never created (the process died first) is cancelled. Each co-op is
 * read under its own tenant (RLS); marketplace orders from their platform table.
 */
export async function settleExpiredCheckouts(
  db: Kysely<Database>,
  runtime: StripeRuntime,
  options: { now?: Date; notices?: PaymentNotices } = {},
): Promise<ExpiryRunResult> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - EXPIRY_GRACE_MS);
  let checked = 0;
  let settled = 0;

  // Only co-ops with a Stripe account can have such orders; tenants is readable by all.
  const tenants = await db.selectFrom("tenants").select("id").orderBy("id").execute();
  for (const { id: tenantId } of tenants) {
    const due = await withTenant(db, tenantId, async (trx) => {
      const account = await trx.selectFrom("stripe_accounts").select("account_id").where("tenant_id", "=", tenantId).executeTakeFirst();
      if (!account) return null;
      const orders = await trx
        .selectFrom("orders")
        .select(["id", "stripe_checkout_session_id"])
        .where("tenant_id", "=", tenantId)
        .where("status", "=", "pending_payment")
        .where("stripe_checkout_expires_at", "<", cutoff)
        .where("payment_method", "=", "stripe")
        .where("marketplace_order_id", "is", null)
        .orderBy("stripe_checkout_expires_at")
        .limit(EXPIRY_BATCH)
        .execute();
      return { account: account.account_id, orders };
    });
    if (!due) continue;
    for (const order of due.orders) {
      checked += 1;
      try {
        let session: Stripe.Checkout.Session | null = null;
        if (order.stripe_checkout_session_id) {
          session = await runtime.client.checkout.sessions.retrieve(order.stripe_checkout_session_id, { expand: ["payment_intent"] }, { stripeAccount: due.account });
        }
        const outcome = await withTenant(db, tenantId, (trx) => {
          if (!session) return applyOrderExpired(trx, tenantId, order.id, NOTE.checkoutUnavailable);
          const change = changeOf(session);
          return change ? applyOrderSession(trx, tenantId, order.id, session, change, options.notices) : Promise.resolve("stale" as const);
        });
        if (outcome === "applied") {
          settled += 1;
          // Cancelled (stock back) or paid after a cancel (stock taken again): the co-op's pages changed.
          announceStockChanged({ tenantId });
        }
      } catch (error) {
        // One session Stripe cannot answer for must not stop the others; the next run tries again.
        console.warn(`[stripe] expiry check of order ${order.id} failed:`, error instanceof Error ? error.message : error);
      }
    }
  }

  const markets = await db
    .selectFrom("marketplace_orders")
    .select(["id", "stripe_checkout_session_id", "tenant_ids"])
    .where("payment_mode", "=", "stripe")
    .where("payment_status", "=", "pending_payment")
    .where("stripe_checkout_expires_at", "<", cutoff)
    .orderBy("stripe_checkout_expires_at")
    .limit(EXPIRY_BATCH)
    .execute();
  for (const market of markets) {
    checked += 1;
    try {
      const session = market.stripe_checkout_session_id
        ? await runtime.client.checkout.sessions.retrieve(market.stripe_checkout_session_id, { expand: ["payment_intent"] })
        : null;
      const change: SessionChange | null = session ? changeOf(session) : "expired";
      if (!change) continue;
      const paymentIntentId = typeof session?.payment_intent === "string" ? session.payment_intent : (session?.payment_intent?.id ?? null);
      const result = await db
        .transaction()
        .execute((trx) => applyMarketplaceChange(trx, market.id, change, { payment_status: session?.payment_status, paymentIntentId }, options.notices));
      if (result.outcome === "applied") {
        settled += 1;
        for (const tenantId of market.tenant_ids) announceStockChanged({ tenantId });
      }
    } catch (error) {
      console.warn(`[stripe] expiry check of marketplace order ${market.id} failed:`, error instanceof Error ? error.message : error);
    }
  }
  return { checked, settled };
}

/** Runs settleExpiredCheckouts every `intervalMs` (5 minutes) until stopped; one run at a time. */
export function startCheckoutExpiryTimer(
  db: Kysely<Database>,
  runtime: StripeRuntime | null,
  options: { intervalMs?: number; notices?: PaymentNotices } = {},
): { stop(): void } {
  if (!runtime) return { stop: () => undefined };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    settleExpiredCheckouts(db, runtime, { notices: options.notices })
      .then((r) => r.settled > 0 && console.info(`[stripe] settled ${r.settled} expired checkout(s) the webhooks had not.`))
      .catch((error: unknown) => console.error("[stripe] expiry backstop failed:", error))
      .finally(() => {
        running = false;
      });
  }, options.intervalMs ?? 5 * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
