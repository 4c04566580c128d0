import type { ProductPhotoVariant } from "@coop/db";
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
