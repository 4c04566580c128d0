import { type Database, type Kysely, sql, withTenant } from "@coop/db";
import type Stripe from "stripe";
import { AppError } from "../../errors.ts";
import { enqueueOrderPlacedNotices, type OrderNoticeOptions } from "../../orders/notify.ts";
import { applyOrderTransition } from "../../orders/transition-order.ts";
import type { StripeRuntime } from "./client.ts";
import { applicationFeeSatang, platformFeeBps } from "./fees.ts";
import { NOTE } from "./order-events.ts";

/**
 * How long a Checkout Session takes payment, and so how long the order holds its stock. 30 minutes
 * is the shortest Stripe accepts; one minute more covers the clock difference between us and
 * Stripe and the time the request takes. Stock held longer would be lost to other customers.
 */
export const CHECKOUT_LIFETIME_MS = 31 * 60_000;

export interface OrderCheckoutInput {
  tenantId: string;
  orderId: string;
  /** The customer's private tracking token: the return page is that order's page. */
  trackingToken: string;
  /** The co-op's site origin, e.g. https://korat.sahakorn.example */
  siteOrigin: string;
  locale: "th" | "en";
  /**
   * The order's notices (customer's confirmation, co-op's new-order e-mail and LINE), sent once
   * its payment page exists: place a card order without notices and pass them here, so an order
   * cancelled because Stripe was unavailable never announced itself.
   */
  notify?: OrderNoticeOptions;
}

/** Turns Stripe's failures into the one answer customers get: pay another way. */
function checkoutUnavailable(error: unknown): AppError {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new AppError("UNAVAILABLE", "payments.errors.checkout_unavailable", { detail });
}

