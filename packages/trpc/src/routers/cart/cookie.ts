import type { RequestInfo } from "../../context.ts";
import { readCookie } from "../../cookies.ts";

/** 90 days: a guest's cart outlives a browsing session, as shoppers expect. */
const CART_COOKIE_DAYS = 90;

/** The co-op site's cart ("coop_cart") or the network marketplace's ("market_cart"). */
export type CartCookieBase = "coop_cart" | "market_cart";

/** Host-only (no Domain: each co-op site has its own cart), HttpOnly, SameSite=Lax; behind HTTPS also Secure with the __Host- prefix. */
export function cartCookieName(secure: boolean, base: CartCookieBase = "coop_cart"): string {
  return secure ? `__Host-${base}` : base;
}

export function cartCookie(token: string, secure: boolean, base: CartCookieBase = "coop_cart"): string {
  return [
    `${cartCookieName(secure, base)}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${CART_COOKIE_DAYS * 24 * 3600}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

interface CartContext {
  request: RequestInfo;
  responseCookies: string[];
}

/**
 * The cart token of this request: one set earlier in the same request (a loader that adds then
 * reads), else the request's Cookie header. `cookieHeader` is read defensively so this works
 * whether or not the server's RequestInfo carries it yet.
 */
export function readCartToken(ctx: CartContext, base: CartCookieBase = "coop_cart"): string | null {
  const name = cartCookieName(ctx.request.secure, base);
  for (const cookie of ctx.responseCookies) {
    const value = readCookie(cookie.split(";")[0], name);
    if (value) return value;
  }
  const header = (ctx.request as RequestInfo & { cookieHeader?: string | null }).cookieHeader;
  return readCookie(header, name) ?? null;
}

export function rememberCart(ctx: CartContext, newToken: string | null, base: CartCookieBase = "coop_cart"): void {
  if (newToken) ctx.responseCookies.push(cartCookie(newToken, ctx.request.secure, base));
}
