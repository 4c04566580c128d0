import { type Database, type Kysely, withTenant } from "@coop/db";
import { firstPhotos } from "./public/photos.ts";
import type { PublicProduct } from "./types.ts";

/** A co-op's catalogue as customers see it: everything but hidden and archived products, available first. */
export async function listPublicProducts(
  db: Kysely<Database>,
  tenantId: string,
  options: { limit: number; offset: number },
): Promise<PublicProduct[]> {
  const { rows, photos } = await withTenant(db, tenantId, async (trx) => {
    const rows = await trx
      .selectFrom("products")
      .select(["id", "name_th", "name_en", "description_th", "description_en", "price_satang", "unit", "stock", "status"])
      .where("tenant_id", "=", tenantId)
      .where("status", "!=", "hidden")
      .where("archived_at", "is", null)
      .orderBy((eb) => eb.case().when("status", "=", "available").then(0).when("status", "=", "coming_soon").then(1).else(2).end())
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    const photos = await firstPhotos(trx, tenantId, rows.map((r) => r.id));
    return { rows, photos };
  });
  return rows.map((r) => ({
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
}
