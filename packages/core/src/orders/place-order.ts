import { type Database, type DeliveryMethod, type Kysely, type PaymentMethod, sql, type Tenant, type Transaction, withTenant } from "@coop/db";
import { AppError } from "../errors.ts";
import { hashToken } from "../security/tokens.ts";
import { formatOrderNumber } from "./number.ts";
import { type ParcelFees, parcelFeeFor } from "./parcel-zones.ts";
import { enqueueOrderPlacedNotices, type OrderNoticeOptions } from "./notify.ts";
import { z } from "zod";
import { stripeRuntime } from "../payments/stripe/client.ts";
import { announceOrderPlaced } from "./observers.ts";
import { recordOrderRollup } from "./rollups.ts";
import { recordStockMovements, takeStock } from "./stock.ts";
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
  /**
   * For parcels, `feeSatang` is the fee to the province asked about, or the lowest fee of any
   * zone (`feeFrom: true`) when no province was given or the co-op sends no parcels there.
   */
  delivery: Array<{ method: DeliveryMethod; feeSatang: number; feeFrom?: boolean }>;
  /** Parcel fee for each province code; null = the co-op sends no parcels there. Empty without parcels. */
  parcelFeeByProvince: Record<number, number | null>;
  payment: PaymentMethod[];
  promptpayId: string | null;
  bank: { name: string; accountNo: string; accountName: string } | null;
}

type TenantOffer = Omit<CheckoutOffer, "parcelFeeByProvince"> & { slug: string; coopProvinceCode: number; parcelFees: ParcelFees };

function parcelFeesOf(t: Pick<Tenant, "parcel_fee_province_satang" | "parcel_fee_bangkok_satang" | "parcel_fee_region_satang" | "parcel_fee_country_satang">): ParcelFees {
  return {
    province: t.parcel_fee_province_satang,
    bangkok: t.parcel_fee_bangkok_satang,
    region: t.parcel_fee_region_satang,
    country: t.parcel_fee_country_satang,
  };
}

async function loadOffer(trx: Transaction<Database>, tenantId: string): Promise<TenantOffer> {
  const t = await trx.selectFrom("tenants").selectAll().where("id", "=", tenantId).executeTakeFirst();
  if (!t) throw new AppError("NOT_FOUND", "site.not_found");
  const bank =
    t.bank_name && t.bank_account_no && t.bank_account_name ? { name: t.bank_name, accountNo: t.bank_account_no, accountName: t.bank_account_name } : null;
  const delivery: CheckoutOffer["delivery"] = [];
  if (t.pickup_enabled) delivery.push({ method: "pickup", feeSatang: 0 });
  if (t.local_delivery_enabled) delivery.push({ method: "local", feeSatang: t.local_delivery_fee_satang });
  const parcelFees = parcelFeesOf(t);
  const zoneFees = Object.values(parcelFees).filter((fee): fee is number => fee !== null);
  if (t.parcel_enabled && zoneFees.length > 0) delivery.push({ method: "parcel", feeSatang: Math.min(...zoneFees), feeFrom: true });
  const payment: PaymentMethod[] = [];
  // A payment method needs the details customers pay to, not only the switch.
  if (t.promptpay_enabled && t.promptpay_id) payment.push("promptpay");
  if (t.bank_transfer_enabled && bank) payment.push("bank_transfer");
  if (t.cod_enabled) payment.push("cod");
  // Card and online PromptPay through Stripe: only when the platform has Stripe and the co-op's
  // connected account can take charges (otherwise the option is simply absent).
  if (stripeRuntime()) {
    const account = await trx.selectFrom("stripe_accounts").select("charges_enabled").where("tenant_id", "=", tenantId).executeTakeFirst();
    if (account?.charges_enabled) payment.push("stripe");
  }
  const coopProvinceCode = t.address_province_code ?? t.province_code;
  return { slug: t.slug, delivery, payment, promptpayId: t.promptpay_id, bank, coopProvinceCode, parcelFees };
}

/**
 * What the co-op offers at checkout: delivery methods with their fees, payment methods and where
 * to pay. With the customer's province, the parcel fee is the one for its zone.
 */
export async function getCheckoutOptions(db: Kysely<Database>, tenantId: string, customer: { provinceCode?: number | null } = {}): Promise<CheckoutOffer> {
  return withTenant(db, tenantId, async (trx) => {
    const { slug: _slug, coopProvinceCode, parcelFees, ...offer } = await loadOffer(trx, tenantId);
    const parcelFeeByProvince: Record<number, number | null> = {};
    if (!offer.delivery.some((d) => d.method === "parcel")) return { ...offer, parcelFeeByProvince };
    const provinces = await trx.selectFrom("provinces").select("code").orderBy("code").execute();
    for (const { code } of provinces) parcelFeeByProvince[code] = parcelFeeFor(parcelFees, coopProvinceCode, code).feeSatang;
    const fee = customer.provinceCode != null ? parcelFeeByProvince[customer.provinceCode] : undefined;
    const delivery = offer.delivery.map((d) => (d.method === "parcel" && fee != null ? { method: d.method, feeSatang: fee } : d));
    return { ...offer, delivery, parcelFeeByProvince };
  });
}

