export type ProductStatus = "available" | "sold_out" | "coming_soon" | "hidden";

/** A product as the public sees it on a co-op's site (hidden products never appear). */
export interface PublicProduct {
  id: string;
  nameTh: string;
  nameEn: string | null;
  descriptionTh: string | null;
  descriptionEn: string | null;
  /** Integer satang (1 baht = 100 satang). */
  priceSatang: number;
  /** A code from PRODUCT_UNITS in @coop/db; labels live in @coop/i18n. */
  unit: string;
  stock: number;
  status: Exclude<ProductStatus, "hidden">;
}
