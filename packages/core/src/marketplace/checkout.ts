import { type Database, type Kysely, type MarketplaceOrdersTable, type Selectable, sql, type Transaction } from "@coop/db";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import { stripeRuntime } from "../payments/stripe/client.ts";
import { hashToken } from "../security/tokens.ts";
import { announceOrderPlaced } from "../orders/observers.ts";
import { type CheckoutOffer, getCheckoutOptions, placeOrderIn } from "../orders/place-order.ts";
import { placeOrderInput } from "../orders/schemas.ts";
import { applyOrderTransition } from "../orders/transition-order.ts";
import { getMarketCart, type MarketCoop, type MarketLinks, marketCartParts } from "./cart.ts";
import { type MarketCheckoutInput, marketCheckoutInput, type MarketCheckoutOptionsInput, marketCheckoutOptionsInput } from "./schemas.ts";
import { marketplaceKeyHash, marketplaceTrackingToken, partIdempotencyKey, partTrackingToken } from "./tokens.ts";

/** Parses domain input; a bad value is a VALIDATION error naming each field's message key (never a crash). */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
  throw new AppError("VALIDATION", "validation.invalid", { fields });
}

/** What one co-op of the cart offers at checkout (its own delivery fees and payment methods). */
export interface MarketCheckoutPart extends CheckoutOffer {
  coop: MarketCoop;
  /** This co-op's lines that can be bought now (delivery not included). */
  subtotalSatang: number;
}

export interface MarketCheckoutOptions {
  parts: MarketCheckoutPart[];
  /** One Stripe payment for the whole cart is possible: Stripe is on and every co-op in the cart takes it. */
  stripeForAll: boolean;
}

/**
 * Per co-op in the market cart: delivery methods with fees (to the customer's province when
 * given) and payment methods, exactly as each co-op's own checkout offers them.
 */
export async function getMarketCheckoutOptions(
  db: Kysely<Database>,
  cartToken: string | null | undefined,
  rawInput: MarketCheckoutOptionsInput,
  links: MarketLinks,
): Promise<MarketCheckoutOptions> {
  const input = parse(marketCheckoutOptionsInput, rawInput);
  const cart = await getMarketCart(db, cartToken, links);
  const parts: MarketCheckoutPart[] = [];
  for (const group of cart.groups) {
    const offer = await getCheckoutOptions(db, group.coop.id, { provinceCode: input?.provinceCode ?? null });
    parts.push({ coop: group.coop, subtotalSatang: group.subtotalSatang, ...offer });
  }
  const stripeForAll = stripeRuntime() !== null && parts.length > 0 && parts.every((p) => p.payment.includes("stripe"));
  return { parts, stripeForAll };
}

/**
 * Starts the one Stripe payment for a placed marketplace order (the payments module's
 * createMarketplaceCheckoutSession, bound by the caller to its runtime and origins); returns
 * the payment page's URL.
 */
export type StartMarketplacePayment = (order: { marketplaceOrderId: string; trackingToken: string }) => Promise<string>;

export interface MarketCheckoutDeps {
  links: MarketLinks;
  /** When given, each co-op gets its usual order notice and the customer each co-op's e-mail (through the outbox). */
  notify?: { locale: "th" | "en" };
  /** Absent when card payments cannot be started (Stripe off): `payWithStripe` is then refused. */
  startStripePayment?: StartMarketplacePayment;
}

export interface PlacedMarketplaceOrder {
  marketplaceOrderId: string;
  /** The customer's link to the marketplace order (market.orders.get). */
  trackingToken: string;
  /** The Stripe payment page when the whole order is paid by card; null when each co-op is paid its own way. */
  paymentUrl: string | null;
}

type MarketplaceOrderRow = Selectable<MarketplaceOrdersTable>;

