import type { Database, Kysely, MarketplacePaymentMode, MarketplacePaymentStatus } from "@coop/db";
import { AppError } from "../errors.ts";
import { getOrderByTrackingToken } from "../orders/queries.ts";
import type { CoopPaymentDetails, CustomerOrderLines } from "../orders/views.ts";
import { promptPayPayload, promptPayQrSvg } from "../payments/promptpay-qr.ts";
import { hashToken } from "../security/tokens.ts";
import type { MarketLinks } from "./cart.ts";
import { partTrackingToken } from "./tokens.ts";

/** One co-op's own order within a marketplace order, as the customer sees it. */
export interface MarketplaceOrderPart extends CustomerOrderLines, CoopPaymentDetails {
  coop: { name: string; nameEn: string | null; slug: string; siteUrl: string };
  /** The co-op's own page for this order (slip upload, status): `<co-op site>/orders/<part token>`. */
  trackingUrl: string;
  // promptpayId and bank (CoopPaymentDetails): where to pay this co-op (per-co-op payment).
  /** While a PromptPay payment is awaited from an open co-op: the QR with the part's total fixed. */
  promptPayQr: { svg: string; payload: string; amountSatang: number } | null;
}

export interface MarketplaceOrderView {
  createdAt: string;
  totalSatang: number;
  paymentMode: MarketplacePaymentMode;
  paymentStatus: MarketplacePaymentStatus;
  /** The Stripe payment page while the card payment is awaited (and the page still takes payment). */
  payUrl: string | null;
  parts: MarketplaceOrderPart[];
}

/**
 * The marketplace order behind the customer's private link: each co-op's part read through that
 * co-op's own tracking token (derived from this link), so a part is shown exactly as the co-op's
 * order page shows it and nothing else of the co-op is read.
 */
export async function getMarketplaceOrder(db: Kysely<Database>, token: string, links: MarketLinks): Promise<MarketplaceOrderView> {
  const order = await db.selectFrom("marketplace_orders").selectAll().where("tracking_token_hash", "=", hashToken(token)).executeTakeFirst();
  if (!order) throw new AppError("NOT_FOUND", "marketplace.order_not_found");
  const coops = await db
    .selectFrom("tenants")
    .select(["id", "slug", "name_th", "name_en", "status"])
    .where("id", "in", order.tenant_ids)
    .execute();
  const coopById = new Map(coops.map((c) => [c.id, c]));
  const parts: MarketplaceOrderPart[] = [];
  for (const coopId of order.tenant_ids) {
    const coop = coopById.get(coopId)!;
    const partToken = partTrackingToken(token, coopId);
    const part = await getOrderByTrackingToken(db, coopId, partToken);
    const siteUrl = links.siteUrl(coop.slug);
    // As the co-op's own QR procedure: no QR for a co-op staff closed (nobody should pay it now).
    const qrDue = part.paymentMethod === "promptpay" && part.status === "pending_payment" && part.coop.promptpayId && coop.status === "active";
    const payload = qrDue ? promptPayPayload({ id: part.coop.promptpayId!, amountSatang: part.totalSatang }) : null;
    parts.push({
      coop: { name: coop.name_th, nameEn: coop.name_en, slug: coop.slug, siteUrl },
      number: part.number,
      status: part.status,
      paymentMethod: part.paymentMethod,
      deliveryMethod: part.deliveryMethod,
      items: part.items,
      subtotalSatang: part.subtotalSatang,
      deliveryFeeSatang: part.deliveryFeeSatang,
      totalSatang: part.totalSatang,
      trackingUrl: `${siteUrl}/orders/${partToken}`,
      promptpayId: part.coop.promptpayId,
      bank: part.coop.bank,
      promptPayQr: payload ? { svg: await promptPayQrSvg(payload), payload, amountSatang: part.totalSatang } : null,
    });
  }
  const expires = order.stripe_checkout_expires_at ? new Date(order.stripe_checkout_expires_at).getTime() : null;
  const payOpen = order.payment_mode === "stripe" && order.payment_status === "pending_payment" && order.stripe_checkout_url && (expires === null || expires > Date.now());
  return {
    createdAt: order.created_at.toISOString(),
    totalSatang: Number(order.total_satang),
    paymentMode: order.payment_mode,
    paymentStatus: order.payment_status,
    payUrl: payOpen ? order.stripe_checkout_url : null,
    parts,
  };
}
