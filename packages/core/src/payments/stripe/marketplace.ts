import { type Database, type Kysely, sql, type StripeEventOutcome, type Transaction, withTenant } from "@coop/db";
import type Stripe from "stripe";
import { AppError } from "../../errors.ts";
import { formatOrderNumber } from "../../orders/number.ts";
import { CHECKOUT_LIFETIME_MS, returnUrl } from "./checkout.ts";
import type { StripeRuntime } from "./client.ts";
import { applicationFeeSatang, platformFeeBps } from "./fees.ts";
import {
  applyOrderExpired, applyOrderPaid, lockOrder, NOTE, type PaymentNotices, type PaymentOutcome, type SessionChange, sessionChangeOf,
  STRIPE_TRANSFER_KIND,
} from "./order-events.ts";

/**
 * The marketplace's one card/PromptPay payment for a cart across co-ops: a charge on the
 * platform's own account, then one transfer per co-op of its part less the platform fee
 * (separate charges and transfers, grouped by transfer_group). Direct charges cannot span
 * several connected accounts; see docs/decisions/025-stripe-checkout.md.
 */

/** Sets the co-op a transaction acts for (transaction-local); '' acts for none. */
async function actFor(trx: Transaction<Database>, tenantId: string | null): Promise<void> {
  await sql`SELECT set_config('app.tenant_id', ${tenantId ?? ""}, true)`.execute(trx);
}

export function transferGroupOf(marketplaceOrderId: string): string {
  return `market-${marketplaceOrderId}`;
}

export interface StripeTransferJob {
  tenantId: string;
  orderId: string;
  marketplaceOrderId: string;
}

type Part = { tenantId: string; orderId: string; coopName: string; number: string; totalSatang: number };

/** The parts of a marketplace order: each co-op's order, read under that co-op (RLS). */
async function partsOf(db: Kysely<Database>, marketplaceOrderId: string, tenantIds: readonly string[]): Promise<Part[]> {
  const parts: Part[] = [];
  for (const tenantId of tenantIds) {
    const rows = await withTenant(db, tenantId, (trx) =>
      trx
        .selectFrom("orders")
        .innerJoin("tenants", "tenants.id", "orders.tenant_id")
        .select(["orders.id", "orders.number", "orders.total_satang", "tenants.slug", "tenants.name_th"])
        .where("orders.tenant_id", "=", tenantId)
        .where("orders.marketplace_order_id", "=", marketplaceOrderId)
        .orderBy("orders.number")
        .execute(),
    );
    for (const row of rows) {
      parts.push({ tenantId, orderId: row.id, coopName: row.name_th, number: formatOrderNumber(row.slug, row.number), totalSatang: row.total_satang });
    }
  }
  return parts;
}

/**
 * The payment page for a marketplace order paid by card or PromptPay in one go: a Checkout
 * Session on the platform account, one line per co-op part, expiring in 30 minutes (the parts
 * hold their stock until then). Each part's platform fee is fixed now. A retry returns the stored
 * session; the planned expiry is stored first so a retry after a crash sends the same parameters
 * under the same idempotency key. Failures are thrown: the caller cancels the parts.
 */
