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
  /** The product's first photo, or null when it has none. */
  photo: PublicPhoto | null;
}

/** An image ready for `<img src srcset>`: WebP variants, widths in pixels. */
export interface PublicPhoto {
  src: string;
  srcSet: string;
  width: number;
  height: number;
}
