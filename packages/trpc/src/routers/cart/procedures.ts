import { addToCart, cartItemInput, cartRemoveInput, cartUpdateInput, getCart, removeFromCart, updateCartItem } from "@coop/core";
import { coopProcedure } from "../../trpc.ts";
import { readCartToken, rememberCart } from "./cookie.ts";

/** The guest's cart on this co-op's site (empty when there is none yet). */
export const get = coopProcedure.query(({ ctx }) => getCart(ctx.db, ctx.tenant.id, readCartToken(ctx)));

/** Adds to a line, creating the cart (and its cookie) on first use; refused beyond stock with cart.* keys. */
export const add = coopProcedure.input(cartItemInput).mutation(async ({ ctx, input }) => {
  const { cart, newToken } = await addToCart(ctx.db, ctx.tenant.id, readCartToken(ctx), input);
  rememberCart(ctx, newToken);
  return cart;
});

/** Sets a line's quantity; 0 removes it. */
export const update = coopProcedure.input(cartUpdateInput).mutation(async ({ ctx, input }) => {
  const { cart, newToken } = await updateCartItem(ctx.db, ctx.tenant.id, readCartToken(ctx), input);
  rememberCart(ctx, newToken);
  return cart;
});

export const remove = coopProcedure.input(cartRemoveInput).mutation(async ({ ctx, input }) => {
  const { cart } = await removeFromCart(ctx.db, ctx.tenant.id, readCartToken(ctx), input);
  return cart;
});
