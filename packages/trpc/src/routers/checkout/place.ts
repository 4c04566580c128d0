import {
  AppError, cartOrderLines, checkoutInput, clearCart, createOrderCheckoutSession, findPlacedOrder, hitRateLimit, type PlacedOrder, placeOrder, stripeRuntime,
} from "@coop/core";
import { z } from "zod";
import { coopSiteUrl } from "../../site.ts";
import { coopProcedure } from "../../trpc.ts";
import { readCartToken } from "../cart/cookie.ts";

/** 20 checkouts per IP in 10 minutes: a co-op stall's shared Wi-Fi is fine, a script is not. */
export const CHECKOUT_LIMIT = { limit: 20, windowSeconds: 600 };
/** 600 checkouts per co-op in 10 minutes: far above a busy market day, low enough that a flood at one co-op cannot starve the others. */
export const CHECKOUT_LIMIT_PER_COOP = { limit: 600, windowSeconds: 600 };

export const placeOutput = z.object({
  number: z.string(),
  trackingToken: z.string(),
  totalSatang: z.number().int(),
  /** Card/online PromptPay (Stripe): the payment page to send the customer to; null for other ways to pay. */
  paymentUrl: z.string().nullable(),
});

/**
 * Places the order for the given items, or for the guest's cart when none are given (then
 * empties the cart). A retried request with the same idempotency key returns the same order
 * (and the same payment page). Paid through Stripe: the order's Checkout Session is created
 * after the order; if Stripe cannot take it, the order is cancelled, the cart kept, and the
 * customer asked to choose another way to pay.
 */
export const place = coopProcedure
  .input(checkoutInput)
  .output(placeOutput)
  .mutation(async ({ ctx, input }) => {
    const notify = { siteOrigin: coopSiteUrl(ctx.origins, ctx.tenant.slug), locale: ctx.request.locale };
    const card = input.paymentMethod === "stripe";
    const answer = async (placed: PlacedOrder) => ({
      number: placed.number,
      trackingToken: placed.trackingToken,
      totalSatang: placed.totalSatang,
      paymentUrl: card
        ? (
            await createOrderCheckoutSession(ctx.db, stripeRuntime(), {
              tenantId: ctx.tenant.id,
              orderId: placed.orderId,
              trackingToken: placed.trackingToken,
              siteOrigin: notify.siteOrigin,
              locale: ctx.request.locale,
              notify,
            })
          ).url
        : null,
    });
    const rate = await hitRateLimit(ctx.db, `checkout:ip:${ctx.request.ip}`, CHECKOUT_LIMIT);
    if (!rate.allowed) throw new AppError("RATE_LIMITED", "checkout.rate_limited", { params: { seconds: rate.retryAfterSeconds } });
    const coopRate = await hitRateLimit(ctx.db, `checkout:coop:${ctx.tenant.id}`, CHECKOUT_LIMIT_PER_COOP);
    if (!coopRate.allowed) throw new AppError("RATE_LIMITED", "checkout.rate_limited", { params: { seconds: coopRate.retryAfterSeconds } });
    const cartToken = input.items ? null : readCartToken(ctx);
    const items = input.items ?? (await cartOrderLines(ctx.db, ctx.tenant.id, cartToken));
    if (items.length === 0) {
      // A retry of a checkout that already succeeded (its cart is now empty) gets its order back.
      const placed = await findPlacedOrder(ctx.db, ctx.tenant.id, input);
      if (placed) return answer(placed);
      throw new AppError("VALIDATION", "checkout.cart_empty");
    }
    // A card order announces itself once its payment page exists (createOrderCheckoutSession).
    const placed = await placeOrder(ctx.db, ctx.tenant.id, { ...input, items }, card ? undefined : notify);
    // Before the cart is emptied: when card payment is unavailable the customer keeps the cart to pay another way.
    const result = await answer(placed);
    if (cartToken) await clearCart(ctx.db, ctx.tenant.id, cartToken);
    return result;
  });
