import { type Database, type Kysely, withTenant } from "@coop/db";
import Stripe from "stripe";
import { z } from "zod";
import { recordAudit } from "../../audit/record.ts";
import { AppError } from "../../errors.ts";
import { loadOrderDetail } from "../../orders/queries.ts";
import type { OrderDetail } from "../../orders/views.ts";
import type { StripeRuntime } from "./client.ts";
import { lockOrder, MONEY_RECEIVED_STATUSES, recordRefundedAmount, type StripeRefundJob } from "./order-events.ts";

export const refundOrderInput = z.object({
  orderId: z.uuid({ message: "orders.not_found" }),
  /** Omitted: everything not yet refunded. */
  amountSatang: z
    .number({ message: "payments.errors.refund_amount" })
    .int("payments.errors.refund_amount")
    .positive("payments.errors.refund_amount")
    .max(100_000_000_00, "payments.errors.refund_amount")
    .optional(),
  reason: z.string().trim().max(300, "payments.errors.refund_reason_long").optional(),
  /**
   * The refunded amount the page showed when the button was pressed. A request made from an
   * outdated page (the second click of a double click, arriving after the first finished) then
   * changes nothing; concurrent clicks share one idempotency key and Stripe makes one refund.
   */
  expectedRefundedSatang: z.number({ message: "payments.errors.refund_amount" }).int("payments.errors.refund_amount").min(0, "payments.errors.refund_amount").optional(),
});
export type RefundOrderInput = z.input<typeof refundOrderInput>;

/** What Stripe is asked to give back; `null`: a refund recorded without a Stripe call (paid by PromptPay, transfer or cash). */
type RefundRoute =
  | { kind: "manual" }
  | { kind: "direct"; account: string; paymentIntentId: string }
  | { kind: "platform"; paymentIntentId: string; transferId: string | null; transferSatang: number };

interface PreparedRefund {
  /** The page was outdated: nothing to do. */
  outdated?: boolean;
  amount: number;
  refundedBefore: number;
  total: number;
  route: RefundRoute;
}

/**
 * The transfer reversal that goes with refunding a marketplace part from `before` to `after`
 * satang: the co-op's share of the refund, computed on the running totals so the reversals of
 * several partial refunds add up to exactly the whole transfer when everything is refunded.
 */
export function reversalSatang(transferSatang: number, total: number, before: number, after: number): number {
  if (total <= 0) return 0;
  const share = (refunded: number) => Math.round((refunded * transferSatang) / total);
  return share(after) - share(before);
}

/**
 * Gives money back on an order, fully or in part. Stripe orders: a refund on the payment intent
 * (a co-op order: on its connected account, with the platform fee refunded in proportion; a
 * marketplace part: on the platform's charge, then the co-op's share of the transfer reversed).
 * Other orders: the co-op paid back by transfer or cash and records it here. The idempotency key
 * names the amount refunded before and this amount, so a double click is one refund; the order
 * then notes "คืนเงิน …" and moves to refunded (stock back) once everything is given back.
 */
