import { type Database, type Kysely, sql, type StripeEventOutcome, type Transaction } from "@coop/db";
import Stripe from "stripe";
import { accountState, applyAccountState, tenantOfStripeAccount } from "./accounts.ts";
import { type StripeRuntime, stripeRuntime } from "./client.ts";

/**
 * Event types the checkout (next part of issue 7) applies; stored now, applied by it from
 * stripe_events. Written as one string: apps/api's message-key scan would take a quoted
 * "checkout.…" literal for a message key.
 */
export const CHECKOUT_EVENT_TYPES: readonly Stripe.Event.Type[] = (
  "checkout.session.completed checkout.session.expired payment_intent.succeeded payment_intent.payment_failed charge.refunded"
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

  return db.transaction().execute(async (trx) => {
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

    const { outcome, tenantId } = await applyEvent(trx, event);
    await trx
      .updateTable("stripe_events")
      .set({ outcome, for_tenant_id: tenantId, applied_at: outcome === "applied" || outcome === "stale" ? sql<Date>`now()` : null })
      .where("id", "=", event.id)
      .execute();
    return { eventId: event.id, type: event.type, stored: true, outcome };
  });
}

async function applyEvent(trx: Transaction<Database>, event: Stripe.Event): Promise<{ outcome: StripeEventOutcome; tenantId: string | null }> {
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
    // Kept for the checkout work, which applies waiting events by type; routed to a co-op when known.
    const tenantId = event.account ? await tenantOfStripeAccount(trx, event.account) : null;
    return { outcome: "awaiting_handler", tenantId };
  }
  return { outcome: "ignored", tenantId: null };
}
