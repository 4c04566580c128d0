import { type Database, type Kysely, type ProductPhoto, type Transaction, withTenant } from "@coop/db";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { enqueueMediaDeletion } from "./cleanup.ts";
import {
  COOP_IMAGE_VARIANTS, type CoopImageKind, contentHash, coopImageKey, coopImageVariantKeys, productPhotoKey, productPhotoStem,
} from "./keys.ts";
import { processImage, PRODUCT_PHOTO_VARIANTS } from "./process.ts";
import type { MediaStorage } from "./storage.ts";
import { mediaUrl } from "./urls.ts";

export type { CoopImageKind } from "./keys.ts";

export const MAX_PHOTOS_PER_PRODUCT = 8;

export interface MediaVariantView {
  /** Pixel width of this variant. */
  width: number;
  key: string;
  url: string;
}

export interface ProductPhotoView {
  id: string;
  productId: string;
  /** 0 is the cover photo of the product. */
  position: number;
  /** The original's upright dimensions (for the aspect ratio). */
  width: number;
  height: number;
  /** The largest variant. */
  key: string;
  url: string;
  /** Smallest first, for `srcset`. */
  variants: MediaVariantView[];
  createdAt: Date;
}

export interface CoopImageVariantView {
  /** For a cover, the pixel width; for a logo, the side of the square it fits in. */
  size: number;
  key: string;
  url: string;
}

export interface CoopImageView {
  kind: CoopImageKind;
  /** The largest variant; this is what `tenants.logo_key` / `cover_key` holds. */
  key: string;
  url: string;
  variants: CoopImageVariantView[];
}

const WEBP = "image/webp";

function toPhotoView(row: ProductPhoto): ProductPhotoView {
  const variants = [...row.variants].sort((a, b) => a.width - b.width).map((v) => ({ width: v.width, key: v.key, url: mediaUrl(v.key) }));
  return {
    id: row.id,
    productId: row.product_id,
    position: row.position,
    width: row.width,
    height: row.height,
    key: row.storage_key,
    url: mediaUrl(row.storage_key),
    variants,
    createdAt: row.created_at,
  };
}

/** The variants behind a `tenants.logo_key` / `cover_key`, smallest first, with their URLs. */
export function coopImageVariants(kind: CoopImageKind, key: string): CoopImageVariantView[] {
  return coopImageVariantKeys(kind, key).map((v) => ({ ...v, url: mediaUrl(v.key) }));
}

/** Writes every variant; if one fails, removes those already written (unless `shared`) and rethrows. */
async function putVariants(storage: MediaStorage, files: Array<{ key: string; bytes: Uint8Array }>, shared: boolean): Promise<void> {
  const results = await Promise.allSettled(files.map((f) => storage.put(f.key, f.bytes, WEBP)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (!failed) return;
  if (!shared) await deleteQuietly(storage, files.map((f) => f.key));
  throw failed.reason;
}

/** Best effort: a file left behind is only wasted space, never a broken page; it is logged. */
async function deleteQuietly(storage: MediaStorage, keys: string[]): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => storage.delete(key)));
  results.forEach((result, i) => {
    if (result.status === "rejected") console.error(`[media] could not delete ${keys[i]}:`, (result.reason as Error)?.message ?? result.reason);
  });
}

/** The product, locked against concurrent photo changes until the transaction ends; NOT_FOUND outside the tenant. */
async function lockProduct(trx: Transaction<Database>, tenantId: string, productId: string): Promise<void> {
  const product = await trx
    .selectFrom("products")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("id", "=", productId)
    .forUpdate()
    .executeTakeFirst();
  if (!product) throw new AppError("NOT_FOUND", "catalog.product_not_found");
}