export async function createMarketplaceCheckoutSession(
  db: Kysely<Database>,
  runtime: StripeRuntime | null,
  input: { marketplaceOrderId: string; trackingToken: string; networkOrigin: string; locale: "th" | "en" },
): Promise<{ url: string }> {
  if (!runtime) throw new AppError("UNAVAILABLE", "payments.errors.checkout_unavailable", { detail: "Stripe is not configured" });
  const { marketplaceOrderId } = input;
  const market = await db.selectFrom("marketplace_orders").selectAll().where("id", "=", marketplaceOrderId).executeTakeFirst();
  if (!market || market.payment_mode !== "stripe") throw new AppError("NOT_FOUND", "orders.not_found");
  if (market.payment_status !== "pending_payment") {
    throw new AppError("CONFLICT", "payments.errors.checkout_unavailable", { detail: `marketplace order ${market.id} is ${market.payment_status}` });
  }
  if (market.stripe_checkout_url && market.stripe_checkout_expires_at) return { url: market.stripe_checkout_url };

  const parts = await partsOf(db, marketplaceOrderId, market.tenant_ids);
  if (parts.length === 0) throw new AppError("NOT_FOUND", "orders.not_found");
  const expiresAt = market.stripe_checkout_expires_at ?? new Date(Date.now() + CHECKOUT_LIFETIME_MS);
  await db.updateTable("marketplace_orders").set({ stripe_checkout_expires_at: expiresAt, updated_at: sql`now()` }).where("id", "=", marketplaceOrderId).execute();
  for (const part of parts) {
    const fee = applicationFeeSatang(part.totalSatang, await platformFeeBps(db, runtime, part.tenantId));
    await withTenant(db, part.tenantId, (trx) =>
      trx
        .updateTable("orders")
        .set({ stripe_checkout_expires_at: expiresAt, application_fee_satang: fee, updated_at: sql`now()` })
        .where("tenant_id", "=", part.tenantId)
        .where("id", "=", part.orderId)
        .execute(),
    );
  }

  const returnTo = returnUrl(input.networkOrigin, `/market/orders/${encodeURIComponent(input.trackingToken)}`);
  const metadata = { marketplace_order_id: marketplaceOrderId };
  const session = await runtime.client.checkout.sessions.create(
    {
      mode: "payment",
      currency: "thb",
      // A filter on what the account can offer (API 2026-10: payment_method_types is gone from sessions).
    allowed_payment_method_types: ["card", "promptpay"],
      line_items: parts.map((part) => ({
        quantity: 1,
        price_data: { currency: "thb", unit_amount: part.totalSatang, product_data: { name: `${part.coopName} ${part.number}` } },
      })),
      payment_intent_data: { transfer_group: transferGroupOf(marketplaceOrderId), metadata },
      expires_at: Math.floor(expiresAt.getTime() / 1000),
      metadata,
      client_reference_id: marketplaceOrderId,
      success_url: returnTo,
      cancel_url: returnTo,
      locale: input.locale,
    },
    { idempotencyKey: `market-checkout-${marketplaceOrderId}` },
  );
  if (!session.url) throw new Error(`session ${session.id} has no url`);
  const sessionExpiry = session.expires_at ? new Date(session.expires_at * 1000) : expiresAt;
  await db
    .updateTable("marketplace_orders")
    .set({ stripe_checkout_session_id: session.id, stripe_checkout_url: session.url, stripe_checkout_expires_at: sessionExpiry, updated_at: sql`now()` })
    .where("id", "=", marketplaceOrderId)
    .execute();
  for (const part of parts) {
    await withTenant(db, part.tenantId, (trx) =>
      trx
        .updateTable("orders")
        .set({ stripe_checkout_session_id: session.id, stripe_checkout_url: session.url, stripe_checkout_expires_at: sessionExpiry, updated_at: sql`now()` })
        .where("tenant_id", "=", part.tenantId)
        .where("id", "=", part.orderId)
        .execute(),
    );
  }
  return { url: session.url };
}

/**
 * A marketplace session or payment intent changed (platform events carry no account; the
 * marketplace order is named in the metadata). Paid: every part paid (or, for a part cancelled
 * meanwhile whose stock is gone, refunded automatically) and one transfer job per paid part.
 * Expired or failed: every waiting part cancelled, stock back.
 */
export async function applyMarketplaceChange(
  trx: Transaction<Database>,
  marketplaceOrderId: string,
  change: SessionChange,
  session: { payment_status?: Stripe.Checkout.Session.PaymentStatus; paymentIntentId: string | null },
  notices?: PaymentNotices,
): Promise<{ outcome: StripeEventOutcome; tenantId: string | null }> {
  await actFor(trx, null);
  const market = await trx.selectFrom("marketplace_orders").selectAll().where("id", "=", marketplaceOrderId).forUpdate().executeTakeFirst();
  if (!market || market.payment_mode !== "stripe") return { outcome: "ignored", tenantId: null };
  if (session.paymentIntentId && !market.stripe_payment_intent_id) {
    await trx.updateTable("marketplace_orders").set({ stripe_payment_intent_id: session.paymentIntentId, updated_at: sql`now()` }).where("id", "=", market.id).execute();
  }
  const paid = change === "async_succeeded" || (change === "completed" && session.payment_status === "paid");
  const ended = change === "expired" || change === "async_failed";
  if (!paid && !ended) return { outcome: session.paymentIntentId && !market.stripe_payment_intent_id ? "applied" : "stale", tenantId: null };
  if (ended && market.payment_status !== "pending_payment") return { outcome: "stale", tenantId: null };
  if (paid && market.payment_status === "paid") return { outcome: "stale", tenantId: null };

  const outcomes: PaymentOutcome[] = [];
  // Co-op id order: the same lock order as the marketplace checkout.
  for (const tenantId of [...market.tenant_ids].sort()) {
    await actFor(trx, tenantId);
    const parts = await trx.selectFrom("orders").select("id").where("tenant_id", "=", tenantId).where("marketplace_order_id", "=", market.id).execute();
    for (const part of parts) {
      if (ended) {
        outcomes.push(await applyOrderExpired(trx, tenantId, part.id, change === "expired" ? NOTE.expired : NOTE.asyncFailed));
        continue;
      }
      const outcome = await applyOrderPaid(trx, tenantId, part.id, null, notices);
      outcomes.push(outcome);
      const order = await lockOrder(trx, tenantId, part.id);
      // A paid part earns its co-op a transfer; a part being refunded automatically does not.
      if (outcome === "applied" && order?.status === "paid") {
        const job: StripeTransferJob = { tenantId, orderId: part.id, marketplaceOrderId: market.id };
        await trx.insertInto("outbox").values({ kind: STRIPE_TRANSFER_KIND, payload: JSON.stringify(job), for_tenant_id: tenantId }).execute();
      }
    }
  }
  await actFor(trx, null);
  await trx
    .updateTable("marketplace_orders")
    .set({ payment_status: paid ? "paid" : "cancelled", updated_at: sql`now()` })
    .where("id", "=", market.id)
    .execute();
  return { outcome: outcomes.includes("applied") || paid ? "applied" : "stale", tenantId: null };
}

