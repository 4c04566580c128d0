export { appRouter, createCaller } from "./root.ts";
export type { AppRouter, AppCaller } from "./root.ts";
export { createContext } from "./context.ts";
export type { TrpcContext, RequestInfo } from "./context.ts";
export { sessionCookie, clearedSessionCookie, sessionCookieName, readCookie } from "./cookies.ts";
export { cartCookieName } from "./routers/cart/cookie.ts";
export { coopSiteUrl } from "./site.ts";
export type { Site, PublicOrigins } from "./site.ts";
export type { WebLoadContext } from "./web-context.ts";
/** Request budgets, exported so the benchmark can lift them: it measures the work, not the limits. */
export { CHECKOUT_LIMIT, CHECKOUT_LIMIT_PER_COOP } from "./routers/checkout/place.ts";
export { SEARCH_LIMITS } from "./routers/search/limits.ts";
