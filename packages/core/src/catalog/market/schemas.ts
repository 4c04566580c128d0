import { z } from "zod";

export const MARKET_SORTS = ["relevance", "newest", "price_asc", "price_desc"] as const;
export type MarketSort = (typeof MARKET_SORTS)[number];
export const MARKET_MAX_PAGE_SIZE = 48;
/** Deep pages cost more than anyone reads; narrower filters reach the rest. */
export const MARKET_MAX_PAGE = 100;

const baht = z.coerce.number({ error: "market.errors.price" }).min(0, "market.errors.price").max(1_000_000, "market.errors.price");

/** The marketplace's filters and sort, as a query string carries them (messages are i18n keys). */
export const marketQueryInput = z
  .object({
    q: z.string({ error: "validation.invalid" }).trim().max(100, "validation.too_long").optional(),
    category: z.string({ error: "validation.invalid" }).trim().regex(/^[a-z0-9-]{1,60}$/, "validation.invalid").optional(),
    crop: z.string({ error: "validation.invalid" }).trim().regex(/^[a-z][a-z0-9-]{1,40}$/, "validation.invalid").optional(),
    provinceCode: z.coerce.number({ error: "validation.province" }).int("validation.province").min(1, "validation.province").max(99, "validation.province").optional(),
    coop: z.string({ error: "validation.invalid" }).trim().regex(/^[a-z0-9-]{3,40}$/, "validation.invalid").optional(),
    minBaht: baht.optional(),
    maxBaht: baht.optional(),
    inSeason: z.boolean({ error: "validation.invalid" }).optional(),
    sort: z.enum(MARKET_SORTS, { error: "validation.invalid" }).optional(),
    page: z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(MARKET_MAX_PAGE, "validation.invalid").default(1),
    pageSize: z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(MARKET_MAX_PAGE_SIZE, "validation.invalid").default(24),
  })
  .refine((v) => v.minBaht === undefined || v.maxBaht === undefined || v.minBaht <= v.maxBaht, { message: "market.errors.price_range", path: ["maxBaht"] });
export type MarketQueryInput = z.input<typeof marketQueryInput>;
