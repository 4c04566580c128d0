import { formatDate, type Locale, withLocale } from "@coop/i18n";
import type { PublicOrigins } from "@coop/trpc";
import { coopSiteUrl } from "@coop/trpc/site";
import { localized } from "@coop/ui";

export const SEARCH_KINDS = ["article", "sage", "centre", "seminar", "product"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_TOPICS = ["production", "processing", "marketing", "management", "technology"] as const;
export type SearchTopic = (typeof SEARCH_TOPICS)[number];
export const MAX_QUERY_CHARS = 200;
export const PAGE_SIZE = 10;
const MAX_PAGE = 200;

export interface SearchParams {
  q: string;
  type: SearchKind | "";
  topic: SearchTopic | "";
  crop: string;
  province: number | null;
  page: number;
}

/** The search state from the URL, forgiving: anything odd falls back to "not set". */
export function readSearchParams(url: URL): SearchParams {
  const get = (name: string) => (url.searchParams.get(name) ?? "").trim();
  const type = get("type");
  const topic = get("topic");
  const crop = get("crop");
  const province = Number(get("province"));
  const page = Number(get("page") || "1");
  return {
    q: get("q").slice(0, MAX_QUERY_CHARS),
    type: (SEARCH_KINDS as readonly string[]).includes(type) ? (type as SearchKind) : "",
    topic: (SEARCH_TOPICS as readonly string[]).includes(topic) ? (topic as SearchTopic) : "",
    crop: /^[a-z0-9-]{1,40}$/.test(crop) ? crop : "",
    province: Number.isInteger(province) && province >= 1 && province <= 999 ? province : null,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The URL of a search with these parameters (defaults left out). */
export function searchHref(params: SearchParams, changes: Partial<SearchParams> = {}): string {
  const p = { ...params, ...changes };
  const query = new URLSearchParams();
  if (p.q) query.set("q", p.q);
  if (p.type) query.set("type", p.type);
  if (p.topic) query.set("topic", p.topic);
  if (p.crop) query.set("crop", p.crop);
  if (p.province) query.set("province", String(p.province));
  if (p.page > 1) query.set("page", String(p.page));
  const search = query.toString();
  return search ? `/search?${search}` : "/search";
}

interface Hit {
  kind: SearchKind;
  refId: string;
  titleSegments: { text: string; match: boolean }[];
  snippet: { text: string; match: boolean }[];
  path: string;
  onCoopSite: boolean;
  coopSlug: string | null;
  coopNameTh: string | null;
  coopNameEn: string | null;
  publishedAt: Date | string;
}

export interface SearchHitView {
  key: string;
  kind: SearchKind;
  href: string;
  titleSegments: { text: string; match: boolean }[];
  snippet: { text: string; match: boolean }[];
  coop: { name: string; href: string } | null;
  onCoopSite: boolean;
  date: string | null;
}

/** A hit ready to render: links resolved (products live on their co-op's site), dates formatted. */
export function toHitView(hit: Hit, locale: Locale, origins: PublicOrigins): SearchHitView {
  const coopHref = hit.coopSlug ? coopSiteUrl(origins, hit.coopSlug) : null;
  return {
    key: `${hit.kind}:${hit.refId}`,
    kind: hit.kind,
    href: hit.onCoopSite && coopHref ? withLocale(`${coopHref}${hit.path}`, locale) : hit.path,
    titleSegments: hit.titleSegments,
    snippet: hit.snippet,
    coop: coopHref && hit.coopNameTh ? { name: localized(locale, hit.coopNameTh, hit.coopNameEn), href: withLocale(coopHref, locale) } : null,
    onCoopSite: hit.onCoopSite,
    date: hit.kind === "article" || hit.kind === "seminar" ? formatDate(hit.publishedAt, locale) : null,
  };
}
