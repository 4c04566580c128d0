import type { ProductStatus, ProductUnit } from "@coop/db";

/** A product as the public sees it on a co-op's site (hidden products never appear). */
export interface PublicProduct {
  id: string;
  nameTh: string;
  nameEn: string | null;
  descriptionTh: string | null;
  descriptionEn: string | null;
  /** Integer satang (1 baht = 100 satang). */
  priceSatang: number;
  unit: ProductUnit;
  stock: number;
  status: Exclude<ProductStatus, "hidden">;
}
