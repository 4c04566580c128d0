import { PRODUCT_STATUSES, PRODUCT_UNITS } from "@coop/db";
import { z } from "zod";
import { harvestProblem, parseHarvestMonth } from "./harvest.ts";
import { parseBahtToSatang, toAsciiDigits } from "./price.ts";

// Messages are i18n keys (the tRPC layer turns issues into field → key pairs for forms).

export const MAX_STOCK = 1_000_000;

const PRICE_MESSAGES = {
  required: "validation.required",
  invalid: "catalog.price_invalid",
  decimals: "catalog.price_decimals",
  too_high: "catalog.price_too_high",
} as const;

/** Price in baht as a person typed it (or a number) → integer satang. */
export const priceSchema = z.union([z.string(), z.number()], { error: "validation.required" }).transform((value, ctx) => {
  const parsed = parseBahtToSatang(value);
  if (parsed.ok) return parsed.satang;
  ctx.addIssue({ code: "custom", message: PRICE_MESSAGES[parsed.problem] });
  return z.NEVER;
});

/** A whole number from a form ("1,000", "๑๒") or JSON. Empty text is "not given" unless required. */
function wholeNumber(min: number, max: number, message: string): z.ZodType<number | undefined, string | number>;
function wholeNumber(min: number, max: number, message: string, required: "required"): z.ZodType<number, string | number>;
function wholeNumber(min: number, max: number, message: string, required?: "required"): z.ZodType<number | undefined, string | number> {
  return z.union([z.string(), z.number()], { error: message }).transform((value, ctx) => {
    const text = typeof value === "number" ? String(value) : toAsciiDigits(value.trim()).replaceAll(",", "");
    if (text === "") {
      if (!required) return undefined;
      ctx.addIssue({ code: "custom", message: "validation.required" });
      return z.NEVER;
    }
    const n = /^[+-]?\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
    if (!(n >= min && n <= max)) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return n;
  });
}

/** Optional text: trimmed, empty becomes null. */
const optionalText = (max: number) =>
  z
    .string({ error: "validation.invalid" })
    .trim()
    .max(max, "validation.too_long")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

const nameTh = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(200, "validation.too_long");
const unit = z.enum(PRODUCT_UNITS, { error: (issue) => (issue.input === undefined || issue.input === "" ? "validation.required" : "catalog.unit_invalid") });
const status = z.enum(PRODUCT_STATUSES, { error: "catalog.status_invalid" });
/** A product_categories id; whether it exists is checked against the table by the use case. */
const categoryId = z
  .string({ error: "catalog.category_invalid" })
  .trim()
  .refine((v) => v === "" || /^[a-z0-9-]{1,60}$/.test(v), "catalog.category_invalid")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();
/** "YYYY-MM" (a Buddhist-era year is converted); empty is null. */
const expectedHarvest = z
  .string({ error: "catalog.harvest_invalid" })
  .transform((value, ctx) => {
    if (value.trim() === "") return null;
    const month = parseHarvestMonth(value);
    if (month) return month;
    ctx.addIssue({ code: "custom", message: "catalog.harvest_invalid" });
    return z.NEVER;
  })
  .nullable()
  .optional();

/** The cross-field harvest rule may run once status and harvest month themselves parsed. */
function harvestFieldsParsed(payload: { value: unknown; issues: ReadonlyArray<{ path?: readonly PropertyKey[] | undefined }> }): boolean {
  if (typeof payload.value !== "object" || payload.value === null) return false;
  return !payload.issues.some((issue) => !issue.path?.length || issue.path[0] === "status" || issue.path[0] === "expectedHarvest");
}

export const productIdSchema = z.guid("catalog.product_not_found");

const productFields = {
  nameTh,
  nameEn: optionalText(200),
  descriptionTh: optionalText(5000),
  descriptionEn: optionalText(5000),
  price: priceSchema,
  unit,
  categoryId,
  status,
  expectedHarvest,
};

export const createProductInput = z
  .object({
    ...productFields,
    status: status.default("available"),
    initialStock: wholeNumber(0, MAX_STOCK, "catalog.stock_invalid").optional(),
  })
  .superRefine(
    (input, ctx) => {
      const problem = harvestProblem({ status: input.status, harvest: input.expectedHarvest ?? null, harvestChanged: true });
      if (problem) ctx.addIssue({ code: "custom", path: ["expectedHarvest"], message: problem });
    },
    // Also when other fields are wrong, so the form shows every problem at once.
    { when: harvestFieldsParsed },
  );
export type CreateProductInput = z.output<typeof createProductInput>;

/** The fields to change; absent fields are left as they are. */
export const updateProductInput = z
  .object({ productId: productIdSchema })
  .extend(z.object(productFields).partial().shape)
  .superRefine(
    (input, ctx) => {
      // The rest of the harvest rule needs the stored product (see updateProduct).
      if (input.status === "coming_soon" && input.expectedHarvest === null) {
        ctx.addIssue({ code: "custom", path: ["expectedHarvest"], message: "catalog.harvest_required" });
      }
    },
    { when: harvestFieldsParsed },
  );
export type UpdateProductInput = z.output<typeof updateProductInput>;

export const productRefInput = z.object({ productId: productIdSchema });
export type ProductRefInput = z.output<typeof productRefInput>;

export const adjustStockInput = z.object({
  productId: productIdSchema,
  delta: wholeNumber(-MAX_STOCK, MAX_STOCK, "catalog.delta_invalid", "required").refine((v) => v !== 0, "catalog.delta_zero"),
  reason: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(200, "validation.too_long"),
});
export type AdjustStockInput = z.output<typeof adjustStockInput>;

export const ADMIN_PRODUCT_SORTS = ["updated", "newest", "name", "price_asc", "price_desc", "stock"] as const;
export type AdminProductSort = (typeof ADMIN_PRODUCT_SORTS)[number];
export const ARCHIVE_FILTERS = ["active", "archived", "all"] as const;
export const MAX_PAGE_SIZE = 100;

export const listAdminProductsInput = z
  .object({
    q: z.string().trim().max(100, "validation.too_long").optional(),
    status: status.optional(),
    categoryId: z.string().trim().regex(/^[a-z0-9-]{1,60}$/, "catalog.category_invalid").optional(),
    archived: z.enum(ARCHIVE_FILTERS).default("active"),
    sort: z.enum(ADMIN_PRODUCT_SORTS).default("updated"),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .default({ archived: "active", sort: "updated", limit: 20, offset: 0 });
export type ListAdminProductsInput = z.output<typeof listAdminProductsInput>;

export const stockHistoryInput = z.object({
  productId: productIdSchema,
  limit: z.number().int().min(1).max(100).default(50),
});
export type StockHistoryInput = z.output<typeof stockHistoryInput>;
