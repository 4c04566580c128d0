import { type Database, type DeliveryMethod, type Kysely, type PaymentMethod, sql, type Transaction, withTenant } from "@coop/db";
import { AppError } from "../errors.ts";
import { hashToken } from "../security/tokens.ts";
import { formatOrderNumber } from "./number.ts";
import { enqueueOrderPlacedNotices, type OrderNoticeOptions } from "./notify.ts";
import { z } from "zod";
import { type PlaceOrderInput, placeOrderInput, thaiMobileSchema, type ValidPlaceOrderInput } from "./schemas.ts";
import { idempotencyKeyHash, trackingTokenFor } from "./tokens.ts";

export interface PlacedOrder {
  orderId: string;
  /** e.g. KR-000123 */
  number: string;
  trackingToken: string;
  totalSatang: number;
}

export interface CheckoutOffer {
  delivery: Array<{ method: DeliveryMethod; feeSatang: number }>;
  payment: PaymentMethod[];
  promptpayId: string | null;
  bank: { name: string; accountNo: string; accountName: string } | null;
}

type TenantOffer = CheckoutOffer & { slug: string };

async function loadOffer(trx: Transaction<Database>, tenantId: string): Promise<TenantOffer> {
  const t = await trx.selectFrom("tenants").selectAll().where("id", "=", tenantId).executeTakeFirst();
  if (!t) throw new AppError("NOT_FOUND", "site.not_found");
  const bank =
    t.bank_name && t.bank_account_no && t.bank_account_name ? { name: t.bank_name, accountNo: t.bank_account_no, accountName: t.bank_account_name } : null;
  const delivery: CheckoutOffer["delivery"] = [];
  if (t.pickup_enabled) delivery.push({ method: "pickup", feeSatang: 0 });
  if (t.local_delivery_enabled) delivery.push({ method: "local", feeSatang: t.local_delivery_fee_satang });
  if (t.parcel_enabled) delivery.push({ method: "parcel", feeSatang: t.parcel_fee_satang });
  const payment: PaymentMethod[] = [];
  // A payment method needs the details customers pay to, not only the switch.
  if (t.promptpay_enabled && t.promptpay_id) payment.push("promptpay");
  if (t.bank_transfer_enabled && bank) payment.push("bank_transfer");
  if (t.cod_enabled) payment.push("cod");
  return { slug: t.slug, delivery, payment, promptpayId: t.promptpay_id, bank };
}

/** What the co-op offers at checkout: delivery methods with their fees, payment methods and where to pay. */
export async function getCheckoutOptions(db: Kysely<Database>, tenantId: string): Promise<CheckoutOffer> {
  const { slug: _slug, ...offer } = await withTenant(db, tenantId, (trx) => loadOffer(trx, tenantId));
  return offer;
}

/** Same product twice in one request counts once with the quantities added; sorted by id = lock order. */
function mergeLines(items: ValidPlaceOrderInput["items"]): Array<{ productId: string; quantity: number }> {
  const byId = new Map<string, number>();
  for (const item of items) byId.set(item.productId.toLowerCase(), (byId.get(item.productId.toLowerCase()) ?? 0) + item.quantity);
  return [...byId].map(([productId, quantity]) => ({ productId, quantity })).sort((a, b) => (a.productId < b.productId ? -1 : 1));
}

async function existingOrder(trx: Transaction<Database>, tenantId: string, keyHash: string, input: ValidPlaceOrderInput): Promise<PlacedOrder | null> {
  const order = await trx
    .selectFrom("orders")
    .innerJoin("tenants", "tenants.id", "orders.tenant_id")
    .select(["orders.id", "orders.number", "orders.total_satang", "orders.customer_phone", "tenants.slug"])
    .where("orders.tenant_id", "=", tenantId)
    .where("orders.idempotency_key", "=", keyHash)
    .executeTakeFirst();
  if (!order) return null;
  // A key reused for someone else's checkout must not hand over that order's tracking link.
  if (order.customer_phone !== input.customer.phone) {
    throw new AppError("CONFLICT", "checkout.idempotency_key_reused", { detail: `order ${order.id}` });
  }
  return {
    orderId: order.id,
    number: formatOrderNumber(order.slug, order.number),
    trackingToken: trackingTokenFor(tenantId, input.idempotencyKey),
    totalSatang: order.total_satang,
  };
}

const retryKeyInput = z.object({ idempotencyKey: z.uuid(), customer: z.object({ phone: thaiMobileSchema }) });

/**
 * The order an idempotency key already produced, if any: a checkout retried after the cart
 * was emptied by its first, successful attempt finds its order instead of an empty cart.
 */
export async function findPlacedOrder(
  db: Kysely<Database>,
  tenantId: string,
  input: { idempotencyKey: string; customer: { phone: string } },
): Promise<PlacedOrder | null> {
  const parsed = retryKeyInput.safeParse(input);
  if (!parsed.success) return null;
  const keyHash = idempotencyKeyHash(parsed.data.idempotencyKey);
  return withTenant(db, tenantId, (trx) => existingOrder(trx, tenantId, keyHash, parsed.data as ValidPlaceOrderInput));
}

/**
 * Places a guest order in one transaction: stock is taken with conditional updates (locked in
 * product-id order, so concurrent multi-product checkouts cannot deadlock), the order gets the
 * co-op's next number, and every stock change is recorded. Either all lines are available and
 * the order exists, or nothing changed. A repeated idempotency key returns the first order.
 */
