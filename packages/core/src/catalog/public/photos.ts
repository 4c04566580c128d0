import type { Database, ProductPhotoVariant, Transaction } from "@coop/db";
import { mediaUrl } from "../../media/urls.ts";
import type { PublicPhoto } from "../types.ts";

/** A stored photo as `<img src srcset>` wants it (the same shape as the public product list). */
export function toPublicPhoto(photo: { variants: ProductPhotoVariant[]; width: number; height: number }): PublicPhoto | null {
  const variants = [...photo.variants].sort((a, b) => a.width - b.width);
  const fallback = variants.find((v) => v.width >= 640) ?? variants.at(-1);
  if (!fallback) return null;
  return {
    width: photo.width,
    height: photo.height,
    src: mediaUrl(fallback.key),
    srcSet: variants.map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(", "),
  };
}

/** The first photo (lowest position) of each of the given products, in one query. */
export async function firstPhotos(trx: Transaction<Database>, tenantId: string, productIds: string[]): Promise<Map<string, PublicPhoto | null>> {
  if (productIds.length === 0) return new Map();
  const photos = await trx
    .selectFrom("product_photos")
    .distinctOn("product_id")
    .select(["product_id", "variants", "width", "height"])
    .where("tenant_id", "=", tenantId)
    .where("product_id", "in", productIds)
    .orderBy("product_id")
    .orderBy("position")
    .orderBy("created_at")
    .execute();
  return new Map(photos.map((p) => [p.product_id, toPublicPhoto(p)]));
}
