import type { StockState } from "../../lib/stock.ts";

/** "เหลือน้อย" is still in stock for shoppers and search engines alike. */
const AVAILABILITY: Record<StockState, string> = {
  in_stock: "https://schema.org/InStock",
  low: "https://schema.org/InStock",
  sold_out: "https://schema.org/OutOfStock",
  coming_soon: "https://schema.org/PreOrder",
};

/** schema.org `Product` with its offer, for search engines' rich results. */
export function productJsonLd(input: {
  url: string;
  name: string;
  description: string | null;
  images: string[];
  priceSatang: number;
  stock: StockState;
  sellerName: string;
  category: string | null;
}): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: input.name,
    url: input.url,
    ...(input.description ? { description: input.description } : {}),
    ...(input.images.length > 0 ? { image: input.images } : {}),
    ...(input.category ? { category: input.category } : {}),
    offers: {
      "@type": "Offer",
      url: input.url,
      priceCurrency: "THB",
      price: (input.priceSatang / 100).toFixed(2),
      availability: AVAILABILITY[input.stock],
      seller: { "@type": "Organization", name: input.sellerName },
    },
  };
}
