import { AppError, cartOrderLines, checkoutInput, clearCart, findPlacedOrder, hitRateLimit, placeOrder } from "@coop/core";
import { z } from "zod";
import { coopSiteUrl } from "../../site.ts";
import { coopProcedure } from "../../trpc.ts";
import { readCartToken } from "../cart/cookie.ts";

/** 20 checkouts per IP in 10 minutes: a co-op stall's shared Wi-Fi is fine, a script is not. */
export const CHECKOUT_LIMIT = { limit: 20, windowSeconds: 600 };

export const placeOutput = z.object({ number: z.string(), trackingToken: z.string(), totalSatang: z.number().int() });

/**
 * Places the order for the given items, or for the guest's cart when none are given (then
 * empties the cart). A retried request with the same idempotency key returns the same order.
 */
export const place = coopProcedure
  .input(checkoutInput)
  .output(placeOutput)
  .mutation(async ({ ctx, input }) => {
    const rate = await hitRateLimit(ctx.db, `checkout:ip:${ctx.request.ip}`, CHECKOUT_LIMIT);
    if (!rate.allowed) throw new AppError("RATE_LIMITED", "checkout.rate_limited", { params: { seconds: rate.retryAfterSeconds } });
    const cartToken = input.items ? null : readCartToken(ctx);
    const items = input.items ?? (await cartOrderLines(ctx.db, ctx.tenant.id, cartToken));
    if (items.length === 0) {
      // A retry of a checkout that already succeeded (its cart is now empty) gets its order back.
      const placed = await findPlacedOrder(ctx.db, ctx.tenant.id, input);
      if (placed) return { number: placed.number, trackingToken: placed.trackingToken, totalSatang: placed.totalSatang };
      throw new AppError("VALIDATION", "checkout.cart_empty");
    }
    const placed = await placeOrder(ctx.db, ctx.tenant.id, { ...input, items }, { siteOrigin: coopSiteUrl(ctx.origins, ctx.tenant.slug), locale: ctx.request.locale });
    if (cartToken) await clearCart(ctx.db, ctx.tenant.id, cartToken);
    return { number: placed.number, trackingToken: placed.trackingToken, totalSatang: placed.totalSatang };
  });
