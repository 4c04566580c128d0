import { type Database, type Kysely, withTenant } from "@coop/db";
import type { CatalogueCategory } from "./types.ts";

/** The categories this co-op has visible products in, in the taxonomy's order, with how many. */
export async function listCatalogueCategories(db: Kysely<Database>, tenantId: string): Promise<CatalogueCategory[]> {
  const rows = await withTenant(db, tenantId, (trx) =>
    trx
      .selectFrom("products as p")
      .innerJoin("product_categories as c", "c.id", "p.category_id")
      .select(["c.id", "c.name_th", "c.name_en", "c.position", (eb) => eb.fn.countAll<string>().as("n")])
      .where("p.tenant_id", "=", tenantId)
      .where("p.status", "!=", "hidden")
      .where("p.archived_at", "is", null)
      .groupBy(["c.id", "c.name_th", "c.name_en", "c.position"])
      .orderBy("c.position")
      .orderBy("c.id")
      .execute(),
  );
  return rows.map((r) => ({ id: r.id, nameTh: r.name_th, nameEn: r.name_en, count: Number(r.n) }));
}
