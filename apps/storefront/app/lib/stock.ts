import type { MessageKey } from "@coop/i18n";

/** At or below this many units left, a product shows "เหลือน้อย". */
export const LOW_STOCK_THRESHOLD = 10;

export type StockState = "sold_out" | "coming_soon" | "low" | "in_stock";

export function stockState(product: { status: "available" | "sold_out" | "coming_soon"; stock: number }): StockState {
  if (product.status === "coming_soon") return "coming_soon";
  if (product.status === "sold_out" || product.stock <= 0) return "sold_out";
  return product.stock <= LOW_STOCK_THRESHOLD ? "low" : "in_stock";
}

export const STOCK_LABEL = {
  sold_out: "stock.soldOut",
  coming_soon: "stock.comingSoon",
  low: "stock.low",
  in_stock: "stock.inStock",
} as const satisfies Record<StockState, MessageKey>;
