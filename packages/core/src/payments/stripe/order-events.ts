import { type Database, type OrderStatus, sql, type StripeEventOutcome, type Transaction } from "@coop/db";
import type Stripe from "stripe";
import { enqueueEmail } from "../../outbox/enqueue.ts";
import { formatOrderNumber } from "../../orders/number.ts";
import { formatBahtPlain } from "../../orders/notify.ts";
import { recordOrderRollup } from "../../orders/rollups.ts";
import { hashToken, newToken } from "../../security/tokens.ts";
import { orderStockLines, recordStockMovements, takeStock } from "../../orders/stock.ts";
import { applyOrderTransition, recordOrderEvent } from "../../orders/transition-order.ts";
import { tenantOfStripeAccount } from "./accounts.ts";

/**
 * What Stripe's payment events do to a co-op's order, inside the transaction that stores the
 * event (webhook.ts) or that applies a session the expiry backstop fetched (expiry.ts). Every
 * function locks the order row first and decides from its current state, so duplicates and
 * events in any order are harmless: a second "paid" finds the order paid ("stale").
 */

/** Outbox kind: a refund the platform owes a customer (paid after the stock was gone). */
export const STRIPE_REFUND_KIND = "stripe_refund";
/** Outbox kind: a marketplace part's share transferred from the platform's charge to the co-op. */
export const STRIPE_TRANSFER_KIND = "stripe_transfer";

/** Statuses in which the customer's money has been received (and not all given back). */
export const MONEY_RECEIVED_STATUSES: readonly OrderStatus[] = ["paid", "packed", "shipped", "ready_for_pickup", "completed"];

export type PaymentOutcome = Extract<StripeEventOutcome, "applied" | "stale" | "ignored">;

type LockedOrder = {
  id: string;
  status: OrderStatus;
  number: number;
  total_satang: number;
  amount_refunded_satang: number;
  stripe_payment_intent_id: string | null;
  customer_name: string;
  customer_email: string | null;
  marketplace_order_id: string | null;
};

/** The order row, locked; only Stripe orders unless `anyMethod` (manual refunds of other orders). */
export async function lockOrder(trx: Transaction<Database>, tenantId: string, orderId: string, anyMethod = false): Promise<LockedOrder | undefined> {
  let query = trx
    .selectFrom("orders")
    .select([
      "id", "status", "number", "total_satang", "amount_refunded_satang", "stripe_payment_intent_id", "customer_name", "customer_email",
      "marketplace_order_id",
    ])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", orderId);
  if (!anyMethod) query = query.where("payment_method", "=", "stripe");
  return query.forUpdate().executeTakeFirst();
}

/** A line in the order's history without a status change (shown to staff and the customer). */
export async function addOrderNote(
  trx: Transaction<Database>,
  tenantId: string,
  order: { id: string; status: OrderStatus },
  note: string,
  actorUserId: string | null = null,
): Promise<void> {
  await recordOrderEvent(trx, tenantId, { orderId: order.id, from: order.status, to: order.status, actorUserId, note: note.slice(0, 500) });
}

async function rememberPaymentIntent(trx: Transaction<Database>, tenantId: string, order: LockedOrder, paymentIntentId: string | null): Promise<void> {
  if (!paymentIntentId || order.stripe_payment_intent_id) return;
  await trx
    .updateTable("orders")
    .set({ stripe_payment_intent_id: paymentIntentId, updated_at: sql`now()` })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", order.id)
    .execute();
  order.stripe_payment_intent_id = paymentIntentId;
}

/**
 * Takes a cancelled order's stock again, all lines or none: the products are locked in id order
 * (checkout's lock order) and checked before anything changes. False when a line is short.
 */
