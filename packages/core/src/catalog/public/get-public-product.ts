import { type Database, type Kysely, withTenant } from "@coop/db";
import { AppError } from "../../errors.ts";
import type { PublicPhoto, PublicProduct } from "../types.ts";
import { toPublicPhoto } from "./photos.ts";
import type { PublicProductDetail } from "./types.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function monthOf(date: Date | string | null): string | null {
  if (!date) return null;
  if (typeof date === "string") return date.slice(0, 7);
  // A `date` column arrives as local midnight of that day.
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

/** One product of this co-op as customers see it; NOT_FOUND for hidden, archived or another co-op's products. */
export async function getPublicProduct(db: Kysely<Database>, tenantId: string, productId: string): Promise<PublicProductDetail> {
  if (!UUID.test(productId)) throw new AppError("NOT_FOUND", "catalog.product_not_found");
  const found = await withTenant(db, tenantId, async (trx) => {
    const row = await trx
      .selectFrom("products as p")
      .leftJoin("product_categories as c", "c.id", "p.category_id")
      .select([
        "p.id", "p.name_th", "p.name_en", "p.description_th", "p.description_en", "p.price_satang", "p.unit", "p.stock", "p.status",
        "p.expected_harvest", "c.id as category_id", "c.name_th as category_name_th", "c.name_en as category_name_en",
      ])
      .where("p.tenant_id", "=", tenantId)
      .where("p.id", "=", productId)
      .where("p.status", "!=", "hidden")
      .where("p.archived_at", "is", null)
      .executeTakeFirst();
    if (!row) return null;
    const photos = await trx
      .selectFrom("product_photos")
      .select(["variants", "width", "height"])
      .where("tenant_id", "=", tenantId)
      .where("product_id", "=", productId)
      .orderBy("position")
      .orderBy("created_at")
      .execute();
    return { row, photos };
  });
  if (!found) throw new AppError("NOT_FOUND", "catalog.product_not_found");
  const { row, photos } = found;
  const gallery = photos.map(toPublicPhoto).filter((p): p is PublicPhoto => p !== null);
  return {
    id: row.id,
    nameTh: row.name_th,
    nameEn: row.name_en,
    descriptionTh: row.description_th,
    descriptionEn: row.description_en,
    priceSatang: row.price_satang,
    unit: row.unit,
    stock: row.stock,
    status: row.status as PublicProduct["status"],
    photo: gallery[0] ?? null,
    photos: gallery,
    expectedHarvest: monthOf(row.expected_harvest),
    category: row.category_id ? { id: row.category_id, nameTh: row.category_name_th ?? "", nameEn: row.category_name_en ?? "" } : null,
  };
}
