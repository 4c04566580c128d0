import {
  AppError, clearMarketCart, createMarketplaceCheckoutSession, getMarketCheckoutOptions, hitRateLimit, marketCheckoutInput, marketCheckoutOptionsInput,
  placeMarketplaceOrder, stripeRuntime,
} from "@coop/core";
import { z } from "zod";
import { CHECKOUT_LIMIT, CHECKOUT_LIMIT_PER_COOP } from "../checkout/place.ts";
import { networkProcedure } from "../staff/procedure.ts";
import { marketLinks, readMarketCartToken } from "./cart.ts";

/** Per co-op in the market cart: delivery methods with fees, payment methods; and whether one Stripe payment can cover all. */
export const options = networkProcedure.input(marketCheckoutOptionsInput).query(({ ctx, input }) =>
  getMarketCheckoutOptions(ctx.db, readMarketCartToken(ctx), input, marketLinks(ctx)),
);

export const placeOutput = z.object({ trackingToken: z.string(), paymentUrl: z.string().nullable() });

/**
 * Places the market cart as one order per co-op, all or none, then empties the cart. With
 * `payWithStripe` the answer carries the Stripe payment page. A retried request with the same
 * idempotency key returns the same marketplace order.
 */
export const place = networkProcedure
  .input(marketCheckoutInput)
  .output(placeOutput)
  .mutation(async ({ ctx, input }) => {
    const rate = await hitRateLimit(ctx.db, `market-checkout:ip:${ctx.request.ip}`, CHECKOUT_LIMIT);
    if (!rate.allowed) throw new AppError("RATE_LIMITED", "checkout.rate_limited", { params: { seconds: rate.retryAfterSeconds } });
    // The same per-co-op budget as each co-op's own checkout: a flood through the market cannot
    // exhaust a co-op either.
    for (const coopId of new Set(input.parts.map((part) => part.coopId))) {
      const coopRate = await hitRateLimit(ctx.db, `checkout:coop:${coopId}`, CHECKOUT_LIMIT_PER_COOP);
      if (!coopRate.allowed) throw new AppError("RATE_LIMITED", "checkout.rate_limited", { params: { seconds: coopRate.retryAfterSeconds } });
    }
    const cartToken = readMarketCartToken(ctx);
    const runtime = stripeRuntime();
    const placed = await placeMarketplaceOrder(ctx.db, cartToken, input, {
      links: marketLinks(ctx),
      notify: { locale: ctx.request.locale },
      startStripePayment: runtime
        ? async (order) => (await createMarketplaceCheckoutSession(ctx.db, runtime, { ...order, networkOrigin: ctx.origins.network, locale: ctx.request.locale })).url
        : undefined,
    });
    if (cartToken) await clearMarketCart(ctx.db, cartToken);
    return { trackingToken: placed.trackingToken, paymentUrl: placed.paymentUrl };
  });