async function retakeStock(trx: Transaction<Database>, tenantId: string, orderId: string): Promise<boolean> {
  const lines = await orderStockLines(trx, tenantId, orderId);
  const products = await trx
    .selectFrom("products")
    .select(["id", "stock", "status", "archived_at"])
    .where("tenant_id", "=", tenantId)
    .where("id", "in", lines.length > 0 ? lines.map((l) => l.productId) : ["00000000-0000-0000-0000-000000000000"])
    .orderBy("id")
    .forUpdate()
    .execute();
  const byId = new Map(products.map((p) => [p.id, p]));
  const enough = lines.every((l) => {
    const p = byId.get(l.productId);
    return p && p.status === "available" && p.archived_at === null && p.stock >= l.quantity;
  });
  if (!enough) return false;
  const taken = [];
  for (const line of lines) {
    // Checked above under the products' locks, so every line can be taken.
    const stockAfter = await takeStock(trx, tenantId, line);
    if (stockAfter === null) throw new Error(`retakeStock: product ${line.productId} changed under its lock`);
    taken.push({ productId: line.productId, delta: -line.quantity, stockAfter });
  }
  await recordStockMovements(trx, tenantId, taken, "order", null);
  return true;
}

export const NOTE = {
  paid: "ชำระเงินผ่าน Stripe เรียบร้อยแล้ว",
  paidLateReinstated: "ลูกค้าชำระเงินหลังหมดเวลาชำระ สินค้ายังมีอยู่ ระบบจองสินค้าให้อีกครั้งและถือว่าชำระแล้ว",
  paidLateRefunding: "ลูกค้าชำระเงินหลังหมดเวลาชำระ แต่สินค้าหมดแล้ว ระบบกำลังคืนเงินเต็มจำนวนให้อัตโนมัติ",
  expired: "หมดเวลาชำระเงินออนไลน์ ระบบยกเลิกคำสั่งซื้อและคืนสินค้าเข้าคลังแล้ว",
  asyncFailed: "ชำระเงินด้วยพร้อมเพย์ผ่าน Stripe ไม่สำเร็จ ระบบยกเลิกคำสั่งซื้อและคืนสินค้าเข้าคลังแล้ว",
  paymentFailed: "การชำระเงินไม่สำเร็จ ลูกค้ายังชำระใหม่ได้จากหน้าคำสั่งซื้อจนกว่าลิงก์ชำระเงินจะหมดอายุ",
  checkoutUnavailable: "สร้างหน้าชำระเงินของ Stripe ไม่สำเร็จ ระบบยกเลิกคำสั่งซื้อและคืนสินค้าเข้าคลังแล้ว",
  refunded: (satang: number) => `คืนเงิน ${formatBahtPlain(satang, "th")}`,
} as const;

/** The auto-refund of this order is already queued (a second "paid" event must not queue another). */
async function refundQueued(trx: Transaction<Database>, tenantId: string, orderId: string): Promise<boolean> {
  const row = await trx
    .selectFrom("outbox")
    .select("id")
    .where("kind", "=", STRIPE_REFUND_KIND)
    .where("for_tenant_id", "=", tenantId)
    .where(sql<boolean>`payload->>'orderId' = ${orderId}`)
    .executeTakeFirst();
  return row !== undefined;
}

export interface StripeRefundJob {
  tenantId: string;
  orderId: string;
  amountSatang: number;
  reason: "paid_after_stock_gone";
}

/**
 * Where customers are sent back to: the co-op's site origin for its slug. Without it (a caller
 * that knows no origins) customers are told on the order page only, not by e-mail.
 */
export interface PaymentNotices {
  coopSiteOrigin(slug: string): string;
}

/**
 * The order was paid through Stripe. Waiting → paid. Already cancelled (the session expired or
 * staff cancelled it) → the stock is taken again if every line is still there, otherwise the
 * customer gets everything back automatically: the Stripe call goes through the outbox (it runs
 * even if this process dies now), and the customer is told by e-mail and on the order page.
 */
