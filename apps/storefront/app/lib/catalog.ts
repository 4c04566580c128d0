import { formatBaht, type Locale, t, unitLabel } from "@coop/i18n";
import { localizedText } from "@coop/ui";
import { stockState, type StockState } from "./stock.ts";
import type { PublicProduct } from "./types.ts";

/** A product ready to render: every string is formatted on the server, so hydration never disagrees. */
export interface ProductView {
  id: string;
  /** `lang` is Thai when an English reader gets the Thai text because the co-op wrote no English. */
  name: { text: string; lang: Locale };
  description: { text: string; lang: Locale } | null;
  /** "฿45 / กก." */
  price: string;
  stock: StockState;
  /** Decides the tile's picture when the product has no photo. */
  unit: string;
  photo: PublicProduct["photo"];
}

export function toProductView(product: PublicProduct, locale: Locale): ProductView {
  const description = localizedText(locale, product.descriptionTh ?? "", product.descriptionEn);
  return {
    id: product.id,
    name: localizedText(locale, product.nameTh, product.nameEn),
    description: description.text.trim() ? description : null,
    price: t(locale, "store.pricePerUnit", {
      price: formatBaht(product.priceSatang, locale),
      unit: unitLabel(product.unit, locale),
    }),
    stock: stockState(product),
    unit: product.unit,
    photo: product.photo,
  };
}
