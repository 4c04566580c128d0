import { addToMarketCart, cartItemInput, cartRemoveInput, cartUpdateInput, getMarketCart, type MarketLinks, removeFromMarketCart, updateMarketCartItem } from "@coop/core";
import type { TrpcContext } from "../../context.ts";
import { coopSiteUrl } from "../../site.ts";
import { readCartToken, rememberCart } from "../cart/cookie.ts";
import { networkProcedure } from "../staff/procedure.ts";

/** The market cart's cookie: host-only on the network site, apart from every co-op site's own cart. */
export const MARKET_CART_COOKIE = "market_cart";

export function marketLinks(ctx: Pick<TrpcContext, "origins">): MarketLinks {
  return { siteUrl: (slug) => coopSiteUrl(ctx.origins, slug) };
}

export function readMarketCartToken(ctx: Pick<TrpcContext, "request" | "responseCookies">): string | null {
  return readCartToken(ctx, MARKET_CART_COOKIE);
}

/** The guest's market cart, grouped by co-op (empty when there is none yet). */
export const get = networkProcedure.query(({ ctx }) => getMarketCart(ctx.db, readMarketCartToken(ctx), marketLinks(ctx)));

/** Adds to a line (any active co-op's listed product), creating the cart and its cookie on first use. */
export const add = networkProcedure.input(cartItemInput).mutation(async ({ ctx, input }) => {
  const { cart, newToken } = await addToMarketCart(ctx.db, readMarketCartToken(ctx), input, marketLinks(ctx));
  rememberCart(ctx, newToken, MARKET_CART_COOKIE);
  return cart;
});

/** Sets a line's quantity; 0 removes it. */
export const update = networkProcedure.input(cartUpdateInput).mutation(async ({ ctx, input }) => {
  const { cart, newToken } = await updateMarketCartItem(ctx.db, readMarketCartToken(ctx), input, marketLinks(ctx));
  rememberCart(ctx, newToken, MARKET_CART_COOKIE);
  return cart;
});

export const remove = networkProcedure.input(cartRemoveInput).mutation(async ({ ctx, input }) => {
  const { cart } = await removeFromMarketCart(ctx.db, readMarketCartToken(ctx), input, marketLinks(ctx));
  return cart;
});
