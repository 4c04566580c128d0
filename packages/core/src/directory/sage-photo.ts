import { type Database, type Kysely } from "@coop/db";
import { AppError } from "../errors.ts";
import { contentHash } from "../media/keys.ts";
import { LOGO_VARIANTS, processImage } from "../media/process.ts";
import type { MediaStorage } from "../media/storage.ts";
import { mediaUrl, tenantMediaPrefix } from "../media/urls.ts";

/** `t/<tenantId>/sage/<hash>-<size>.webp`: under the uploading co-op's prefix, like its other images. */
const sagePhotoKey = (tenantId: string, hash: string, size: number) => `${tenantMediaPrefix(tenantId)}sage/${hash}-${size}.webp`;

/** The photo URL of a stored `sages.photo_key` at about `size` pixels (128, 256 or 512). */
export function sagePhotoUrl(key: string, size: 128 | 256 | 512 = 256): string {
  const match = /^(.*)-(\d+)\.webp$/.exec(key);
  if (!match) return mediaUrl(key);
  const largest = Number(match[2]);
  return mediaUrl(`${match[1]}-${Math.min(size, largest)}.webp`);
}

/**
 * A co-op sets the photo of a sage it added: the image is checked and resized (128/256/512
 * boxes, WebP), stored under the co-op's media prefix, and the sage and its search row point at
 * it. Earlier photos' files are left in place (content-addressed keys may be shared).
 */
export async function setSagePhoto(
  db: Kysely<Database>,
  storage: MediaStorage,
  input: { tenantId: string; sageId: string; bytes: Uint8Array },
): Promise<{ key: string; url: string }> {
  const sage = await db.selectFrom("sages").select(["id", "added_by_tenant_id"]).where("id", "=", input.sageId).executeTakeFirst();
  if (!sage || sage.added_by_tenant_id !== input.tenantId) throw new AppError("NOT_FOUND", "directory.errors.sage_not_found");
  const image = await processImage(input.bytes, LOGO_VARIANTS);
  const hash = contentHash(input.bytes);
  const files = image.variants.map((v) => ({ key: sagePhotoKey(input.tenantId, hash, v.size), bytes: v.bytes }));
  const largest = files.at(-1);
  if (!largest) throw new AppError("VALIDATION", "media.corrupt", { detail: "no variants" });
  await Promise.all(files.map((f) => storage.put(f.key, f.bytes, "image/webp")));
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("sages").set({ photo_key: largest.key, updated_at: new Date() }).where("id", "=", input.sageId).execute();
    await trx.updateTable("search_documents").set({ image_key: largest.key }).where("kind", "=", "sage").where("ref_id", "=", input.sageId).execute();
  });
  return { key: largest.key, url: sagePhotoUrl(largest.key) };
}
