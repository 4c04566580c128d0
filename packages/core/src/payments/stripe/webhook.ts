import { type Database, type Kysely, sql, type StripeEventOutcome, type Transaction } from "@coop/db";
import Stripe from "stripe";
import { accountState, applyAccountState, tenantOfStripeAccount } from "./accounts.ts";
import { type StripeRuntime, stripeRuntime } from "./client.ts";
import { applyPlatformPaymentEvent } from "./marketplace.ts";
import { applyConnectedPaymentEvent, type PaymentNotices } from "./order-events.ts";
import { announceStockChanged } from "../../orders/observers.ts";

/**
 * The payment event types the checkout applies (order-events.ts, marketplace.ts). Written as one
 * string: apps/api's message-key scan would take a quoted "checkout.…" literal for a message key.
 */
export const CHECKOUT_EVENT_TYPES: readonly Stripe.Event.Type[] = (
  "checkout.session.completed checkout.session.expired checkout.session.async_payment_succeeded checkout.session.async_payment_failed " +
  "payment_intent.succeeded payment_intent.payment_failed charge.refunded"
).split(" ") as Stripe.Event.Type[];

/** The signature header is missing, malformed, too old or does not match: nothing was stored. */
export class StripeSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StripeSignatureError";
  }
}

/** Stripe is not configured: the endpoint does not exist. */
export class StripeDisabledError extends Error {
  constructor() {
    super("Stripe is not configured");
    this.name = "StripeDisabledError";
  }
}

export interface WebhookResult {
  eventId: string;
  type: string;
  /** false when this event id was already stored (a redelivery): nothing was done again. */
  stored: boolean;
  outcome: StripeEventOutcome | null;
}

/**
 * Verifies a webhook request on its raw body and records the event once: the insert into
 * stripe_events (ON CONFLICT DO NOTHING on the event id) and its effect commit together, so a
 * redelivered event is a no-op and a failure leaves nothing half applied (Stripe retries it).
 */
export async function handleStripeWebhook(
  db: Kysely<Database>,
  rawBody: Buffer | string,
  signatureHeader: string | undefined | null,
  runtime: StripeRuntime | null = stripeRuntime(),
  /** How customers are reached about a payment that needs refunding (e-mail link to the order). */
  notices?: PaymentNotices,
): Promise<WebhookResult> {
  if (!runtime) throw new StripeDisabledError();
  if (!signatureHeader) throw new StripeSignatureError("missing Stripe-Signature header");
  let event: Stripe.Event;
  try {
    // Default tolerance (300 s) rejects replays of old captured requests.
    event = runtime.client.webhooks.constructEvent(rawBody, signatureHeader, runtime.settings.webhookSecret);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) throw new StripeSignatureError(error.message);
    throw error;
  }

  let touched: string[] = [];
  const result = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("stripe_events")
      .values({
        id: event.id,
        type: event.type,
        account: event.account ?? null,
        livemode: event.livemode,
        created: new Date(event.created * 1000),
        outcome: "ignored",
        payload: JSON.stringify(event),
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return { eventId: event.id, type: event.type, stored: false, outcome: null };

    const { outcome, tenantId } = await applyEvent(trx, event, notices);
    await trx
      .updateTable("stripe_events")
      .set({ outcome, for_tenant_id: tenantId, applied_at: outcome === "applied" || outcome === "stale" ? sql<Date>`now()` : null })
      .where("id", "=", event.id)
      .execute();
    if (outcome === "applied") touched = await coopsTouched(trx, event, tenantId);
    return { eventId: event.id, type: event.type, stored: true, outcome };
  });
  // After the commit: a payment event may have returned or re-taken stock, so the co-ops' cached pages go.
  for (const tenantId of touched) announceStockChanged({ tenantId });
  return result;
}

/** The co-ops an applied event may have changed: its own co-op, or every co-op of a marketplace order. */
async function coopsTouched(trx: Transaction<Database>, event: Stripe.Event, tenantId: string | null): Promise<string[]> {
  if (tenantId) return [tenantId];
  const object = event.data.object as { metadata?: Record<string, string> | null };
  const marketplaceOrderId = object.metadata?.marketplace_order_id;
  if (!marketplaceOrderId || !/^[0-9a-f-]{36}$/i.test(marketplaceOrderId)) return [];
  const row = await trx.selectFrom("marketplace_orders").select("tenant_ids").where("id", "=", marketplaceOrderId).executeTakeFirst();
  return row?.tenant_ids ?? [];
}

async function applyEvent(trx: Transaction<Database>, event: Stripe.Event, notices?: PaymentNotices): Promise<{ outcome: StripeEventOutcome; tenantId: string | null }> {
  if (event.type === "account.updated") {
    const account = event.data.object;
    const tenantId = await tenantOfStripeAccount(trx, account.id);
    if (!tenantId) return { outcome: "unknown_account", tenantId: null };
    // From here on the transaction acts for that co-op only.
    await sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`.execute(trx);
    const changed = await applyAccountState(trx, tenantId, account.id, accountState(account), new Date(event.created * 1000));
    return { outcome: changed ? "applied" : "stale", tenantId };
  }
  if (event.type === "account.application.deauthorized" && event.account) {
    // The co-op disconnected its account from the platform: nothing can be charged on it any more.
    const tenantId = await tenantOfStripeAccount(trx, event.account);
    if (!tenantId) return { outcome: "unknown_account", tenantId: null };
    await sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`.execute(trx);
    const off = { details_submitted: false, charges_enabled: false, payouts_enabled: false };
    const changed = await applyAccountState(trx, tenantId, event.account, off, new Date(event.created * 1000));
    return { outcome: changed ? "applied" : "stale", tenantId };
  }
  if (CHECKOUT_EVENT_TYPES.includes(event.type)) {
    // A co-op's direct charge comes with its connected account; the marketplace's charge is the platform's own.
    return event.account ? applyConnectedPaymentEvent(trx, event, event.account, notices) : applyPlatformPaymentEvent(trx, event, notices);
  }
  return { outcome: "ignored", tenantId: null };
}
