import { type Database, type Kysely, SEARCH_KINDS, type SearchKind, sql, type Transaction, withTenant } from "@coop/db";
import { parseQuery, snippet, highlight, type ParsedQuery, type TextSegment } from "@coop/search";
import { AppError } from "../errors.ts";
import {
  searchDocumentRefInput, searchNetworkInput, searchSiteInput,
  type SearchDocumentRefInput, type SearchNetworkInput, type SearchSiteInput,
} from "./schemas.ts";

/**
 * When no row holds every word of the query, a title whose words are this similar (pg_trgm
 * `word_similarity`, 0–1) to the query's counts as a match: misspellings ("ปุ๋ยหมัด" for
 * "ปุ๋ยหมัก", "มันสัมปะหลัง") and cut-off words ("ทุเรีย"). Trigrams of Thai text are noisy
 * (a title sharing half the words of a four-word query scores about 0.5, a misspelt word 0.4),
 * so they only widen a search that found nothing, and never pollute one that did.
 */
export const TRIGRAM_THRESHOLD = 0.35;
/** How much the trigram similarity adds to the full-text rank (`ts_rank_cd`, normalised to 0–1). */
const TRIGRAM_WEIGHT = 0.5;
/**
 * At most this many matches are scored, the newest first. Scoring reads each match's whole
 * tsvector (`ts_rank_cd`) and title trigrams; a one-word query over a large network matches
 * thousands of rows, and scoring them all costs seconds. Counts (facets, total) stay exact.
 */
export const RANK_CANDIDATES = 1_000;
/** Body text read back for the snippet: the best window is picked from this much. */
const SNIPPET_SOURCE_CHARS = 4000;

export interface SearchHit {
  kind: SearchKind;
  refId: string;
  title: string;
  titleSegments: TextSegment[];
  snippet: TextSegment[];
  /**
   * Where the thing is shown. On the network: a path of the network site, except products
   * (`onCoopSite`), whose path is on the co-op's own site `coopSlug`. On a co-op's site: a path of that site.
   */
  path: string;
  onCoopSite: boolean;
  coopSlug: string | null;
  coopNameTh: string | null;
  coopNameEn: string | null;
  topic: string | null;
  crops: string[];
  provinceCode: number | null;
  imageKey: string | null;
  publishedAt: Date;
}

export interface SearchResult {
  /** The words searched for, as the query understood them (for highlighting elsewhere). */
  words: string[];
  items: SearchHit[];
  /** Matches of the selected kinds (all kinds when none selected). */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Matches per kind, ignoring the kind filter (for the type tabs). */
  facets: Record<SearchKind, number>;
  /** True when nothing held every word and the results are the closest titles instead. */
  fuzzy: boolean;
}

type Scope = { network: true } | { network: false; tenantId: string };

interface Filters {
  kinds?: readonly SearchKind[];
  topic?: string;
  crop?: string;
  provinceCode?: number;
}

function emptyFacets(): Record<SearchKind, number> {
  return Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>;
}

/** The matching rows (before the kind filter) with their score; one query shape for both scopes. */
/**
 * How a parsed query matches a `search_documents` row aliased `d`: every word through the
 * full-text index, or (`fuzzy`, when nothing held every word) the closest titles by trigram word
 * similarity; and the score that ranks the matches. Shared by every search over the index.
 */
export function documentMatch(query: ParsedQuery, fuzzy: boolean) {
  const tsq = sql`to_tsquery('simple', ${query.tsquery})`;
  return {
    // `<%` (word similarity above the threshold) can use the trigram index on title_tokens.
    where: fuzzy ? sql<boolean>`${query.tokens} <% d.title_tokens` : sql<boolean>`d.tsv @@ ${tsq}`,
    score: sql<number>`ts_rank_cd(d.tsv, ${tsq}, 32) + ${TRIGRAM_WEIGHT} * word_similarity(${query.tokens}, d.title_tokens)`,
  };
}

