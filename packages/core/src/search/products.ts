import { type Database, type Kysely, sql, type Transaction, withTenant } from "@coop/db";
import { indexDocument, removeDocument } from "./index-document.ts";

/** Product categories that clearly are one crop, so a product is found under that crop's filter. */
const CATEGORY_CROPS: Readonly<Record<string, readonly string[]>> = {
  rice: ["rice"],
  mushrooms: ["mushrooms"],
  herbs: ["herbs"],
  vegetables: ["vegetables"],
  honey: ["bees"],
  aquatic: ["fish"],
  rubber: ["rubber"],
  textiles: ["silk"],
};

/** The product categories filed under a crop (the marketplace's crop filter uses the same mapping as search). */
export function categoriesOfCrop(crop: string): string[] {
  return Object.entries(CATEGORY_CROPS)
    .filter(([, crops]) => crops.includes(crop))
    .map(([category]) => category);
}

/**
 * Brings a product's search row in line with the product: listed products (not hidden, not
 * archived) are indexed and visible on the network (whether the co-op is active is checked when
 * searching); hidden or archived ones leave the index. Call it inside the `withTenant`
 * transaction that changed the product.
 */
export async function indexProduct(trx: Transaction<Database>, tenantId: string, productId: string): Promise<void> {
  const row = await trx
    .selectFrom("products as p")
    .innerJoin("tenants as t", "t.id", "p.tenant_id")
    .select([
      "p.id", "p.name_th", "p.name_en", "p.description_th", "p.description_en", "p.status", "p.archived_at", "p.category_id",
      "p.created_at", "t.province_code",
      (eb) =>
        eb
          .selectFrom("product_photos as ph")
          .select("ph.storage_key")
          .whereRef("ph.tenant_id", "=", "p.tenant_id")
          .whereRef("ph.product_id", "=", "p.id")
          .orderBy("ph.position")
          .limit(1)
          .as("photo_key"),
    ])
    .where("p.tenant_id", "=", tenantId)
    .where("p.id", "=", productId)
    .executeTakeFirst();
  if (!row || row.status === "hidden" || row.archived_at) {
    await removeDocument(trx, "product", productId);
    return;
  }
  await indexDocument(trx, {
    kind: "product",
    refId: row.id,
    ownerTenantId: tenantId,
    networkVisible: true,
    title: row.name_th,
    summary: row.name_en ?? "",
    body: [row.description_th, row.description_en].filter(Boolean).join("\n"),
    crops: row.category_id ? (CATEGORY_CROPS[row.category_id] ?? []) : [],
    provinceCode: row.province_code,
    imageKey: row.photo_key ?? null,
    publishedAt: row.created_at,
  });
}

/** Re-indexes every product of one co-op (after an import or the demo seed); returns how many were looked at. */
export async function reindexTenantProducts(db: Kysely<Database>, tenantId: string): Promise<number> {
  return withTenant(db, tenantId, async (trx) => {
    const products = await trx.selectFrom("products").select("id").where("tenant_id", "=", tenantId).execute();
    for (const { id } of products) await indexProduct(trx, tenantId, id);
    // Rows of products that no longer exist.
    await trx
      .deleteFrom("search_documents")
      .where("kind", "=", "product")
      .where("owner_tenant_id", "=", tenantId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("products").select(sql`1`.as("one")).where("tenant_id", "=", tenantId).whereRef("products.id", "=", "search_documents.ref_id"))),
      )
      .execute();
    return products.length;
  });
}

/** Re-indexes the products of every co-op, one co-op per transaction. */
export async function reindexAllProducts(db: Kysely<Database>): Promise<{ tenants: number; products: number }> {
  const tenants = await db.selectFrom("tenants").select("id").orderBy("created_at").execute();
  let products = 0;
  for (const { id } of tenants) products += await reindexTenantProducts(db, id);
  return { tenants: tenants.length, products };
}
