import { type Database, type Kysely, withTenant } from "@coop/db";
import { mediaUrl } from "../media/urls.ts";
import type { PublicPhoto, PublicProduct } from "./types.ts";

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
    // The first photo of each listed product, in one query.
    const photos =
      rows.length === 0
        ? []
        : await trx
            .selectFrom("product_photos")
            .distinctOn("product_id")
            .select(["product_id", "variants", "width", "height"])
            .where("tenant_id", "=", tenantId)
            .where("product_id", "in", rows.map((r) => r.id))
            .orderBy("product_id")
            .orderBy("position")
            .orderBy("created_at")
            .execute();
    return { rows, photos };
  });
  const photoOf = new Map<string, PublicPhoto>(
    photos.map((p) => {
      const variants = [...p.variants].sort((a, b) => a.width - b.width);
      return [
        p.product_id,
        {
          width: p.width,
          height: p.height,
          src: mediaUrl(variants.find((v) => v.width >= 640)?.key ?? variants.at(-1)!.key),
          srcSet: variants.map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(", "),
        },
      ];
    }),
  );
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
    photo: photoOf.get(r.id) ?? null,
  }));
}