export async function refundOrder(
  db: Kysely<Database>,
  runtime: StripeRuntime | null,
  raw: RefundOrderInput & { tenantId: string; actorUserId: string },
): Promise<OrderDetail> {
  const parsed = refundOrderInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? "amountSatang");
    throw new AppError("VALIDATION", issue.message, { fields: { [field]: issue.message } });
  }
  const input = parsed.data;
  const { tenantId, actorUserId } = raw;

  const prepared: PreparedRefund = await withTenant(db, tenantId, async (trx) => {
    const order = await trx
      .selectFrom("orders")
      .select([
        "id", "status", "payment_method", "total_satang", "amount_refunded_satang", "stripe_payment_intent_id", "marketplace_order_id",
        "stripe_transfer_id", "application_fee_satang",
      ])
      .where("tenant_id", "=", tenantId)
      .where("id", "=", input.orderId)
      .executeTakeFirst();
    if (!order) throw new AppError("NOT_FOUND", "orders.not_found");
    if (!MONEY_RECEIVED_STATUSES.includes(order.status)) {
      throw new AppError("CONFLICT", "payments.errors.refund_not_paid", { detail: `order ${order.id} is ${order.status}` });
    }
    if (input.expectedRefundedSatang !== undefined && input.expectedRefundedSatang !== order.amount_refunded_satang) {
      return { outdated: true, amount: 0, refundedBefore: order.amount_refunded_satang, total: order.total_satang, route: { kind: "manual" } };
    }
    const remaining = order.total_satang - order.amount_refunded_satang;
    if (remaining <= 0) throw new AppError("CONFLICT", "payments.errors.refund_nothing_left");
    const amount = input.amountSatang ?? remaining;
    if (amount > remaining) {
      throw new AppError("VALIDATION", "payments.errors.refund_too_much", {
        params: { remaining: (remaining / 100).toFixed(2) },
        fields: { amountSatang: "payments.errors.refund_too_much" },
      });
    }
    let route: RefundRoute = { kind: "manual" };
    if (order.payment_method === "stripe") {
      if (order.marketplace_order_id) {
        const market = await trx.selectFrom("marketplace_orders").select("stripe_payment_intent_id").where("id", "=", order.marketplace_order_id).executeTakeFirst();
        if (!market?.stripe_payment_intent_id) throw new AppError("CONFLICT", "payments.errors.refund_not_paid", { detail: `order ${order.id} is ${order.status}` });
        route = {
          kind: "platform",
          paymentIntentId: market.stripe_payment_intent_id,
          transferId: order.stripe_transfer_id,
          transferSatang: order.total_satang - (order.application_fee_satang ?? 0),
        };
      } else {
        const account = await trx.selectFrom("stripe_accounts").select("account_id").where("tenant_id", "=", tenantId).executeTakeFirst();
        if (!order.stripe_payment_intent_id || !account) throw new AppError("CONFLICT", "payments.errors.refund_not_paid", { detail: `order ${order.id} is ${order.status}` });
        route = { kind: "direct", account: account.account_id, paymentIntentId: order.stripe_payment_intent_id };
      }
    }
    return { amount, refundedBefore: order.amount_refunded_satang, total: order.total_satang, route };
  });

  if (prepared.outdated) return withTenant(db, tenantId, (trx) => loadOrderDetail(trx, tenantId, input.orderId));
  const { amount, refundedBefore, route } = prepared;
  if (route.kind !== "manual") {
    if (!runtime) throw new AppError("UNAVAILABLE", "payments.errors.not_enabled");
    const key = `refund-${input.orderId}-${refundedBefore}-${amount}`;
    const metadata = { tenant_id: tenantId, order_id: input.orderId };
    try {
      if (route.kind === "direct") {
        await runtime.client.refunds.create(
          { payment_intent: route.paymentIntentId, amount, refund_application_fee: true, metadata },
          { stripeAccount: route.account, idempotencyKey: key },
        );
      } else {
        await runtime.client.refunds.create({ payment_intent: route.paymentIntentId, amount, metadata }, { idempotencyKey: key });
        // Not transferred yet: the transfer job sends the share net of refunds instead.
        const reversal = reversalSatang(route.transferSatang, prepared.total, refundedBefore, refundedBefore + amount);
        if (route.transferId && reversal > 0) {
          await runtime.client.transfers.createReversal(route.transferId, { amount: reversal, metadata }, { idempotencyKey: `reversal-${key}` });
        }
      }
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripePermissionError) {
        throw new AppError("CONFLICT", "payments.errors.refund_refused", { detail: `${error.type}: ${error.message}` });
      }
      if (error instanceof Stripe.errors.StripeError) {
        throw new AppError("UNAVAILABLE", "payments.errors.stripe_unavailable", { detail: `${error.type}: ${error.message}` });
      }
      throw error;
    }
  }

  return withTenant(db, tenantId, async (trx) => {
    const order = await lockOrder(trx, tenantId, input.orderId, true);
    if (!order) throw new AppError("NOT_FOUND", "orders.not_found");
    // A double click's second request finds the amount already raised and changes nothing.
    const changed = await recordRefundedAmount(trx, tenantId, order, refundedBefore + amount, { actorUserId, reason: input.reason ?? null });
    if (changed) {
      await recordAudit(trx, {
        tenantId,
        actorUserId,
        action: "order.refund",
        subjectType: "order",
        subjectId: order.id,
        data: { amountSatang: amount, refundedSatang: refundedBefore + amount, via: route.kind, ...(input.reason ? { reason: input.reason } : {}) },
      });
    }
    return loadOrderDetail(trx, tenantId, order.id);
  });
}

/**
 * The `stripe_refund` outbox job: gives a customer back a payment that came after the order's
 * stock was gone (order-events.ts). One refund per order whatever the retries (idempotency key
 * per order); the order, cancelled already, records the amount and a note.
 */
export async function refundPaidTooLate(db: Kysely<Database>, runtime: StripeRuntime, job: StripeRefundJob): Promise<void> {
  const { tenantId, orderId } = job;
  const found = await withTenant(db, tenantId, async (trx) => {
    const order = await trx
      .selectFrom("orders")
      .select(["id", "total_satang", "amount_refunded_satang", "stripe_payment_intent_id", "marketplace_order_id"])
      .where("tenant_id", "=", tenantId)
      .where("id", "=", orderId)
      .executeTakeFirst();
    const account = await trx.selectFrom("stripe_accounts").select("account_id").where("tenant_id", "=", tenantId).executeTakeFirst();
    return { order, account };
  });
  const order = found.order;
  if (!order || order.amount_refunded_satang >= job.amountSatang) return;
  const metadata = { tenant_id: tenantId, order_id: orderId, reason: job.reason };
  const idempotencyKey = `auto-refund-${orderId}`;
  if (order.marketplace_order_id) {
    const market = await db.selectFrom("marketplace_orders").select("stripe_payment_intent_id").where("id", "=", order.marketplace_order_id).executeTakeFirst();
    if (!market?.stripe_payment_intent_id) throw new Error(`marketplace order ${order.marketplace_order_id} has no payment intent`);
    await runtime.client.refunds.create({ payment_intent: market.stripe_payment_intent_id, amount: job.amountSatang, metadata }, { idempotencyKey });
  } else {
    if (!order.stripe_payment_intent_id || !found.account) throw new Error(`order ${orderId} has no payment intent or account to refund`);
    await runtime.client.refunds.create(
      { payment_intent: order.stripe_payment_intent_id, amount: job.amountSatang, refund_application_fee: true, metadata },
      { stripeAccount: found.account.account_id, idempotencyKey },
    );
  }
  await withTenant(db, tenantId, async (trx) => {
    const locked = await lockOrder(trx, tenantId, orderId);
    if (locked) await recordRefundedAmount(trx, tenantId, locked, job.amountSatang, { actorUserId: null });
  });
}
