import { type Database, type Kysely, sql, type Transaction } from "@coop/db";
import { parseQuery } from "@coop/search";
import { AppError } from "../../errors.ts";
import { categoriesOfCrop } from "../../search/products.ts";
import { documentMatch, applyTrigramThreshold } from "../../search/search.ts";
import { toPublicPhoto } from "../public/photos.ts";
import type { PublicProduct } from "../types.ts";
import { type MarketQueryInput, marketQueryInput, type MarketSort } from "./schemas.ts";

/** A product on the network marketplace, with the co-op that sells it. */
export interface MarketProduct extends PublicProduct {
  categoryId: string | null;
  harvestMonths: number[];
  coop: { slug: string; nameTh: string; nameEn: string | null; province: { code: number; nameTh: string; nameEn: string } };
}

export interface MarketPage {
  items: MarketProduct[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  sort: MarketSort;
  /** True when no product held every word of `q` and the closest names are shown instead. */
  fuzzy: boolean;
}

/** The current month in Thailand (1–12), for the in-season filter. */
const BANGKOK_MONTH = sql<number>`extract(month FROM now() AT TIME ZONE 'Asia/Bangkok')::int`;

function parseMarketQuery(input: unknown) {
  const parsed = marketQueryInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "_")] ??= issue.message;
  throw new AppError("VALIDATION", "validation.invalid", { fields });
}

/**
 * The network marketplace: listed products of every active co-op, filtered by category, crop,
 * province, co-op, price and season, searched in Thai or English through the search index, and
 * sorted by relevance, price or recency. It runs with no co-op set, where the `network_read`
 * policies (migration 0011) show only listed products of active co-ops.
 */
export async function listMarketProducts(db: Kysely<Database>, rawInput: MarketQueryInput): Promise<MarketPage> {
  const input = parseMarketQuery(rawInput);
  const words = parseQuery(input.q ?? "");
  const searching = words.words.length > 0;
  const sort: MarketSort = input.sort ?? (searching ? "relevance" : "newest");
  return db.transaction().execute(async (trx) => {
    if (searching) await applyTrigramThreshold(trx);
    const filtered = (fuzzy: boolean) => {
      let q = trx
        .selectFrom("products as p")
        .innerJoin("tenants as t", "t.id", "p.tenant_id")
        .innerJoin("provinces as pr", "pr.code", "t.province_code")
        .where("t.status", "=", "active")
        .where("p.archived_at", "is", null)
        .where("p.status", "!=", "hidden");
      if (searching) {
        const match = documentMatch(words, fuzzy);
        q = q.innerJoin("search_documents as d", (join) => join.on("d.kind", "=", "product").onRef("d.ref_id", "=", "p.id")).where(match.where);
      }
      if (input.category) {
        const category = input.category;
        q = q.where("p.category_id", "in", (eb) => eb.selectFrom("product_categories").select("id").where((w) => w.or([w("id", "=", category), w("parent_id", "=", category)])));
      }
      if (input.crop) {
        const categories = categoriesOfCrop(input.crop);
        q = categories.length > 0 ? q.where("p.category_id", "in", categories) : q.where(sql<boolean>`false`);
      }
      if (input.provinceCode) q = q.where("t.province_code", "=", input.provinceCode);
      if (input.coop) q = q.where("t.slug", "=", input.coop);
      if (input.minBaht !== undefined) q = q.where("p.price_satang", ">=", Math.round(input.minBaht * 100));
      if (input.maxBaht !== undefined) q = q.where("p.price_satang", "<=", Math.round(input.maxBaht * 100));
      if (input.inSeason) q = q.where(sql<boolean>`${BANGKOK_MONTH} = ANY(p.harvest_months)`);
      return q;
    };
    const count = async (fuzzy: boolean) => Number((await filtered(fuzzy).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
    let fuzzy = false;
    let total = await count(false);
    if (total === 0 && searching) {
      fuzzy = true;
      total = await count(true);
    }
    const pageCount = Math.max(1, Math.ceil(total / input.pageSize));
    const page = Math.min(input.page, pageCount);
    if (total === 0) return { items: [], total, page: 1, pageSize: input.pageSize, pageCount, sort, fuzzy };

    let listed = filtered(fuzzy).select([
      "p.tenant_id", "p.id", "p.name_th", "p.name_en", "p.description_th", "p.description_en", "p.price_satang", "p.unit", "p.stock", "p.status",
      "p.category_id", "p.harvest_months", "t.slug", "t.name_th as coop_name_th", "t.name_en as coop_name_en", "t.province_code",
      "pr.name_th as province_name_th", "pr.name_en as province_name_en",
    ]);
    if (sort === "relevance" && searching) listed = listed.orderBy(documentMatch(words, fuzzy).score, "desc").orderBy("p.created_at", "desc");
    else if (sort === "price_asc") listed = listed.orderBy("p.price_satang", "asc");
    else if (sort === "price_desc") listed = listed.orderBy("p.price_satang", "desc");
    else listed = listed.orderBy("p.created_at", "desc");
    const rows = await listed.orderBy("p.id").limit(input.pageSize).offset((page - 1) * input.pageSize).execute();
    const photos = await firstMarketPhotos(trx, rows.map((r) => ({ tenantId: r.tenant_id, productId: r.id })));
    const items = rows.map(
      (r): MarketProduct => ({
        id: r.id, nameTh: r.name_th, nameEn: r.name_en, descriptionTh: r.description_th, descriptionEn: r.description_en, priceSatang: r.price_satang,
        unit: r.unit, stock: r.stock, status: r.status as PublicProduct["status"], photo: photos.get(r.id) ?? null, categoryId: r.category_id,
        harvestMonths: r.harvest_months,
        coop: {
          slug: r.slug, nameTh: r.coop_name_th, nameEn: r.coop_name_en,
          province: { code: r.province_code, nameTh: r.province_name_th, nameEn: r.province_name_en },
        },
      }),
    );
    return { items, total, page, pageSize: input.pageSize, pageCount, sort, fuzzy };
  });
}

/** The first photo of each product across co-ops, in one query (the page's products only). */
async function firstMarketPhotos(trx: Transaction<Database>, products: { tenantId: string; productId: string }[]) {
  if (products.length === 0) return new Map<string, PublicProduct["photo"]>();
  const photos = await trx
    .selectFrom("product_photos")
    .distinctOn("product_id")
    .select(["product_id", "variants", "width", "height"])
    .where((eb) => eb.or(products.map((p) => eb.and([eb("tenant_id", "=", p.tenantId), eb("product_id", "=", p.productId)]))))
    .orderBy("product_id")
    .orderBy("position")
    .orderBy("created_at")
    .execute();
  return new Map(photos.map((p) => [p.product_id, toPublicPhoto(p)]));
}
