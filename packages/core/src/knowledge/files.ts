import { randomUUID } from "node:crypto";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { enqueueMediaDeletion } from "../media/cleanup.ts";
import { contentHash } from "../media/keys.ts";
import { processImage, type VariantSpec } from "../media/process.ts";
import type { MediaStorage, StoredObject } from "../media/storage.ts";
import { lockArticle, syncArticleIndex } from "./articles.ts";
import { articleImageKey, articlePdfKey, fileView, keysNoLongerUsed } from "./files-shared.ts";
import type { ArticleFileView } from "./types.ts";

/** Article images are stored once, at most 1600 px wide (they show in a text column). */
export const ARTICLE_IMAGE_VARIANTS: VariantSpec = { sizes: [1600], fit: "width" };
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
export const MAX_FILES_PER_ARTICLE = 40;

/** A file name fit to show and to send in Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return cleaned || fallback;
}

export interface AddArticleFileInput {
  tenantId: string;
  actorUserId: string;
  articleId: string;
  bytes: Uint8Array;
  fileName?: string;
}

async function assertRoom(db: Kysely<Database>, tenantId: string, articleId: string): Promise<void> {
  await withTenant(db, tenantId, async (trx) => {
    await lockArticle(trx, tenantId, articleId);
    const row = await trx
      .selectFrom("article_files")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("tenant_id", "=", tenantId)
      .where("article_id", "=", articleId)
      .executeTakeFirstOrThrow();
    if (Number(row.n) >= MAX_FILES_PER_ARTICLE) throw new AppError("VALIDATION", "knowledge.errors.too_many_files", { params: { max: MAX_FILES_PER_ARTICLE } });
  });
}

/**
 * Adds an image to an article (inline image, or the cover when `asCover`): decoded and
 * re-encoded as metadata-free WebP by the media pipeline, stored under a content-hash key.
 */