async function countPhotos(trx: Transaction<Database>, tenantId: string, productId: string): Promise<number> {
  const row = await trx
    .selectFrom("product_photos")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("product_id", "=", productId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function assertRoomForPhoto(count: number): void {
  if (count >= MAX_PHOTOS_PER_PRODUCT) {
    throw new AppError("VALIDATION", "media.too_many_photos", { params: { max: MAX_PHOTOS_PER_PRODUCT } });
  }
}

async function photosOf(trx: Transaction<Database>, tenantId: string, productId: string): Promise<ProductPhoto[]> {
  return trx
    .selectFrom("product_photos")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("product_id", "=", productId)
    .orderBy("position")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** Renumbers positions 0…n-1 in the given order, writing only rows that move. */
async function writePositions(trx: Transaction<Database>, tenantId: string, photos: Array<Pick<ProductPhoto, "id" | "position">>): Promise<void> {
  for (const [index, photo] of photos.entries()) {
    if (photo.position === index) continue;
    await trx.updateTable("product_photos").set({ position: index }).where("tenant_id", "=", tenantId).where("id", "=", photo.id).execute();
  }
}

/** Whether any photo of the co-op already uses files made from the same upload (same content hash). */
async function isPhotoContentInUse(trx: Transaction<Database>, tenantId: string, hash: string): Promise<boolean> {
  const row = await trx
    .selectFrom("product_photos")
    .select("id")
    .where("tenant_id", "=", tenantId)
    // The prefix is a uuid and hex digits: no LIKE wildcards can occur in it.
    .where("storage_key", "like", `${productPhotoStem(tenantId, hash)}%`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface AddProductPhotoInput {
  tenantId: string;
  actorUserId: string;
  productId: string;
  /** The uploaded file as received; its type is judged from these bytes. */
  bytes: Uint8Array;
}

/**
 * Adds a photo at the end of a product's photos (at most MAX_PHOTOS_PER_PRODUCT): sniffs and
 * decodes the upload, stores metadata-free WebP variants, then records the row and the audit
 * event in one transaction. If that transaction fails, the files it stored are removed again.
 */
export async function addProductPhoto(db: Kysely<Database>, storage: MediaStorage, input: AddProductPhotoInput): Promise<ProductPhotoView> {
  const { tenantId, productId } = input;
  const hash = contentHash(input.bytes);
  // Refuse cheaply before decoding anything. The same checks run again, under a lock, when writing.
  const shared = await withTenant(db, tenantId, async (trx) => {
    await lockProduct(trx, tenantId, productId);
    assertRoomForPhoto(await countPhotos(trx, tenantId, productId));
    // The same picture is already another photo of this co-op: the files are shared and must survive a failure here.
    return isPhotoContentInUse(trx, tenantId, hash);
  });

  const image = await processImage(input.bytes, PRODUCT_PHOTO_VARIANTS);
  const files = image.variants.map((v) => ({ key: productPhotoKey(tenantId, hash, v.size), width: v.width, bytes: v.bytes }));
  const largest = files.at(-1);
  if (!largest) throw new AppError("VALIDATION", "media.corrupt", { detail: "no variants" });
  await putVariants(storage, files, shared);

  try {
    const row = await withTenant(db, tenantId, async (trx) => {
      await lockProduct(trx, tenantId, productId);
      const count = await countPhotos(trx, tenantId, productId);
      assertRoomForPhoto(count);
      const inserted = await trx
        .insertInto("product_photos")
        .values({
          tenant_id: tenantId,
          product_id: productId,
          position: count,
          storage_key: largest.key,
          width: image.width,
          height: image.height,
          variants: JSON.stringify(files.map((f) => ({ width: f.width, key: f.key }))),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        tenantId,
        actorUserId: input.actorUserId,
        action: "product.photo_add",
        subjectType: "product",
        subjectId: productId,
        data: { photoId: inserted.id, key: largest.key, width: image.width, height: image.height, sourceType: image.type },
      });
      return inserted;
    });
    return toPhotoView(row);
  } catch (error) {
    if (!shared) await deleteQuietly(storage, files.map((f) => f.key));
    throw error;
  }
}

/** A product's photos in display order; NOT_FOUND when the product is not this co-op's. */
export async function listProductPhotos(db: Kysely<Database>, input: { tenantId: string; productId: string }): Promise<ProductPhotoView[]> {
  const rows = await withTenant(db, input.tenantId, async (trx) => {
    const product = await trx
      .selectFrom("products")
      .select("id")
      .where("tenant_id", "=", input.tenantId)
      .where("id", "=", input.productId)
      .executeTakeFirst();
    if (!product) throw new AppError("NOT_FOUND", "catalog.product_not_found");
    return photosOf(trx, input.tenantId, input.productId);
  });
  return rows.map(toPhotoView);
}

/**
 * Removes a photo and closes the gap in the order. Its files are deleted by the outbox worker
 * after the commit (kind `media.delete`), unless another photo uses the same upload.
 */
export async function removeProductPhoto(db: Kysely<Database>, input: { tenantId: string; actorUserId: string; photoId: string }): Promise<void> {
  const { tenantId } = input;
  await withTenant(db, tenantId, async (trx) => {
    const photo = await trx
      .selectFrom("product_photos")
      .select("product_id")
      .where("tenant_id", "=", tenantId)
      .where("id", "=", input.photoId)
      .executeTakeFirst();
    if (!photo) throw new AppError("NOT_FOUND", "media.photo_not_found");
    await lockProduct(trx, tenantId, photo.product_id);
    const row = await trx
      .deleteFrom("product_photos")
      .where("tenant_id", "=", tenantId)
      .where("id", "=", input.photoId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError("NOT_FOUND", "media.photo_not_found");
    await writePositions(trx, tenantId, await photosOf(trx, tenantId, row.product_id));
    await recordAudit(trx, {
      tenantId,
      actorUserId: input.actorUserId,
      action: "product.photo_remove",
      subjectType: "product",
      subjectId: row.product_id,
      data: { photoId: row.id, key: row.storage_key },
    });
    await enqueueMediaDeletion(trx, tenantId, row.variants.map((v) => v.key));
  });
}

/** Puts a product's photos in the given order; `photoIds` must name each of its photos exactly once. */
export async function reorderProductPhotos(
  db: Kysely<Database>,
  input: { tenantId: string; actorUserId: string; productId: string; photoIds: readonly string[] },
): Promise<ProductPhotoView[]> {
  const { tenantId, productId } = input;
  const rows = await withTenant(db, tenantId, async (trx) => {
    await lockProduct(trx, tenantId, productId);
    const current = await photosOf(trx, tenantId, productId);
    const byId = new Map(current.map((p) => [p.id, p]));
    const ordered = input.photoIds.map((id) => byId.get(id));
    const complete = new Set(input.photoIds).size === input.photoIds.length && input.photoIds.length === current.length;
    if (!complete || ordered.some((p) => p === undefined)) {
      throw new AppError("VALIDATION", "media.reorder_mismatch", { fields: { photoIds: "media.reorder_mismatch" } });
    }
    const photos = ordered as ProductPhoto[];
    await writePositions(trx, tenantId, photos);
    await recordAudit(trx, {
      tenantId,
      actorUserId: input.actorUserId,
      action: "product.photo_reorder",
      subjectType: "product",
      subjectId: productId,
      data: { photoIds: input.photoIds },
    });
    return photos.map((p, position) => ({ ...p, position }));
  });
  return rows.map(toPhotoView);
}

export interface SetCoopImageInput {
  tenantId: string;
  actorUserId: string;
  kind: CoopImageKind;
  bytes: Uint8Array;
}

/**
 * Replaces the co-op's logo (variants fitting 128/256/512 squares) or cover (640/1280/1920
 * wide). The previous image's files are deleted by the outbox worker after the commit.
 */
export async function setCoopImage(db: Kysely<Database>, storage: MediaStorage, input: SetCoopImageInput): Promise<CoopImageView> {
  const { tenantId, kind } = input;
  const column = kind === "logo" ? "logo_key" : "cover_key";
  const image = await processImage(input.bytes, COOP_IMAGE_VARIANTS[kind]);
  const hash = contentHash(input.bytes);
  const files = image.variants.map((v) => ({ key: coopImageKey(tenantId, kind, hash, v.size), bytes: v.bytes }));
  const largest = files.at(-1);
  if (!largest) throw new AppError("VALIDATION", "media.corrupt", { detail: "no variants" });

  const readCurrent = (trx: Transaction<Database>) =>
    trx.selectFrom("tenants").select(["logo_key", "cover_key"]).where("id", "=", tenantId).forUpdate().executeTakeFirst();
  const before = await withTenant(db, tenantId, readCurrent);
  if (!before) throw new AppError("NOT_FOUND", "site.not_found");
  // Uploading the current image again: its files are the ones in use, never remove them.
  const shared = before[column] === largest.key;
  await putVariants(storage, files, shared);

  try {
    await withTenant(db, tenantId, async (trx) => {
      const current = await readCurrent(trx);
      if (!current) throw new AppError("NOT_FOUND", "site.not_found");
      await trx.updateTable("tenants").set({ [column]: largest.key, updated_at: new Date() }).where("id", "=", tenantId).execute();
      await recordAudit(trx, {
        tenantId,
        actorUserId: input.actorUserId,
        action: `settings.${kind}_update`,
        subjectType: "tenant",
        subjectId: tenantId,
        data: { key: largest.key, previousKey: current[column], width: image.width, height: image.height },
      });
      const previous = current[column];
      if (previous && previous !== largest.key) {
        await enqueueMediaDeletion(trx, tenantId, coopImageVariantKeys(kind, previous).map((v) => v.key));
      }
    });
  } catch (error) {
    if (!shared) await deleteQuietly(storage, files.map((f) => f.key));
    throw error;
  }
  return { kind, key: largest.key, url: mediaUrl(largest.key), variants: coopImageVariants(kind, largest.key) };
}