export async function applyOrderPaid(
  trx: Transaction<Database>,
  tenantId: string,
  orderId: string,
  paymentIntentId: string | null,
  notices?: PaymentNotices,
): Promise<PaymentOutcome> {
  const order = await lockOrder(trx, tenantId, orderId);
  if (!order) return "ignored";
  await rememberPaymentIntent(trx, tenantId, order, paymentIntentId);
  if (order.status === "pending_payment" || order.status === "payment_review") {
    await applyOrderTransition(trx, tenantId, order, "paid", { actorUserId: null, note: NOTE.paid });
    return "applied";
  }
  if (order.status !== "cancelled" || order.amount_refunded_satang > 0 || (await refundQueued(trx, tenantId, order.id))) return "stale";
  if (await retakeStock(trx, tenantId, order.id)) {
    await applyOrderTransition(trx, tenantId, order, "paid", { actorUserId: null, note: NOTE.paidLateReinstated });
    await recordOrderRollup(trx, tenantId, order.id, "reinstated");
    return "applied";
  }
  const job: StripeRefundJob = { tenantId, orderId: order.id, amountSatang: order.total_satang, reason: "paid_after_stock_gone" };
  await trx.insertInto("outbox").values({ kind: STRIPE_REFUND_KIND, payload: JSON.stringify(job), for_tenant_id: tenantId }).execute();
  await addOrderNote(trx, tenantId, order, NOTE.paidLateRefunding);
  if (order.customer_email && notices) {
    const tenant = await trx.selectFrom("tenants").select(["slug", "name_th"]).where("id", "=", tenantId).executeTakeFirstOrThrow();
    // Only hashes of tracking links are stored, so the customer gets a fresh one (as for a rejected slip).
    const token = newToken();
    await trx.updateTable("orders").set({ resent_token_hash: hashToken(token) }).where("tenant_id", "=", tenantId).where("id", "=", order.id).execute();
    await enqueueEmail(
      trx,
      {
        to: order.customer_email,
        template: "order_auto_refunded",
        // Orders keep no language; the co-op's site speaks Thai first.
        locale: "th",
        params: {
          name: order.customer_name,
          coop: tenant.name_th,
          number: formatOrderNumber(tenant.slug, order.number),
          total: formatBahtPlain(order.total_satang, "th"),
          link: `${notices.coopSiteOrigin(tenant.slug).replace(/\/+$/, "")}/orders/${encodeURIComponent(token)}`,
        },
      },
      tenantId,
    );
  }
  return "applied";
}

/** The checkout session expired (or its PromptPay payment failed): a still-waiting order is cancelled, its stock returned. */
export async function applyOrderExpired(trx: Transaction<Database>, tenantId: string, orderId: string, note: string = NOTE.expired): Promise<PaymentOutcome> {
  const order = await lockOrder(trx, tenantId, orderId);
  if (!order) return "ignored";
  if (order.status !== "pending_payment") return "stale";
  await applyOrderTransition(trx, tenantId, order, "cancelled", { actorUserId: null, note });
  return "applied";
}

/** An attempt to pay failed: noted; the order stays payable until the session expires. */
export async function applyPaymentFailed(trx: Transaction<Database>, tenantId: string, orderId: string, paymentIntentId: string | null): Promise<PaymentOutcome> {
  const order = await lockOrder(trx, tenantId, orderId);
  if (!order) return "ignored";
  if (order.status !== "pending_payment") return "stale";
  await rememberPaymentIntent(trx, tenantId, order, paymentIntentId);
  await addOrderNote(trx, tenantId, order, NOTE.paymentFailed);
  return "applied";
}

/**
 * Raises the order's refunded amount to `refundedSatang` (never lowers it: events and our own
 * refund calls may report the same refund in any order) and notes the difference; everything
 * refunded moves a paid order to refunded (stock back). False when nothing grew.
 */
export async function recordRefundedAmount(
  trx: Transaction<Database>,
  tenantId: string,
  order: LockedOrder,
  refundedSatang: number,
  by: { actorUserId: string | null; reason?: string | null },
): Promise<boolean> {
  const target = Math.min(refundedSatang, order.total_satang);
  if (target <= order.amount_refunded_satang) return false;
  await trx
    .updateTable("orders")
    .set({ amount_refunded_satang: target, updated_at: sql`now()` })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", order.id)
    .execute();
  const note = [NOTE.refunded(target - order.amount_refunded_satang), by.reason?.trim()].filter(Boolean).join(": ");
  order.amount_refunded_satang = target;
  if (target === order.total_satang && MONEY_RECEIVED_STATUSES.includes(order.status)) {
    await applyOrderTransition(trx, tenantId, order, "refunded", { actorUserId: by.actorUserId, note });
    order.status = "refunded";
  } else {
    await addOrderNote(trx, tenantId, order, note, by.actorUserId);
  }
  return true;
}

