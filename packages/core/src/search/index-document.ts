import { type Database, type Kysely, type SearchKind, sql } from "@coop/db";
import { synonymTokens, tokenString } from "@coop/search";

/** What one findable thing contributes to the search index. Text is plain (no Markdown or HTML). */
export interface SearchDocumentInput {
  kind: SearchKind;
  refId: string;
  /** The co-op the thing belongs to; null for directory entries (centres, sages). */
  ownerTenantId: string | null;
  /** True when the network site may show it (a shared, published article; an active co-op's listed product). */
  networkVisible: boolean;
  title: string;
  summary?: string;
  body?: string;
  topic?: string | null;
  crops?: readonly string[];
  provinceCode?: number | null;
  imageKey?: string | null;
  publishedAt?: Date;
}

const MAX_BODY_CHARS = 20_000;

/**
 * Writes (or rewrites) a thing's row in the search index. Call it in the same transaction that
 * changes the thing — inside `withTenant` for a co-op's content — so the index never disagrees
 * with what it describes. Thai is segmented into words here, at write time; the title weighs
 * most (A), then the summary (B), then the body (C); the names of the crops it is tagged with
 * and the Thai/English synonyms of its words weigh least (D), so "compost" finds "ปุ๋ยหมัก".
 */
export async function indexDocument(db: Kysely<Database>, doc: SearchDocumentInput): Promise<void> {
  const summary = doc.summary ?? "";
  const body = (doc.body ?? "").slice(0, MAX_BODY_CHARS);
  const titleTokens = tokenString(doc.title);
  const summaryTokens = tokenString(summary);
  const bodyTokens = tokenString(body);
  const cropTokens = await cropNameTokens(db, doc.crops ?? []);
  const extraTokens = `${cropTokens} ${synonymTokens(`${titleTokens} ${summaryTokens} ${bodyTokens} ${cropTokens}`)}`.trim();
  const tsv = sql<string>`setweight(to_tsvector('simple', ${titleTokens}), 'A')
    || setweight(to_tsvector('simple', ${summaryTokens}), 'B')
    || setweight(to_tsvector('simple', ${bodyTokens}), 'C')
    || setweight(to_tsvector('simple', ${extraTokens}), 'D')`;
  const row = {
    owner_tenant_id: doc.ownerTenantId,
    network_visible: doc.networkVisible,
    title: doc.title,
    summary,
    body,
    title_tokens: titleTokens,
    tsv,
    topic: doc.topic ?? null,
    crops: [...(doc.crops ?? [])],
    province_code: doc.provinceCode ?? null,
    image_key: doc.imageKey ?? null,
    published_at: doc.publishedAt ?? new Date(),
    updated_at: new Date(),
  };
  await db
    .insertInto("search_documents")
    .values({ kind: doc.kind, ref_id: doc.refId, ...row })
    .onConflict((oc) => oc.columns(["kind", "ref_id"]).doUpdateSet(row))
    .execute();
}

/** The Thai and English names of the crop codes, as index words. */
async function cropNameTokens(db: Kysely<Database>, codes: readonly string[]): Promise<string> {
  if (codes.length === 0) return "";
  const rows = await db.selectFrom("crops").select(["name_th", "name_en"]).where("code", "in", [...codes]).execute();
  return tokenString(rows.map((r) => `${r.name_th} ${r.name_en}`).join(" "));
}

/** Takes a thing out of the index (deleted, unpublished, archived). */
export async function removeDocument(db: Kysely<Database>, kind: SearchKind, refId: string): Promise<void> {
  await db.deleteFrom("search_documents").where("kind", "=", kind).where("ref_id", "=", refId).execute();
}
