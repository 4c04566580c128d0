import { type ArticlesTable, type Database, type Kysely, type Selectable, type Transaction, withTenant } from "@coop/db";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { enqueueMediaDeletion } from "../media/cleanup.ts";
import { mediaUrl } from "../media/urls.ts";
import { indexDocument, removeDocument } from "../search/index-document.ts";
import { fileView, keysNoLongerUsed } from "./files-shared.ts";
import { articlePlainText, renderArticleHtml } from "./render.ts";
import {
  type ArticleFields, articleFieldsSchema, type ListAdminArticlesInput, listAdminArticlesInput, type ParsedArticleFields,
} from "./schemas.ts";
import type { AdminArticle, AdminArticleRow } from "./types.ts";

type Article = Selectable<ArticlesTable>;

/** The article, locked until the transaction ends; NOT_FOUND when it is not this co-op's. */
export async function lockArticle(trx: Transaction<Database>, tenantId: string, articleId: string): Promise<Article> {
  const row = await trx.selectFrom("articles").selectAll().where("tenant_id", "=", tenantId).where("id", "=", articleId).forUpdate().executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "knowledge.errors.not_found");
  return row;
}

/**
 * Puts the article's row in the search index as it now stands: published ones are indexed
 * (visible to the network only when shared), drafts are taken out. Same transaction as the change.
 */
export async function syncArticleIndex(trx: Transaction<Database>, article: Article): Promise<void> {
  if (article.status !== "published") {
    await removeDocument(trx, "article", article.id);
    return;
  }
  const tenant = await trx.selectFrom("tenants").select("province_code").where("id", "=", article.tenant_id).executeTakeFirst();
  await indexDocument(trx, {
    kind: "article",
    refId: article.id,
    ownerTenantId: article.tenant_id,
    networkVisible: article.shared,
    title: article.title,
    summary: article.summary,
    body: articlePlainText(article.body_html),
    topic: article.topic,
    crops: article.crops,
    provinceCode: tenant?.province_code ?? null,
    imageKey: article.cover_key,
    publishedAt: article.published_at ?? undefined,
  });
}

/** Parses the fields and checks what the schema cannot: crops exist, the named source exists. */
async function checkedFields(trx: Transaction<Database>, input: ArticleFields): Promise<ParsedArticleFields> {
  const parsed = articleFieldsSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "_")] ??= issue.message;
    throw new AppError("VALIDATION", "validation.invalid", { fields });
  }
  const fields = { ...parsed.data, crops: [...new Set(parsed.data.crops)] };
  if (fields.crops.length > 0) {
    const known = await trx.selectFrom("crops").select("code").where("code", "in", fields.crops).execute();
    if (known.length !== fields.crops.length) throw new AppError("VALIDATION", "knowledge.errors.crop_invalid", { fields: { crops: "knowledge.errors.crop_invalid" } });
  }
  // Only the id matching the kind is kept.
  if (fields.sourceKind !== "centre") fields.sourceCentreId = null;
  if (fields.sourceKind !== "sage") fields.sourceSageId = null;
  if (fields.sourceCentreId) {
    const centre = await trx.selectFrom("learning_centres").select("id").where("id", "=", fields.sourceCentreId).executeTakeFirst();
    if (!centre) throw new AppError("VALIDATION", "knowledge.errors.source_invalid", { fields: { sourceCentreId: "knowledge.errors.source_invalid" } });
  }
  if (fields.sourceSageId) {
    const sage = await trx.selectFrom("sages").select("id").where("id", "=", fields.sourceSageId).executeTakeFirst();
    if (!sage) throw new AppError("VALIDATION", "knowledge.errors.source_invalid", { fields: { sourceSageId: "knowledge.errors.source_invalid" } });
  }
  return fields;
}

function columnsOf(tenantId: string, fields: ParsedArticleFields) {
  return {
    title: fields.title,
    summary: fields.summary,
    body_md: fields.bodyMd,
    body_html: renderArticleHtml(fields.bodyMd, tenantId),
    topic: fields.topic,
    crops: fields.crops,
    source_kind: fields.sourceKind,
    source_centre_id: fields.sourceCentreId,
    source_sage_id: fields.sourceSageId,
  };
}