export async function placeOrder(
  db: Kysely<Database>,
  tenantId: string,
  rawInput: PlaceOrderInput,
  /** When given, the customer and the co-op are notified through the outbox, in this transaction. */
  notify?: OrderNoticeOptions,
): Promise<PlacedOrder> {
  const input = placeOrderInput.parse(rawInput);
  const keyHash = idempotencyKeyHash(input.idempotencyKey);
  return withTenant(db, tenantId, async (trx) => {
    // Concurrent retries of one checkout wait here for the first to commit, then find its order.
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${keyHash}`}, 0))`.execute(trx);
    const seen = await existingOrder(trx, tenantId, keyHash, input);
    if (seen) return seen;

    const offer = await loadOffer(trx, tenantId);
    const delivery = offer.delivery.find((d) => d.method === input.deliveryMethod);
    if (!delivery) throw new AppError("VALIDATION", "checkout.delivery_unavailable", { fields: { deliveryMethod: "checkout.delivery_unavailable" } });
    if (!offer.payment.includes(input.paymentMethod)) {
      throw new AppError("VALIDATION", "checkout.payment_unavailable", { fields: { paymentMethod: "checkout.payment_unavailable" } });
    }

    const lines = mergeLines(input.items);
    const products = await trx
      .selectFrom("products")
      .select(["id", "name_th", "name_en", "unit", "price_satang"])
      .where("tenant_id", "=", tenantId)
      .where("id", "in", lines.map((l) => l.productId))
      .orderBy("id")
      .forUpdate()
      .execute();
    const productById = new Map(products.map((p) => [p.id, p]));

    const taken: Array<{ productId: string; quantity: number; stockAfter: number; product: (typeof products)[number] }> = [];
    for (const line of lines) {
      const product = productById.get(line.productId);
      if (!product) throw new AppError("NOT_FOUND", "checkout.product_not_found", { detail: line.productId });
      const updated = await trx
        .updateTable("products")
        .set({
          stock: sql<number>`stock - ${line.quantity}`,
          status: sql`CASE WHEN stock - ${line.quantity} = 0 THEN 'sold_out' ELSE status END`,
          updated_at: sql`now()`,
        })
        .where("tenant_id", "=", tenantId)
        .where("id", "=", line.productId)
        .where("stock", ">=", line.quantity)
        .where("status", "=", "available")
        .where("archived_at", "is", null)
        .returning("stock")
        .executeTakeFirst();
      if (!updated) {
        throw new AppError("CONFLICT", "checkout.sold_out", { params: { product: product.name_th }, detail: `product ${product.id}` });
      }
      taken.push({ ...line, stockAfter: updated.stock, product });
    }

    const counter = await trx
      .insertInto("order_counters")
      .values({ tenant_id: tenantId, series: "order", last_number: 1 })
      .onConflict((oc) => oc.columns(["tenant_id", "series"]).doUpdateSet({ last_number: sql`order_counters.last_number + 1` }))
      .returning("last_number")
      .executeTakeFirstOrThrow();

    const subtotal = taken.reduce((sum, t) => sum + t.product.price_satang * t.quantity, 0);
    const trackingToken = trackingTokenFor(tenantId, input.idempotencyKey);
    const order = await trx
      .insertInto("orders")
      .values({
        tenant_id: tenantId,
        number: counter.last_number,
        status: "pending_payment",
        payment_method: input.paymentMethod,
        delivery_method: input.deliveryMethod,
        customer_name: input.customer.name,
        customer_phone: input.customer.phone,
        customer_email: input.customer.email ?? null,
        // Pickup orders keep no address even if the form sent one.
        address: input.deliveryMethod === "pickup" || !input.address ? null : JSON.stringify(input.address),
        notes: input.notes ?? null,
        subtotal_satang: subtotal,
        delivery_fee_satang: delivery.feeSatang,
        total_satang: subtotal + delivery.feeSatang,
        tracking_token_hash: hashToken(trackingToken),
        idempotency_key: keyHash,
      })
      .returning(["id", "total_satang"])
      .executeTakeFirstOrThrow();

    await trx
      .insertInto("order_items")
      .values(
        taken.map((t) => ({
          tenant_id: tenantId,
          order_id: order.id,
          product_id: t.productId,
          name_th: t.product.name_th,
          name_en: t.product.name_en,
          unit: t.product.unit,
          unit_price_satang: t.product.price_satang,
          quantity: t.quantity,
          line_total_satang: t.product.price_satang * t.quantity,
        })),
      )
      .execute();
    await trx
      .insertInto("stock_movements")
      .values(
        taken.map((t) => ({
          tenant_id: tenantId,
          product_id: t.productId,
          delta: -t.quantity,
          reason: "order",
          actor_user_id: null,
          stock_after: t.stockAfter,
          created_at: sql`clock_timestamp()`,
        })),
      )
      .execute();
    await trx
      .insertInto("order_events")
      .values({ tenant_id: tenantId, order_id: order.id, from_status: null, to_status: "pending_payment", actor_user_id: null, note: null })
      .execute();

    if (notify) await enqueueOrderPlacedNotices(trx, tenantId, { orderId: order.id, trackingToken }, notify);
    return { orderId: order.id, number: formatOrderNumber(offer.slug, counter.last_number), trackingToken, totalSatang: order.total_satang };
  });
}