/** The fee the order is charged for its delivery: computed here from the co-op's settings, never taken from the client. */
async function deliveryFeeFor(trx: Transaction<Database>, offer: TenantOffer, input: ValidPlaceOrderInput): Promise<number> {
  const delivery = offer.delivery.find((d) => d.method === input.deliveryMethod);
  if (!delivery) throw new AppError("VALIDATION", "checkout.delivery_unavailable", { fields: { deliveryMethod: "checkout.delivery_unavailable" } });
  if (delivery.method !== "parcel") return delivery.feeSatang;
  // The schema requires an address for parcels.
  const provinceCode = input.address?.provinceCode ?? 0;
  const province = await trx.selectFrom("provinces").select(["code", "name_th"]).where("code", "=", provinceCode).executeTakeFirst();
  if (!province) throw new AppError("VALIDATION", "validation.province", { fields: { "address.provinceCode": "validation.province" } });
  const { feeSatang } = parcelFeeFor(offer.parcelFees, offer.coopProvinceCode, province.code);
  if (feeSatang === null) {
    throw new AppError("VALIDATION", "checkout.parcel_not_to_province", {
      params: { province: province.name_th },
      fields: { deliveryMethod: "checkout.parcel_not_to_province" },
    });
  }
  return feeSatang;
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

/** What a checkout inside a larger transaction may set (the marketplace places one order per co-op). */
export interface PlaceOrderOptions {
  /** The order's tracking token; by default derived from the idempotency key. */
  trackingToken?: string;
  /** The marketplace order this order is part of. */
  marketplaceOrderId?: string;
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
  const { placed, created } = await withTenant(db, tenantId, (trx) => placeOrderIn(trx, tenantId, input, notify));
  if (created) announceOrderPlaced({ tenantId, totalSatang: placed.totalSatang });
  return placed;
}

/**
 * placeOrder's work inside a transaction the caller owns, acting for `tenantId` (app.tenant_id
 * already set to it). `created` is false when the idempotency key had already placed the order.
 * The caller announces created orders (announceOrderPlaced) after its transaction commits.
 */
export async function placeOrderIn(
  trx: Transaction<Database>,
  tenantId: string,
  input: ValidPlaceOrderInput,
  notify?: OrderNoticeOptions,
  options: PlaceOrderOptions = {},
): Promise<{ placed: PlacedOrder; created: boolean }> {
  const keyHash = idempotencyKeyHash(input.idempotencyKey);
  // Concurrent retries of one checkout wait here for the first to commit, then find its order.
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${keyHash}`}, 0))`.execute(trx);
  const seen = await existingOrder(trx, tenantId, keyHash, input);
  if (seen) return { placed: options.trackingToken ? { ...seen, trackingToken: options.trackingToken } : seen, created: false };

  const offer = await loadOffer(trx, tenantId);
  const deliveryFeeSatang = await deliveryFeeFor(trx, offer, input);
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
    const stockAfter = await takeStock(trx, tenantId, line);
    if (stockAfter === null) {
      throw new AppError("CONFLICT", "checkout.sold_out", { params: { product: product.name_th }, detail: `product ${product.id}` });
    }
    taken.push({ ...line, stockAfter, product });
  }

  const counter = await trx
    .insertInto("order_counters")
    .values({ tenant_id: tenantId, series: "order", last_number: 1 })
    .onConflict((oc) => oc.columns(["tenant_id", "series"]).doUpdateSet({ last_number: sql`order_counters.last_number + 1` }))
    .returning("last_number")
    .executeTakeFirstOrThrow();

  const subtotal = taken.reduce((sum, t) => sum + t.product.price_satang * t.quantity, 0);
  const trackingToken = options.trackingToken ?? trackingTokenFor(tenantId, input.idempotencyKey);
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
      delivery_fee_satang: deliveryFeeSatang,
      total_satang: subtotal + deliveryFeeSatang,
      tracking_token_hash: hashToken(trackingToken),
      idempotency_key: keyHash,
      marketplace_order_id: options.marketplaceOrderId ?? null,
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
  await recordStockMovements(trx, tenantId, taken.map((t) => ({ productId: t.productId, delta: -t.quantity, stockAfter: t.stockAfter })), "order", null);
  await trx
    .insertInto("order_events")
    .values({ tenant_id: tenantId, order_id: order.id, from_status: null, to_status: "pending_payment", actor_user_id: null, note: null })
    .execute();
  await recordOrderRollup(trx, tenantId, order.id, "placed");

  if (notify) await enqueueOrderPlacedNotices(trx, tenantId, { orderId: order.id, trackingToken }, notify);
  return {
    placed: { orderId: order.id, number: formatOrderNumber(offer.slug, counter.last_number), trackingToken, totalSatang: order.total_satang },
    created: true,
  };
}
