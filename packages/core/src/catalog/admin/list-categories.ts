import type { Database, Kysely } from "@coop/db";
import type { CategoryOption } from "./types.ts";

/** The shared farm-product taxonomy (a reference table: the same for every co-op). */
export async function listCategories(db: Kysely<Database>): Promise<CategoryOption[]> {
  const rows = await db.selectFrom("product_categories").select(["id", "parent_id", "name_th", "name_en"]).orderBy("position").orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, nameTh: r.name_th, nameEn: r.name_en }));
}
