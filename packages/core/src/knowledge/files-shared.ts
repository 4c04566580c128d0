import type { ArticleFilesTable, Database, Selectable, Transaction } from "@coop/db";
import { mediaUrl, tenantMediaPrefix } from "../media/urls.ts";
import type { ArticleFileView } from "./types.ts";

/** Where an article's PDF is downloaded: the route checks, on every request, that the article is public. */
export const ARTICLE_FILE_PATH_PREFIX = "/article-files/";

export function articleFileUrl(tenantId: string, fileId: string): string {
  return `${ARTICLE_FILE_PATH_PREFIX}${tenantId}/${fileId}`;
}

/** Inline images: content-addressed (unguessable 64-bit hash) and served by the public media route. */
export const articleImageKey = (tenantId: string, hash: string, size: number) => `${tenantMediaPrefix(tenantId)}k/${hash}-${size}.webp`;

/** PDFs: a random name, never served by the public media route's URL shape alone (see the download route). */
export const articlePdfKey = (tenantId: string, name: string) => `${tenantMediaPrefix(tenantId)}kpdf/${name}.pdf`;

/** Markdown-safe text for a link label or image alt. */
function label(text: string): string {
  return text.replace(/[[\]\\`*_<>()!#|\n\r]/g, " ").replace(/\s+/g, " ").trim() || "file";
}

export function fileView(row: Selectable<ArticleFilesTable>): ArticleFileView {
  const url = row.kind === "image" ? mediaUrl(row.storage_key) : articleFileUrl(row.tenant_id, row.id);
  return {
    id: row.id,
    articleId: row.article_id,
    kind: row.kind,
    fileName: row.file_name,
    byteSize: row.byte_size,
    width: row.width,
    height: row.height,
    url,
    markdown: row.kind === "image" ? `![${label(row.file_name)}](${url})` : `[${label(row.file_name)}](${url})`,
    createdAt: row.created_at,
  };
}

/** Of `keys`, those no remaining article file of the co-op points at (the same upload may back two rows). */
export async function keysNoLongerUsed(trx: Transaction<Database>, tenantId: string, keys: readonly string[]): Promise<string[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const used = await trx.selectFrom("article_files").select("storage_key").where("tenant_id", "=", tenantId).where("storage_key", "in", unique).execute();
  const stillUsed = new Set(used.map((u) => u.storage_key));
  return unique.filter((k) => !stillUsed.has(k));
}