export async function addArticleImage(
  db: Kysely<Database>,
  storage: MediaStorage,
  input: AddArticleFileInput & { asCover?: boolean },
): Promise<ArticleFileView> {
  const { tenantId, articleId } = input;
  await assertRoom(db, tenantId, articleId);
  const image = await processImage(input.bytes, ARTICLE_IMAGE_VARIANTS);
  const variant = image.variants.at(-1);
  if (!variant) throw new AppError("VALIDATION", "media.corrupt", { detail: "no variants" });
  const key = articleImageKey(tenantId, contentHash(input.bytes), variant.size);
  await storage.put(key, variant.bytes, "image/webp");
  // A file left behind when the transaction fails is only wasted space: the same key may already be in use.
  return withTenant(db, tenantId, async (trx) => {
    const article = await lockArticle(trx, tenantId, articleId);
    const row = await trx
      .insertInto("article_files")
      .values({
        tenant_id: tenantId, article_id: articleId, kind: "image", storage_key: key,
        file_name: cleanFileName(input.fileName, "image.webp"), byte_size: variant.bytes.length, width: variant.width, height: variant.height,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.asCover) {
      const updated = await trx
        .updateTable("articles")
        .set({ cover_key: key, updated_at: new Date() })
        .where("tenant_id", "=", tenantId)
        .where("id", "=", articleId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await syncArticleIndex(trx, updated);
    }
    await recordAudit(trx, {
      tenantId, actorUserId: input.actorUserId, action: input.asCover ? "article.cover_set" : "article.file_add", subjectType: "article", subjectId: article.id,
      data: { fileId: row.id, kind: "image", key },
    });
    return fileView(row);
  });
}

/** Whether the bytes are a PDF by their signature (`%PDF-`), whatever the name says. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";
}

/** Attaches a PDF (at most MAX_PDF_BYTES) to an article. */
export async function addArticlePdf(db: Kysely<Database>, storage: MediaStorage, input: AddArticleFileInput): Promise<ArticleFileView> {
  const { tenantId, articleId } = input;
  if (input.bytes.length > MAX_PDF_BYTES) {
    throw new AppError("VALIDATION", "knowledge.errors.pdf_too_large", { params: { maxMegabytes: MAX_PDF_BYTES / 1024 / 1024 } });
  }
  if (!isPdf(input.bytes)) throw new AppError("VALIDATION", "knowledge.errors.not_a_pdf");
  await assertRoom(db, tenantId, articleId);
  const key = articlePdfKey(tenantId, randomUUID());
  await storage.put(key, input.bytes, "application/pdf");
  try {
    return await withTenant(db, tenantId, async (trx) => {
      await lockArticle(trx, tenantId, articleId);
      const row = await trx
        .insertInto("article_files")
        .values({
          tenant_id: tenantId, article_id: articleId, kind: "pdf", storage_key: key,
          file_name: cleanFileName(input.fileName, "document.pdf"), byte_size: input.bytes.length,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        tenantId, actorUserId: input.actorUserId, action: "article.file_add", subjectType: "article", subjectId: articleId, data: { fileId: row.id, kind: "pdf", key },
      });
      return fileView(row);
    });
  } catch (error) {
    await storage.delete(key).catch((e: unknown) => console.error(`[knowledge] could not delete ${key}:`, (e as Error)?.message));
    throw error;
  }
}

/** An article's files, oldest first; NOT_FOUND when the article is not this co-op's. */
export async function listArticleFiles(db: Kysely<Database>, tenantId: string, articleId: string): Promise<ArticleFileView[]> {
  return withTenant(db, tenantId, async (trx) => {
    const article = await trx.selectFrom("articles").select("id").where("tenant_id", "=", tenantId).where("id", "=", articleId).executeTakeFirst();
    if (!article) throw new AppError("NOT_FOUND", "knowledge.errors.not_found");
    const rows = await trx
      .selectFrom("article_files")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("article_id", "=", articleId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(fileView);
  });
}

/** Removes a file; when it was the cover, the article has none afterwards. */
export async function removeArticleFile(db: Kysely<Database>, tenantId: string, actorUserId: string, fileId: string): Promise<void> {
  await withTenant(db, tenantId, async (trx) => {
    const file = await trx.selectFrom("article_files").selectAll().where("tenant_id", "=", tenantId).where("id", "=", fileId).executeTakeFirst();
    if (!file) throw new AppError("NOT_FOUND", "knowledge.errors.file_not_found");
    if (file.article_id) await lockArticle(trx, tenantId, file.article_id);
    await trx.deleteFrom("article_files").where("tenant_id", "=", tenantId).where("id", "=", fileId).execute();
    if (file.article_id) {
      const article = await trx
        .updateTable("articles")
        .set({ cover_key: null, updated_at: new Date() })
        .where("tenant_id", "=", tenantId)
        .where("id", "=", file.article_id)
        .where("cover_key", "=", file.storage_key)
        .returningAll()
        .executeTakeFirst();
      if (article) await syncArticleIndex(trx, article);
    }
    const keys = await keysNoLongerUsed(trx, tenantId, [file.storage_key]);
    await enqueueMediaDeletion(trx, tenantId, keys);
    await recordAudit(trx, {
      tenantId, actorUserId, action: "article.file_remove", subjectType: "article", subjectId: file.article_id, data: { fileId, key: file.storage_key },
    });
  });
}

export interface ArticleFileDownload {
  object: StoredObject;
  fileName: string;
  kind: "image" | "pdf";
}

/**
 * A file for download, only when its article may be read by the asker: `site` — the co-op's
 * own site, the article published; `network` — any host, the article published and shared
 * (the network_read policy decides, no tenant set); `member` — the co-op's back office, any status.
 */
export async function readArticleFile(
  db: Kysely<Database>,
  storage: MediaStorage,
  input: { tenantId: string; fileId: string; access: "site" | "network" | "member" },
): Promise<ArticleFileDownload | null> {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!UUID.test(input.tenantId) || !UUID.test(input.fileId)) return null;
  const query = (q: Kysely<Database>) => {
    let select = q
      .selectFrom("article_files as f")
      .innerJoin("articles as a", (j) => j.onRef("a.tenant_id", "=", "f.tenant_id").onRef("a.id", "=", "f.article_id"))
      .select(["f.storage_key", "f.file_name", "f.kind"])
      .where("f.tenant_id", "=", input.tenantId)
      .where("f.id", "=", input.fileId);
    if (input.access !== "member") select = select.where("a.status", "=", "published");
    if (input.access === "network") select = select.where("a.shared", "=", true);
    return select.executeTakeFirst();
  };
  const row = input.access === "network" ? await query(db) : await withTenant(db, input.tenantId, (trx) => query(trx));
  if (!row) return null;
  const object = await storage.get(row.storage_key);
  return object ? { object, fileName: row.file_name, kind: row.kind } : null;
}