/** Sets (or, with null, clears) the co-op a transaction acts for; transaction-local like withTenant. */
async function actFor(trx: Transaction<Database>, coopId: string | null): Promise<void> {
  await sql`SELECT set_config('app.tenant_id', ${coopId ?? ""}, true)`.execute(trx);
}

async function findByKey(trx: Transaction<Database> | Kysely<Database>, keyHash: string, phone: string): Promise<MarketplaceOrderRow | null> {
  const row = await trx.selectFrom("marketplace_orders").selectAll().where("idempotency_key", "=", keyHash).executeTakeFirst();
  if (!row) return null;
  // A key reused for someone else's checkout must not hand over that order's tracking link.
  if (row.customer_phone !== phone) throw new AppError("CONFLICT", "checkout.idempotency_key_reused", { detail: `marketplace order ${row.id}` });
  return row;
}

/**
 * Cancels every still-unpaid part of a marketplace order (stock goes back) and marks it
 * cancelled: used when its Stripe payment could not even be started.
 */
export async function cancelMarketplaceOrder(db: Kysely<Database>, marketplaceOrderId: string, note: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const order = await trx.selectFrom("marketplace_orders").select("tenant_ids").where("id", "=", marketplaceOrderId).forUpdate().executeTakeFirst();
    if (!order) return;
    for (const coopId of [...order.tenant_ids].sort()) {
      await actFor(trx, coopId);
      const parts = await trx
        .selectFrom("orders")
        .select(["id", "status"])
        .where("tenant_id", "=", coopId)
        .where("marketplace_order_id", "=", marketplaceOrderId)
        .where("status", "=", "pending_payment")
        .forUpdate()
        .execute();
      for (const part of parts) await applyOrderTransition(trx, coopId, part, "cancelled", { actorUserId: null, note });
    }
    await actFor(trx, null);
    await trx.updateTable("marketplace_orders").set({ payment_status: "cancelled", updated_at: sql`now()` }).where("id", "=", marketplaceOrderId).execute();
  });
}

const STRIPE_FAILED_NOTE = "ยกเลิกอัตโนมัติ: เริ่มการชำระเงินด้วยบัตร/พร้อมเพย์ออนไลน์ไม่สำเร็จ";

async function startPayment(db: Kysely<Database>, deps: MarketCheckoutDeps, order: { marketplaceOrderId: string; trackingToken: string }): Promise<string> {
  try {
    if (!deps.startStripePayment) throw new Error("Stripe is not available");
    return await deps.startStripePayment(order);
  } catch (error) {
    // Nothing can be paid: give every co-op its stock back rather than hold it for an order that cannot complete.
    await cancelMarketplaceOrder(db, order.marketplaceOrderId, STRIPE_FAILED_NOTE);
    throw new AppError("UNAVAILABLE", "marketplace.stripe_failed", { detail: error instanceof Error ? error.message : String(error) });
  }
}

/** What a retried checkout answers: the same marketplace order, its payment page again while it is unpaid. */
async function resume(db: Kysely<Database>, deps: MarketCheckoutDeps, row: MarketplaceOrderRow, trackingToken: string): Promise<PlacedMarketplaceOrder> {
  const base = { marketplaceOrderId: row.id, trackingToken };
  if (row.payment_mode !== "stripe" || row.payment_status === "paid") return { ...base, paymentUrl: null };
  if (row.payment_status === "cancelled") throw new AppError("CONFLICT", "marketplace.order_cancelled");
  // An expired page is settled by the payments module's expiry (the parts are cancelled then); a
  // page never created (the first attempt stopped after its commit) is created now.
  return { ...base, paymentUrl: row.stripe_checkout_url ?? (await startPayment(db, deps, base)) };
}

/**
 * Places the market cart as one order per co-op, in ONE transaction: co-ops in id order (with
 * each co-op's products in id order inside placeOrderIn, every checkout takes locks in the same
 * order, so concurrent checkouts cannot deadlock), each co-op's order placed while the
 * transaction acts for that co-op alone, then the marketplace order that groups them. Either
 * every co-op's order is placed or none is. A retried key returns the same marketplace order;
 * concurrent submits of one key wait on an advisory lock and then find it.
 */
