import { type Database, type Kysely, withTenant } from "@coop/db";
import type { PublicProduct } from "../types.ts";
import { firstPhotos } from "./photos.ts";
import type { CatalogueQuery, CataloguePage } from "./types.ts";

/** Longest search text used; the rest is ignored. */
export const MAX_QUERY_LENGTH = 100;

/** `%` and `_` typed by a customer are letters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Search text as matched: trimmed, inner white space collapsed, bounded. Empty → no search. */
export function normaliseQuery(q: string | undefined): string {
  return (q ?? "").trim().replace(/\s+/g, " ").slice(0, MAX_QUERY_LENGTH);
}

/**
 * The co-op's catalogue page by page, as customers see it (never hidden or archived products):
 * filtered by category (a parent category includes its children), searched with a simple
 * case-insensitive substring match on Thai and English names and descriptions, sorted.
 */
export async function listCatalogue(db: Kysely<Database>, tenantId: string, query: CatalogueQuery): Promise<CataloguePage> {
  const q = normaliseQuery(query.q);
  const { rows, total, photos } = await withTenant(db, tenantId, async (trx) => {
    let base = trx
      .selectFrom("products")
      .where("tenant_id", "=", tenantId)
      .where("status", "!=", "hidden")
      .where("archived_at", "is", null);
    if (query.categoryId) {
      const categoryId = query.categoryId;
      base = base.where("category_id", "in", (eb) =>
        eb.selectFrom("product_categories").select("id").where((w) => w.or([w("id", "=", categoryId), w("parent_id", "=", categoryId)])),
      );
    }
    if (q) {
      const pattern = likePattern(q);
      base = base.where((eb) =>
        eb.or([
          eb("name_th", "ilike", pattern),
          eb("name_en", "ilike", pattern),
          eb("description_th", "ilike", pattern),
          eb("description_en", "ilike", pattern),
        ]),
      );
    }
    const counted = await base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    let listed = base.select(["id", "name_th", "name_en", "description_th", "description_en", "price_satang", "unit", "stock", "status"]);
    switch (query.sort) {
      case "price_asc":
        listed = listed.orderBy("price_satang", "asc");
        break;
      case "price_desc":
        listed = listed.orderBy("price_satang", "desc");
        break;
      case "name":
        listed = listed.orderBy("name_th", "asc");
        break;
      case "newest":
        listed = listed.orderBy("created_at", "desc");
        break;
    }
    const rows = await listed
      .orderBy("id")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    const photos = await firstPhotos(trx, tenantId, rows.map((r) => r.id));
    return { rows, total: Number(counted.n), photos };
  });
  const items: PublicProduct[] = rows.map((r) => ({
    id: r.id,
    nameTh: r.name_th,
    nameEn: r.name_en,
    descriptionTh: r.description_th,
    descriptionEn: r.description_en,
    priceSatang: r.price_satang,
    unit: r.unit,
    stock: r.stock,
    status: r.status as PublicProduct["status"],
    photo: photos.get(r.id) ?? null,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}