/** charge.refunded on a co-op's own account (its refunds, ours or from its Stripe dashboard). */
export async function applyChargeRefunded(trx: Transaction<Database>, tenantId: string, charge: Stripe.Charge): Promise<PaymentOutcome> {
  const paymentIntentId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  if (!paymentIntentId) return "ignored";
  const found = await trx
    .selectFrom("orders")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("stripe_payment_intent_id", "=", paymentIntentId)
    .executeTakeFirst();
  if (!found) return "ignored";
  const order = await lockOrder(trx, tenantId, found.id);
  if (!order) return "ignored";
  return (await recordRefundedAmount(trx, tenantId, order, charge.amount_refunded, { actorUserId: null })) ? "applied" : "stale";
}

/** How a checkout session (from an event or fetched by the expiry backstop) affects its order. */
export type SessionChange = "completed" | "async_succeeded" | "async_failed" | "expired";

export async function applyOrderSession(
  trx: Transaction<Database>,
  tenantId: string,
  orderId: string,
  session: Pick<Stripe.Checkout.Session, "payment_status" | "payment_intent">,
  change: SessionChange,
  notices?: PaymentNotices,
): Promise<PaymentOutcome> {
  const paymentIntentId = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
  switch (change) {
    case "expired":
      return applyOrderExpired(trx, tenantId, orderId);
    case "async_failed":
      return applyOrderExpired(trx, tenantId, orderId, NOTE.asyncFailed);
    case "async_succeeded":
      return applyOrderPaid(trx, tenantId, orderId, paymentIntentId, notices);
    case "completed": {
      if (session.payment_status === "paid") return applyOrderPaid(trx, tenantId, orderId, paymentIntentId, notices);
      // PromptPay is asynchronous: the customer has scanned, the money comes later (async_payment_succeeded).
      const order = await lockOrder(trx, tenantId, orderId);
      if (!order) return "ignored";
      if (!paymentIntentId || order.stripe_payment_intent_id) return "stale";
      await rememberPaymentIntent(trx, tenantId, order, paymentIntentId);
      return "applied";
    }
  }
}

// By the last part of "checkout.session.<what>" (not spelled out: apps/api's message-key scan
// would take a quoted "checkout.…" literal for a message key).
const SESSION_CHANGES: Record<string, SessionChange> = {
  completed: "completed",
  async_payment_succeeded: "async_succeeded",
  async_payment_failed: "async_failed",
  expired: "expired",
};

export function sessionChangeOf(type: string): SessionChange | undefined {
  const [object, kind, what] = type.split(".");
  return object === "checkout" && kind === "session" && what !== undefined ? SESSION_CHANGES[what] : undefined;
}

/**
 * A payment event on a co-op's connected account (a direct charge): the co-op is the event's
 * account, the order is named in the metadata the checkout wrote (and must belong to that co-op).
 */
export async function applyConnectedPaymentEvent(
  trx: Transaction<Database>,
  event: Stripe.Event,
  account: string,
  notices?: PaymentNotices,
): Promise<{ outcome: StripeEventOutcome; tenantId: string | null }> {
  const tenantId = await tenantOfStripeAccount(trx, account);
  if (!tenantId) return { outcome: "unknown_account", tenantId: null };
  await sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`.execute(trx);
  if (event.type === "charge.refunded") return { outcome: await applyChargeRefunded(trx, tenantId, event.data.object), tenantId };
  const metadata = (event.data.object as { metadata?: Stripe.Metadata | null }).metadata ?? {};
  // Another co-op's order id in the metadata is not this account's business.
  const orderId = metadata.tenant_id === tenantId && /^[0-9a-f-]{36}$/i.test(metadata.order_id ?? "") ? metadata.order_id! : null;
  if (!orderId) return { outcome: "ignored", tenantId };
  const change = sessionChangeOf(event.type);
  if (change) return { outcome: await applyOrderSession(trx, tenantId, orderId, event.data.object as Stripe.Checkout.Session, change, notices), tenantId };
  if (event.type === "payment_intent.succeeded") return { outcome: await applyOrderPaid(trx, tenantId, orderId, event.data.object.id, notices), tenantId };
  if (event.type === "payment_intent.payment_failed") return { outcome: await applyPaymentFailed(trx, tenantId, orderId, event.data.object.id), tenantId };
  return { outcome: "ignored", tenantId };
}