/** Transaction-local, like the tenant setting: the fuzzy match's `<%` compares against it. */
export async function applyTrigramThreshold(trx: Transaction<Database>): Promise<void> {
  await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(TRIGRAM_THRESHOLD)}, true)`.execute(trx);
}

function matching(trx: Transaction<Database>, query: ParsedQuery, scope: Scope, filters: Filters, fuzzy: boolean) {
  const match = documentMatch(query, fuzzy);
  let q = trx
    .selectFrom("search_documents as d")
    .leftJoin("tenants as t", "t.id", "d.owner_tenant_id")
    .where(match.where);
  if (scope.network) {
    // Only what is shared with the network, and nothing of a co-op that is not (or no longer) active.
    q = q.where("d.network_visible", "=", true).where((eb) => eb.or([eb("d.owner_tenant_id", "is", null), eb("t.status", "=", "active")]));
  } else {
    q = q.where("d.owner_tenant_id", "=", scope.tenantId).where("d.kind", "in", ["article", "seminar", "product"]);
  }
  if (filters.topic) q = q.where("d.topic", "=", filters.topic);
  if (filters.crop) q = q.where(sql<boolean>`d.crops @> ARRAY[${filters.crop}]::text[]`);
  if (filters.provinceCode) q = q.where("d.province_code", "=", filters.provinceCode);
  return { q, score: match.score };
}

function pathOf(kind: SearchKind, refId: string, slug: string | null, network: boolean): { path: string; onCoopSite: boolean } {
  if (!network) {
    const section = kind === "article" ? "knowledge" : kind === "seminar" ? "seminars" : "products";
    return { path: `/${section}/${refId}`, onCoopSite: true };
  }
  switch (kind) {
    case "article":
      return { path: `/knowledge/${slug}/${refId}`, onCoopSite: false };
    case "seminar":
      return { path: `/seminars/${slug}/${refId}`, onCoopSite: false };
    case "centre":
      return { path: `/centres/${refId}`, onCoopSite: false };
    case "sage":
      return { path: `/sages/${refId}`, onCoopSite: false };
    case "product":
      return { path: `/products/${refId}`, onCoopSite: true };
  }
}

async function runSearch(trx: Transaction<Database>, text: string, scope: Scope, filters: Filters, page: number, pageSize: number): Promise<SearchResult> {
  const query = parseQuery(text);
  const empty: SearchResult = { words: query.words, items: [], total: 0, page: 1, pageSize, pageCount: 0, facets: emptyFacets(), fuzzy: false };
  if (query.words.length === 0) return empty;
  await applyTrigramThreshold(trx);

  const countByKind = async (fuzzy: boolean) => {
    const rows = await matching(trx, query, scope, filters, fuzzy)
      .q.select(["d.kind", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy("d.kind")
      .execute();
    const facets = emptyFacets();
    for (const row of rows) facets[row.kind] = Number(row.n);
    return facets;
  };
  let fuzzy = false;
  let facets = await countByKind(false);
  if (Object.values(facets).every((n) => n === 0)) {
    fuzzy = true;
    facets = await countByKind(true);
  }
  const kinds = filters.kinds && filters.kinds.length > 0 ? filters.kinds : SEARCH_KINDS;
  const total = kinds.reduce((sum, kind) => sum + facets[kind], 0);
  // Pages reach as far as the scored candidates; `total` still tells how many matched in all.
  const pageCount = Math.ceil(Math.min(total, RANK_CANDIDATES) / pageSize);
  const current = Math.max(1, Math.min(page, pageCount || 1));
  if (total === 0) return { ...empty, facets, fuzzy };

  const { q, score } = matching(trx, query, scope, filters, fuzzy);
  const candidates = q
    .where("d.kind", "in", [...kinds])
    .select(["d.kind", "d.ref_id"])
    .orderBy("d.published_at", "desc")
    .orderBy("d.ref_id")
    .limit(RANK_CANDIDATES);
  const rows = await trx
    .selectFrom(candidates.as("c"))
    .innerJoin("search_documents as d", (join) => join.onRef("d.kind", "=", "c.kind").onRef("d.ref_id", "=", "c.ref_id"))
    .leftJoin("tenants as t", "t.id", "d.owner_tenant_id")
    .select([
      "d.kind", "d.ref_id", "d.title", "d.summary", "d.topic", "d.crops", "d.province_code", "d.image_key", "d.published_at",
      sql<string>`left(d.body, ${SNIPPET_SOURCE_CHARS})`.as("body"),
      "t.slug", "t.name_th", "t.name_en",
    ])
    .orderBy(score, "desc")
    .orderBy("d.published_at", "desc")
    .orderBy("d.ref_id")
    .limit(pageSize)
    .offset((current - 1) * pageSize)
    .execute();

  const items = rows.map((row): SearchHit => {
    const source = [row.summary, row.body].filter((s) => s.trim() !== "").join(" — ");
    return {
      kind: row.kind,
      refId: row.ref_id,
      title: row.title,
      titleSegments: highlight(row.title, query.words),
      snippet: snippet(source, query.words),
      ...pathOf(row.kind, row.ref_id, row.slug, scope.network),
      coopSlug: row.slug,
      coopNameTh: row.name_th,
      coopNameEn: row.name_en,
      topic: row.topic,
      crops: row.crops,
      provinceCode: row.province_code,
      imageKey: row.image_key,
      publishedAt: new Date(row.published_at),
    };
  });
  return { words: query.words, items, total, page: current, pageSize, pageCount, facets, fuzzy };
}

/**
 * Searches everything the network may see: shared, published articles and seminars of active
 * co-ops, ศพก. centres, sages, and the listed products of active co-ops. Thai or English, with
 * or without spaces; ranked by full-text rank plus title similarity, then recency.
 */
export async function searchNetwork(db: Kysely<Database>, input: SearchNetworkInput): Promise<SearchResult> {
  const parsed = searchNetworkInput.parse(input);
  return db.transaction().execute((trx) => runSearch(trx, parsed.q, { network: true }, parsed, parsed.page, parsed.pageSize));
}

/** Searches one co-op's own site: its published articles and seminars and its listed products, shared or not. */
export async function searchSite(db: Kysely<Database>, tenantId: string, input: SearchSiteInput): Promise<SearchResult> {
  const parsed = searchSiteInput.parse(input);
  return withTenant(db, tenantId, (trx) => runSearch(trx, parsed.q, { network: false, tenantId }, parsed, parsed.page, parsed.pageSize));
}

export interface SearchDocumentView {
  kind: SearchKind;
  refId: string;
  title: string;
  summary: string;
  body: string;
  coopSlug: string | null;
  publishedAt: Date;
}

/** One network-visible index row by kind and id (NOT_FOUND otherwise): the cheapest read through the same stack. */
export async function getSearchDocument(db: Kysely<Database>, input: SearchDocumentRefInput): Promise<SearchDocumentView> {
  const { kind, refId } = searchDocumentRefInput.parse(input);
  const row = await db
    .selectFrom("search_documents as d")
    .leftJoin("tenants as t", "t.id", "d.owner_tenant_id")
    .select(["d.kind", "d.ref_id", "d.title", "d.summary", "d.body", "d.published_at", "t.slug"])
    .where("d.kind", "=", kind)
    .where("d.ref_id", "=", refId)
    .where("d.network_visible", "=", true)
    .where((eb) => eb.or([eb("d.owner_tenant_id", "is", null), eb("t.status", "=", "active")]))
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "search.errors.not_found");
  return { kind: row.kind, refId: row.ref_id, title: row.title, summary: row.summary, body: row.body, coopSlug: row.slug, publishedAt: new Date(row.published_at) };
}

export interface SearchFilterOptions {
  crops: { code: string; nameTh: string; nameEn: string }[];
  provinces: { code: number; nameTh: string; nameEn: string }[];
}

/** The choices of the crop and province filters (reference data, in display order). */
export async function searchFilterOptions(db: Kysely<Database>): Promise<SearchFilterOptions> {
  const [crops, provinces] = await Promise.all([
    db.selectFrom("crops").select(["code", "name_th", "name_en"]).orderBy("position").orderBy("code").execute(),
    db.selectFrom("provinces").select(["code", "name_th", "name_en"]).orderBy("name_th").execute(),
  ]);
  return {
    crops: crops.map((c) => ({ code: c.code, nameTh: c.name_th, nameEn: c.name_en })),
    provinces: provinces.map((p) => ({ code: p.code, nameTh: p.name_th, nameEn: p.name_en })),
  };
}
