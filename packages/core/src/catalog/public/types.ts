import type { PublicPhoto, PublicProduct } from "../types.ts";

export const CATALOGUE_SORTS = ["newest", "price_asc", "price_desc", "name"] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];

export interface CatalogueQuery {
  /** Free text matched against Thai and English names and descriptions. */
  q?: string | undefined;
  categoryId?: string | undefined;
  sort: CatalogueSort;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface CataloguePage {
  items: PublicProduct[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** A category that has at least one product a customer can see on this co-op's site. */
export interface CatalogueCategory {
  id: string;
  nameTh: string;
  nameEn: string;
  count: number;
}

/** One product's own page: every photo, its category and harvest month. */
export interface PublicProductDetail extends PublicProduct {
  photos: PublicPhoto[];
  /** "YYYY-MM" when the co-op expects the harvest (coming-soon products). */
  expectedHarvest: string | null;
  category: { id: string; nameTh: string; nameEn: string } | null;
}

/** How customers reach the co-op (every field optional: the co-op fills what it has). */
export interface CoopContact {
  phone: string | null;
  email: string | null;
  lineId: string | null;
  facebookUrl: string | null;
  openingHours: string | null;
  address: {
    line: string | null;
    subdistrict: string | null;
    district: string | null;
    province: { code: number; nameTh: string; nameEn: string } | null;
    postcode: string | null;
  };
}
