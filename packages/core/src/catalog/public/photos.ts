import type { Database, ProductPhotoVariant, Transaction } from "@coop/db";
import { mediaUrl } from "../../media/urls.ts";
import type { PublicPhoto } from "../types.ts";

/** A stored photo as `<img src srcset>` wants it (the same shape as the public product list). */
export function toPublicPhoto(photo: { variants: ProductPhotoVariant[]; width: number; height: number }): PublicPhoto | null {
  const variants = [...photo.variants].sort((a, b) => a.width - b.width);
  const fallback = variantAtLeast(variants, 640);
  if (!fallback) return null;
  return {
    width: photo.width,
    height: photo.height,
    src: mediaUrl(fallback.key),
    srcSet: variants.map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(", "),
  };
}

/** The narrowest variant at least `minWidth` wide, else the widest there is (undefined when none). */
export function variantAtLeast(variants: readonly ProductPhotoVariant[], minWidth: number): ProductPhotoVariant | undefined {
  const sorted = [...variants].sort((a, b) => a.width - b.width);
  return sorted.find((v) => v.width >= minWidth) ?? sorted.at(-1);
}

/** The first photo row (lowest position) of each of the given products that has one, in one query. */
export async function firstPhotoRows(trx: Transaction<Database>, tenantId: string, productIds: string[]) {
  if (productIds.length === 0) return [];
  return trx
    .selectFrom("product_photos")
    .distinctOn("product_id")
    .select(["product_id", "variants", "width", "height"])
    .where("tenant_id", "=", tenantId)
    .where("product_id", "in", productIds)
    .orderBy("product_id")
    .orderBy("position")
    .orderBy("created_at")
    .execute();
}

/** The first photo (lowest position) of each of the given products, in one query. */
export async function firstPhotos(trx: Transaction<Database>, tenantId: string, productIds: string[]): Promise<Map<string, PublicPhoto | null>> {
  const photos = await firstPhotoRows(trx, tenantId, productIds);
  return new Map(photos.map((p) => [p.product_id, toPublicPhoto(p)]));
}