/** `<origin>/<path>?stripe=return`: where Stripe sends the customer back to, paid or not. */
export function returnUrl(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, "")}${path}?stripe=return`;
}

/**
 * The payment page for a co-op order paid by card or PromptPay: a Checkout Session on the co-op's
 * connected account (a direct charge, docs/decisions/021-stripe-connect.md) with the platform's
 * fee. Called after placeOrder has committed the order (stock taken). A retry finds the session
 * already stored; the planned expiry is stored before Stripe is asked, so a retry after a crash
 * sends identical parameters with the same idempotency key and gets the same session back.
 * When Stripe refuses or cannot be reached, the order is cancelled (stock back) and the customer
 * is told to choose another way to pay: never an order that cannot be paid.
 */
export async function createOrderCheckoutSession(db: Kysely<Database>, runtime: StripeRuntime | null, input: OrderCheckoutInput): Promise<{ url: string }> {
  const { tenantId, orderId } = input;
  if (!runtime) throw new AppError("UNAVAILABLE", "payments.errors.checkout_unavailable", { detail: "Stripe is not configured" });
  const feeBps = await platformFeeBps(db, runtime, tenantId);

  const prepared = await withTenant(db, tenantId, async (trx) => {
    const order = await trx
      .selectFrom("orders")
      .select([
        "id", "status", "payment_method", "total_satang", "delivery_fee_satang", "customer_email", "stripe_checkout_url", "stripe_checkout_expires_at",
        "created_at",
      ])
      .where("tenant_id", "=", tenantId)
      .where("id", "=", orderId)
      .forUpdate()
      .executeTakeFirst();
    if (!order || order.payment_method !== "stripe") throw new AppError("NOT_FOUND", "orders.not_found");
    if (order.status !== "pending_payment") {
      // An order whose card payment could not be set up was cancelled; a retried checkout says so again.
      throw new AppError("CONFLICT", "payments.errors.checkout_unavailable", { detail: `order ${order.id} is ${order.status}` });
    }
    if (order.stripe_checkout_url && order.stripe_checkout_expires_at) return { existing: order.stripe_checkout_url };
    const account = await trx.selectFrom("stripe_accounts").select(["account_id", "charges_enabled"]).where("tenant_id", "=", tenantId).executeTakeFirst();
    const items = await trx
      .selectFrom("order_items")
      .select(["name_th", "name_en", "unit_price_satang", "quantity"])
      .where("tenant_id", "=", tenantId)
      .where("order_id", "=", orderId)
      .orderBy("name_th")
      .orderBy("id")
      .execute();
    const expiresAt = order.stripe_checkout_expires_at ?? new Date(Date.now() + CHECKOUT_LIFETIME_MS);
    const fee = applicationFeeSatang(order.total_satang, feeBps);
    // Stored before the call: the expiry backstop cancels the order even if this process dies now.
    await trx
      .updateTable("orders")
      .set({ stripe_checkout_expires_at: expiresAt, application_fee_satang: fee, updated_at: sql`now()` })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", orderId)
      .execute();
    return { existing: null, order, account, items, expiresAt, fee };
  });
  if (prepared.existing !== null) return { url: prepared.existing };

  const { order, account, items, expiresAt, fee } = prepared;
  const delivery = input.locale === "en" ? "Delivery" : "ค่าจัดส่ง";
  const returnTo = returnUrl(input.siteOrigin, `/orders/${encodeURIComponent(input.trackingToken)}`);
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "payment",
    currency: "thb",
    // A filter on what the account can offer (API 2026-10: payment_method_types is gone from sessions).
    allowed_payment_method_types: ["card", "promptpay"],
    line_items: [
      ...items.map((item) => ({
        quantity: item.quantity,
        price_data: {
          currency: "thb",
          unit_amount: item.unit_price_satang,
          product_data: { name: (input.locale === "en" && item.name_en) || item.name_th },
        },
      })),
      ...(order.delivery_fee_satang > 0
        ? [{ quantity: 1, price_data: { currency: "thb", unit_amount: order.delivery_fee_satang, product_data: { name: delivery } } }]
        : []),
    ],
    payment_intent_data: {
      ...(fee > 0 ? { application_fee_amount: fee } : {}),
      metadata: { tenant_id: tenantId, order_id: orderId },
    },
    expires_at: Math.floor(expiresAt.getTime() / 1000),
    metadata: { tenant_id: tenantId, order_id: orderId },
    client_reference_id: orderId,
    success_url: returnTo,
    cancel_url: returnTo,
    locale: input.locale,
    ...(order.customer_email ? { customer_email: order.customer_email } : {}),
  };

  let session: Stripe.Checkout.Session;
  try {
    if (!account?.charges_enabled) throw new Error("the co-op's Stripe account cannot take charges");
    session = await runtime.client.checkout.sessions.create(params, { stripeAccount: account.account_id, idempotencyKey: `order-checkout-${orderId}` });
    if (!session.url) throw new Error(`session ${session.id} has no url`);
  } catch (error) {
    await cancelUnpayableOrder(db, tenantId, orderId);
    throw checkoutUnavailable(error);
  }
  await withTenant(db, tenantId, async (trx) => {
    await trx
      .updateTable("orders")
      .set({
        stripe_checkout_session_id: session.id,
        stripe_checkout_url: session.url,
        stripe_checkout_expires_at: session.expires_at ? new Date(session.expires_at * 1000) : expiresAt,
        updated_at: sql`now()`,
      })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", orderId)
      .execute();
    // Once: a retry finds the stored page above and returns before this point.
    if (input.notify) await enqueueOrderPlacedNotices(trx, tenantId, { orderId, trackingToken: input.trackingToken }, input.notify);
  });
  return { url: session.url! };
}

/** The card payment could not be set up: the order is cancelled, its stock back on the shelf. */
async function cancelUnpayableOrder(db: Kysely<Database>, tenantId: string, orderId: string): Promise<void> {
  await withTenant(db, tenantId, async (trx) => {
    const order = await trx
      .selectFrom("orders")
      .select(["id", "status"])
      .where("tenant_id", "=", tenantId)
      .where("id", "=", orderId)
      .forUpdate()
      .executeTakeFirst();
    if (order?.status !== "pending_payment") return;
    await applyOrderTransition(trx, tenantId, order, "cancelled", { actorUserId: null, note: NOTE.checkoutUnavailable });
  });
}