/** A platform (non-Connect) payment event: routed by metadata.marketplace_order_id. */
export async function applyPlatformPaymentEvent(
  trx: Transaction<Database>,
  event: Stripe.Event,
  notices?: PaymentNotices,
): Promise<{ outcome: StripeEventOutcome; tenantId: string | null }> {
  const metadata = (event.data.object as { metadata?: Stripe.Metadata | null }).metadata ?? {};
  const marketplaceOrderId = metadata.marketplace_order_id;
  if (!marketplaceOrderId || !/^[0-9a-f-]{36}$/i.test(marketplaceOrderId)) return { outcome: "ignored", tenantId: null };
  const change = sessionChangeOf(event.type);
  if (change) {
    const session = event.data.object as Stripe.Checkout.Session;
    const paymentIntentId = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
    return applyMarketplaceChange(trx, marketplaceOrderId, change, { payment_status: session.payment_status, paymentIntentId }, notices);
  }
  if (event.type === "payment_intent.succeeded") {
    return applyMarketplaceChange(trx, marketplaceOrderId, "async_succeeded", { paymentIntentId: event.data.object.id }, notices);
  }
  // payment_failed: the session stays open until it expires; charge.refunded: our refundOrder
  // records each part's refund itself (one charge covers several co-ops' parts).
  return { outcome: "ignored", tenantId: null };
}

/**
 * The `stripe_transfer` outbox handler's work: the co-op's share of a paid marketplace part
 * (its total less the platform fee and less the co-op's share of refunds made before the
 * transfer), sent to its connected account from the platform's charge. The idempotency key per
 * order makes a retried job one transfer; the transfer id is stored on the order.
 */
export async function transferMarketplacePart(db: Kysely<Database>, runtime: StripeRuntime, job: StripeTransferJob): Promise<void> {
  const { tenantId, orderId, marketplaceOrderId } = job;
  const part = await withTenant(db, tenantId, async (trx) => {
    const order = await trx
      .selectFrom("orders")
      .select(["id", "total_satang", "application_fee_satang", "amount_refunded_satang", "stripe_transfer_id"])
      .where("tenant_id", "=", tenantId)
      .where("id", "=", orderId)
      .where("marketplace_order_id", "=", marketplaceOrderId)
      .executeTakeFirst();
    const account = await trx.selectFrom("stripe_accounts").select("account_id").where("tenant_id", "=", tenantId).executeTakeFirst();
    return { order, account };
  });
  if (!part.order || part.order.stripe_transfer_id) return;
  if (!part.account) throw new Error(`co-op ${tenantId} has no Stripe account to transfer to`);
  const market = await db.selectFrom("marketplace_orders").select("stripe_payment_intent_id").where("id", "=", marketplaceOrderId).executeTakeFirst();
  if (!market?.stripe_payment_intent_id) throw new Error(`marketplace order ${marketplaceOrderId} has no payment intent yet`);
  const intent = await runtime.client.paymentIntents.retrieve(market.stripe_payment_intent_id);
  const charge = typeof intent.latest_charge === "string" ? intent.latest_charge : intent.latest_charge?.id;
  if (!charge) throw new Error(`payment intent ${intent.id} has no charge`);
  const { total_satang: total, amount_refunded_satang: refunded } = part.order;
  const share = total - (part.order.application_fee_satang ?? 0);
  const amount = share - Math.round((refunded * share) / Math.max(total, 1));
  if (amount <= 0) return;
  const transfer = await runtime.client.transfers.create(
    {
      amount,
      currency: "thb",
      destination: part.account.account_id,
      transfer_group: transferGroupOf(marketplaceOrderId),
      source_transaction: charge,
      metadata: { tenant_id: tenantId, order_id: orderId, marketplace_order_id: marketplaceOrderId },
    },
    { idempotencyKey: `transfer-${orderId}` },
  );
  await withTenant(db, tenantId, (trx) =>
    trx.updateTable("orders").set({ stripe_transfer_id: transfer.id, updated_at: sql`now()` }).where("tenant_id", "=", tenantId).where("id", "=", orderId).execute(),
  );
}
