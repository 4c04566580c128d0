import { type Locale, type MessageKey, translator } from "@coop/i18n";
import { type StockView, stockView } from "./values.ts";

const LABEL = {
  archived: "admin.products.badge.archived",
  hidden: "admin.products.badge.hidden",
  coming_soon: "admin.products.badge.coming_soon",
  sold_out: "admin.products.badge.sold_out",
  low: "admin.products.badge.low",
  in_stock: "admin.products.badge.in_stock",
} as const satisfies Record<StockView, MessageKey>;

const TONE: Record<StockView, string> = {
  archived: "bg-earth-100 text-earth-600 ring-earth-300",
  hidden: "bg-white text-earth-600 ring-earth-300",
  coming_soon: "bg-white text-leaf-800 ring-leaf-200",
  sold_out: "bg-clay-100 text-clay-800 ring-clay-800/20",
  low: "bg-turmeric-100 text-turmeric-800 ring-turmeric-800/20",
  in_stock: "bg-leaf-100 text-leaf-800 ring-leaf-200",
};

/** What a customer would see of this product, at a glance: on sale, running low, sold out, hidden… */
export function ProductStockBadge({
  product,
  locale,
}: {
  product: { status: "available" | "sold_out" | "coming_soon" | "hidden"; stock: number; archivedAt: string | null };
  locale: Locale;
}) {
  const view = stockView(product);
  return (
    <span
      data-stock={view}
      className={`inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONE[view]}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {translator(locale)(LABEL[view])}
    </span>
  );
}
