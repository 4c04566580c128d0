// The network marketplace: every active co-op's listed products in one place (issue 7).
export { listMarketProducts } from "./list-market.ts";
export type { MarketProduct, MarketPage } from "./list-market.ts";
export { marketOptions } from "./options.ts";
export type { MarketOptions } from "./options.ts";
export { marketQueryInput, MARKET_SORTS, MARKET_MAX_PAGE_SIZE, MARKET_MAX_PAGE } from "./schemas.ts";
export type { MarketQueryInput, MarketSort } from "./schemas.ts";