export async function placeMarketplaceOrder(
  db: Kysely<Database>,
  cartToken: string | null | undefined,
  rawInput: MarketCheckoutInput,
  deps: MarketCheckoutDeps,
): Promise<PlacedMarketplaceOrder> {
  const input = parse(marketCheckoutInput, rawInput);
  const keyHash = marketplaceKeyHash(input.idempotencyKey);
  const trackingToken = marketplaceTrackingToken(input.idempotencyKey);
  const cartParts = await marketCartParts(db, cartToken);
  if (cartParts.length === 0) {
    // A retry of a checkout that already succeeded (its cart is now empty) gets its order back.
    const seen = await findByKey(db, keyHash, input.customer.phone);
    if (seen) return resume(db, deps, seen, trackingToken);
    throw new AppError("VALIDATION", "checkout.cart_empty");
  }
  const chosen = new Map(input.parts.map((p) => [p.coopId.toLowerCase(), p]));
  if (chosen.size !== cartParts.length || cartParts.some((c) => !chosen.has(c.coopId))) {
    throw new AppError("CONFLICT", "marketplace.cart_changed", { fields: { parts: "marketplace.cart_changed" } });
  }
  if (input.payWithStripe && !deps.startStripePayment) {
    throw new AppError("VALIDATION", "marketplace.stripe_unavailable", { fields: { payWithStripe: "marketplace.stripe_unavailable" } });
  }

  const outcome = await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`marketplace:${keyHash}`}, 0))`.execute(trx);
    const seen = await findByKey(trx, keyHash, input.customer.phone);
    if (seen) return { row: seen, created: [] as Array<{ tenantId: string; totalSatang: number }> };
    const marketplaceOrderId = randomUUID();
    const created: Array<{ tenantId: string; totalSatang: number }> = [];
    let total = 0;
    for (const part of cartParts) {
      const choice = chosen.get(part.coopId)!;
      const orderInput = parse(placeOrderInput, {
        idempotencyKey: partIdempotencyKey(input.idempotencyKey, part.coopId),
        customer: input.customer,
        address: input.address,
        notes: input.notes,
        deliveryMethod: choice.deliveryMethod,
        paymentMethod: input.payWithStripe ? "stripe" : choice.paymentMethod,
        items: part.items,
      });
      await actFor(trx, part.coopId);
      const { placed, created: isNew } = await placeOrderIn(
        trx,
        part.coopId,
        orderInput,
        deps.notify ? { siteOrigin: deps.links.siteUrl(part.slug), locale: deps.notify.locale } : undefined,
        { trackingToken: partTrackingToken(trackingToken, part.coopId), marketplaceOrderId },
      );
      if (isNew) created.push({ tenantId: part.coopId, totalSatang: placed.totalSatang });
      total += placed.totalSatang;
    }
    await actFor(trx, null);
    const row = await trx
      .insertInto("marketplace_orders")
      .values({
        id: marketplaceOrderId,
        idempotency_key: keyHash,
        tracking_token_hash: hashToken(trackingToken),
        customer_phone: input.customer.phone,
        payment_mode: input.payWithStripe ? "stripe" : "per_coop",
        tenant_ids: cartParts.map((p) => p.coopId),
        total_satang: total,
        payment_status: input.payWithStripe ? "pending_payment" : "not_applicable",
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { row, created };
  });

  for (const order of outcome.created) announceOrderPlaced(order);
  if (outcome.created.length === 0) return resume(db, deps, outcome.row, trackingToken);
  const base = { marketplaceOrderId: outcome.row.id, trackingToken };
  return { ...base, paymentUrl: input.payWithStripe ? await startPayment(db, deps, base) : null };
}
