import { type ArticlesTable, type Database, type Kysely, type Selectable, sql, withTenant } from "@coop/db";
import { mediaUrl } from "../media/urls.ts";
import { fileView } from "./files-shared.ts";
import {
  type ListNetworkArticlesInput, listNetworkArticlesInput, type ListSiteArticlesInput, listSiteArticlesInput,
} from "./schemas.ts";
import type { ArticleSourceCredit, NetworkArticle, NetworkArticleCard, PublicArticle, SiteArticleCard } from "./types.ts";

// Public reads. A co-op's own site reads inside withTenant (its published articles, shared or
// not); the network reads with no tenant set, so only the `network_read` policy (published AND
// shared) lets rows through — the WHERE clauses repeat it, the database enforces it.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CARD_COLUMNS = ["a.id", "a.title", "a.summary", "a.topic", "a.crops", "a.cover_key", "a.published_at", "a.source_kind"] as const;

type CardRow = Pick<Selectable<ArticlesTable>, "id" | "title" | "summary" | "topic" | "crops" | "cover_key" | "published_at" | "source_kind">;

function toCard(row: CardRow): SiteArticleCard {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    topic: row.topic,
    crops: row.crops,
    coverUrl: row.cover_key ? mediaUrl(row.cover_key) : null,
    publishedAt: row.published_at ?? new Date(0),
    sourceKind: row.source_kind,
  };
}

/** The co-op's published articles for its own site, newest first. */
export async function listSiteArticles(db: Kysely<Database>, tenantId: string, input: ListSiteArticlesInput): Promise<{ items: SiteArticleCard[]; total: number }> {
  const { topic, page, pageSize } = listSiteArticlesInput.parse(input);
  return withTenant(db, tenantId, async (trx) => {
    let query = trx.selectFrom("articles as a").where("a.tenant_id", "=", tenantId).where("a.status", "=", "published");
    if (topic) query = query.where("a.topic", "=", topic);
    const rows = await query.select(CARD_COLUMNS).orderBy("a.published_at", "desc").orderBy("a.id").limit(pageSize).offset((page - 1) * pageSize).execute();
    const count = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return { items: rows.map(toCard), total: Number(count.n) };
  });
}

type Reader = Pick<Kysely<Database>, "selectFrom">;

/** The full article (body, credit, PDF attachments) once the caller has decided it may be read. */
async function readArticle(q: Reader, tenantId: string, articleId: string, network: boolean): Promise<PublicArticle | null> {
  let query = q
    .selectFrom("articles as a")
    .leftJoin("learning_centres as c", "c.id", "a.source_centre_id")
    .leftJoin("sages as s", "s.id", "a.source_sage_id")
    .select([...CARD_COLUMNS, "a.body_html", "a.updated_at", "a.source_centre_id", "a.source_sage_id", "c.name_th as centre_name", "s.name_th as sage_name"])
    .where("a.tenant_id", "=", tenantId)
    .where("a.id", "=", articleId)
    .where("a.status", "=", "published");
  if (network) query = query.where("a.shared", "=", true);
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const files = await q
    .selectFrom("article_files")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("article_id", "=", articleId)
    .where("kind", "=", "pdf")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const source: ArticleSourceCredit = {
    kind: row.source_kind,
    centre: row.source_centre_id && row.centre_name ? { id: row.source_centre_id, nameTh: row.centre_name } : null,
    sage: row.source_sage_id && row.sage_name ? { id: row.source_sage_id, nameTh: row.sage_name } : null,
  };
  return { ...toCard(row), bodyHtml: row.body_html, updatedAt: row.updated_at, source, attachments: files.map(fileView) };
}

/** One published article of the co-op for its own site, or null (drafts, other co-ops' ids, garbage). */
export async function getSiteArticle(db: Kysely<Database>, tenantId: string, articleId: string): Promise<PublicArticle | null> {
  if (!UUID.test(articleId)) return null;
  return withTenant(db, tenantId, (trx) => readArticle(trx, tenantId, articleId, false));
}

function networkCards(db: Kysely<Database>) {
  return db
    .selectFrom("articles as a")
    .innerJoin("tenants as t", "t.id", "a.tenant_id")
    .where("a.status", "=", "published")
    .where("a.shared", "=", true)
    .where("t.status", "=", "active");
}

const NETWORK_CARD_COLUMNS = [...CARD_COLUMNS, "a.tenant_id", "t.slug", "t.name_th as tenant_name"] as const;

function toNetworkCard(row: CardRow & { tenant_id: string; slug: string; tenant_name: string }): NetworkArticleCard {
  return { ...toCard(row), tenantId: row.tenant_id, tenantSlug: row.slug, tenantName: row.tenant_name };
}

/** Shared, published articles of every active co-op, newest first. */
export async function listNetworkArticles(db: Kysely<Database>, input: ListNetworkArticlesInput): Promise<{ items: NetworkArticleCard[]; total: number }> {
  const { topic, crop, tenantSlug, page, pageSize } = listNetworkArticlesInput.parse(input);
  let query = networkCards(db);
  if (topic) query = query.where("a.topic", "=", topic);
  if (crop) query = query.where((eb) => eb(eb.val(crop), "=", eb.fn.any("a.crops")));
  if (tenantSlug) query = query.where("t.slug", "=", tenantSlug);
  const rows = await query
    .select(NETWORK_CARD_COLUMNS)
    .orderBy("a.published_at", "desc")
    .orderBy("a.id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { items: rows.map(toNetworkCard), total: Number(count.n) };
}

/** One shared article, with its co-op for the credit; null for drafts, unshared articles and unknown ids. */
export async function getNetworkArticle(db: Kysely<Database>, tenantSlug: string, articleId: string): Promise<NetworkArticle | null> {
  if (!UUID.test(articleId) || !/^[a-z0-9-]{1,63}$/.test(tenantSlug)) return null;
  const tenant = await db
    .selectFrom("tenants")
    .select(["id", "slug", "name_th", "name_en"])
    .where("slug", "=", tenantSlug)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (!tenant) return null;
  const article = await readArticle(db, tenant.id, articleId, true);
  return article ? { ...article, tenant: { id: tenant.id, slug: tenant.slug, nameTh: tenant.name_th, nameEn: tenant.name_en } } : null;
}

/**
 * The newest shared articles tagged with any of `crops` (for a co-op's "knowledge from the
 * network" block); when none match, the newest shared articles overall.
 */
export async function latestKnowledgeForCrops(
  db: Kysely<Database>,
  crops: readonly string[],
  limit: number,
  excludeTenantId?: string,
): Promise<NetworkArticleCard[]> {
  const size = Math.max(1, Math.min(20, Math.trunc(limit) || 1));
  const codes = crops.filter((c) => /^[a-z][a-z0-9-]{1,40}$/.test(c)).slice(0, 50);
  let base = networkCards(db);
  if (excludeTenantId && UUID.test(excludeTenantId)) base = base.where("a.tenant_id", "<>", excludeTenantId);
  const newest = (q: typeof base) => q.select(NETWORK_CARD_COLUMNS).orderBy("a.published_at", "desc").orderBy("a.id").limit(size).execute();
  if (codes.length > 0) {
    const matching = await newest(base.where(sql<boolean>`a.crops && ${sql.val(codes)}::text[]`));
    if (matching.length > 0) return matching.map(toNetworkCard);
  }
  return (await newest(base)).map(toNetworkCard);
}
