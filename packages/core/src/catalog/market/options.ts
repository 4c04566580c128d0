import { type Database, type Kysely, sql } from "@coop/db";
import { categoriesOfCrop } from "../../search/products.ts";

export interface MarketOptions {
  categories: { id: string; parentId: string | null; nameTh: string; nameEn: string; count: number }[];
  crops: { code: string; nameTh: string; nameEn: string }[];
  provinces: { code: number; nameTh: string; nameEn: string; count: number }[];
  coops: { slug: string; nameTh: string; nameEn: string | null; count: number }[];
}

/**
 * What the marketplace's filters offer: categories, provinces and co-ops that have listed
 * products (with how many), and the crops products are filed under.
 */
export async function marketOptions(db: Kysely<Database>): Promise<MarketOptions> {
  return db.transaction().execute(async (trx) => {
    const listed = trx
      .selectFrom("products as p")
      .innerJoin("tenants as t", "t.id", "p.tenant_id")
      .where("t.status", "=", "active")
      .where("p.archived_at", "is", null)
      .where("p.status", "!=", "hidden");
    const n = sql<number>`count(*)::int`;
    const [byCategory, byProvince, byCoop, categories, crops] = await Promise.all([
      listed.select(["p.category_id", n.as("n")]).groupBy("p.category_id").execute(),
      listed
        .innerJoin("provinces as pr", "pr.code", "t.province_code")
        .select(["pr.code", "pr.name_th", "pr.name_en", n.as("n")])
        .groupBy(["pr.code", "pr.name_th", "pr.name_en"])
        .orderBy("pr.name_th")
        .execute(),
      listed.select(["t.slug", "t.name_th", "t.name_en", n.as("n")]).groupBy(["t.slug", "t.name_th", "t.name_en"]).orderBy("t.name_th").execute(),
      trx.selectFrom("product_categories").select(["id", "parent_id", "name_th", "name_en"]).orderBy("position").orderBy("id").execute(),
      trx.selectFrom("crops").select(["code", "name_th", "name_en"]).orderBy("position").orderBy("code").execute(),
    ]);
    const counts = new Map(byCategory.map((r) => [r.category_id, r.n]));
    const countOf = (id: string) => (counts.get(id) ?? 0) + categories.filter((c) => c.parent_id === id).reduce((sum, c) => sum + (counts.get(c.id) ?? 0), 0);
    return {
      categories: categories.map((c) => ({ id: c.id, parentId: c.parent_id, nameTh: c.name_th, nameEn: c.name_en, count: countOf(c.id) })).filter((c) => c.count > 0),
      crops: crops.filter((c) => categoriesOfCrop(c.code).length > 0).map((c) => ({ code: c.code, nameTh: c.name_th, nameEn: c.name_en })),
      provinces: byProvince.map((p) => ({ code: p.code, nameTh: p.name_th, nameEn: p.name_en, count: p.n })),
      coops: byCoop.map((c) => ({ slug: c.slug, nameTh: c.name_th, nameEn: c.name_en, count: c.n })),
    };
  });
}