/** A new draft article. */
export async function createArticle(db: Kysely<Database>, tenantId: string, actorUserId: string, input: ArticleFields): Promise<{ id: string }> {
  return withTenant(db, tenantId, async (trx) => {
    const fields = await checkedFields(trx, input);
    const row = await trx
      .insertInto("articles")
      .values({ tenant_id: tenantId, ...columnsOf(tenantId, fields), author_user_id: actorUserId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await syncArticleIndex(trx, row);
    await recordAudit(trx, { tenantId, actorUserId, action: "article.create", subjectType: "article", subjectId: row.id, data: { title: row.title } });
    return { id: row.id };
  });
}

/** Saves the article's fields; the HTML is rendered again and the index row rewritten. */
export async function updateArticle(
  db: Kysely<Database>,
  tenantId: string,
  actorUserId: string,
  articleId: string,
  input: ArticleFields,
): Promise<void> {
  await withTenant(db, tenantId, async (trx) => {
    await lockArticle(trx, tenantId, articleId);
    const fields = await checkedFields(trx, input);
    const row = await trx
      .updateTable("articles")
      .set({ ...columnsOf(tenantId, fields), updated_at: new Date() })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", articleId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await syncArticleIndex(trx, row);
    await recordAudit(trx, { tenantId, actorUserId, action: "article.update", subjectType: "article", subjectId: articleId, data: { title: row.title } });
  });
}

/** Publishes (the first publication sets the date) or takes back to draft. */
export async function setArticleStatus(
  db: Kysely<Database>,
  tenantId: string,
  actorUserId: string,
  articleId: string,
  status: "draft" | "published",
): Promise<void> {
  await withTenant(db, tenantId, async (trx) => {
    const before = await lockArticle(trx, tenantId, articleId);
    if (before.status === status) return;
    const row = await trx
      .updateTable("articles")
      .set({ status, published_at: status === "published" ? (before.published_at ?? new Date()) : before.published_at, updated_at: new Date() })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", articleId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await syncArticleIndex(trx, row);
    await recordAudit(trx, {
      tenantId, actorUserId, action: status === "published" ? "article.publish" : "article.unpublish", subjectType: "article", subjectId: articleId,
    });
  });
}

/** Shares with the network (seen there only while published) or stops sharing. */
export async function setArticleShared(db: Kysely<Database>, tenantId: string, actorUserId: string, articleId: string, shared: boolean): Promise<void> {
  await withTenant(db, tenantId, async (trx) => {
    const before = await lockArticle(trx, tenantId, articleId);
    if (before.shared === shared) return;
    const row = await trx
      .updateTable("articles")
      .set({ shared, updated_at: new Date() })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", articleId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await syncArticleIndex(trx, row);
    await recordAudit(trx, { tenantId, actorUserId, action: shared ? "article.share" : "article.unshare", subjectType: "article", subjectId: articleId });
  });
}

/** Deletes the article and its files (the stored objects are removed by the outbox worker after the commit). */
export async function deleteArticle(db: Kysely<Database>, tenantId: string, actorUserId: string, articleId: string): Promise<void> {
  await withTenant(db, tenantId, async (trx) => {
    const article = await lockArticle(trx, tenantId, articleId);
    const files = await trx.selectFrom("article_files").select("storage_key").where("tenant_id", "=", tenantId).where("article_id", "=", articleId).execute();
    await trx.deleteFrom("articles").where("tenant_id", "=", tenantId).where("id", "=", articleId).execute();
    await removeDocument(trx, "article", articleId);
    const keys = await keysNoLongerUsed(trx, tenantId, files.map((f) => f.storage_key));
    if (keys.length > 0) await enqueueMediaDeletion(trx, tenantId, keys);
    await recordAudit(trx, { tenantId, actorUserId, action: "article.delete", subjectType: "article", subjectId: articleId, data: { title: article.title } });
  });
}

/** One article with its files, for the editor. */
export async function getAdminArticle(db: Kysely<Database>, tenantId: string, articleId: string): Promise<AdminArticle> {
  return withTenant(db, tenantId, async (trx) => {
    const row = await trx.selectFrom("articles").selectAll().where("tenant_id", "=", tenantId).where("id", "=", articleId).executeTakeFirst();
    if (!row) throw new AppError("NOT_FOUND", "knowledge.errors.not_found");
    const files = await trx
      .selectFrom("article_files")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("article_id", "=", articleId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return {
      id: row.id,
      title: row.title,
      summary: row.summary,
      bodyMd: row.body_md,
      bodyHtml: row.body_html,
      coverKey: row.cover_key,
      coverUrl: row.cover_key ? mediaUrl(row.cover_key) : null,
      topic: row.topic,
      crops: row.crops,
      sourceKind: row.source_kind,
      sourceCentreId: row.source_centre_id,
      sourceSageId: row.source_sage_id,
      status: row.status,
      shared: row.shared,
      publishedAt: row.published_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      files: files.map(fileView),
    };
  });
}

/** The co-op's articles for the back office, newest change first, filtered and paged. */
export async function listAdminArticles(
  db: Kysely<Database>,
  tenantId: string,
  input: ListAdminArticlesInput,
): Promise<{ items: AdminArticleRow[]; total: number; page: number; pageSize: number }> {
  const { status, topic, page, pageSize } = listAdminArticlesInput.parse(input);
  return withTenant(db, tenantId, async (trx) => {
    let query = trx.selectFrom("articles").where("tenant_id", "=", tenantId);
    if (status) query = query.where("status", "=", status);
    if (topic) query = query.where("topic", "=", topic);
    const rows = await query
        .select(["id", "title", "topic", "crops", "status", "shared", "cover_key", "published_at", "updated_at"])
        .orderBy("updated_at", "desc")
        .orderBy("id")
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
    const count = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return {
      items: rows.map((r) => ({
        id: r.id, title: r.title, topic: r.topic, crops: r.crops, status: r.status, shared: r.shared,
        coverUrl: r.cover_key ? mediaUrl(r.cover_key) : null, publishedAt: r.published_at, updatedAt: r.updated_at,
      })),
      total: Number(count.n),
      page,
      pageSize,
    };
  });
}

/** The live preview: what the body will look like once saved. */
export function previewArticle(tenantId: string, bodyMd: string): { html: string } {
  return { html: renderArticleHtml(bodyMd, tenantId) };
}
