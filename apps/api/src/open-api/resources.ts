import {
  type CentreCard, type CentreDetail, getCentre, getNetworkArticle, getSage, listCentres, listNetworkArticles, listPublicSeminars, listSages,
  type NetworkArticle, type NetworkArticleCard, type PublicSeminarCard, type SageCard, type SageDetail,
} from "@coop/core";
import { mediaUrl } from "@coop/core/media";
import { type Database, KNOWLEDGE_TOPICS, type Kysely } from "@coop/db";
import { coopSiteUrl, type PublicOrigins } from "@coop/trpc";
import { z } from "zod";
import type { PageOf } from "./paging.ts";

/**
 * The public resources the JSON API and the open-data CSV serve: their query filters, how they
 * are read (the core's public list/get functions, no query of our own) and their public JSON
 * shape. Only fields meant for the public leave here: no registrants, no sages' phone numbers.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);
export const isCoopSlug = (value: string) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(value);

/** An empty query parameter (`?topic=`) means no filter. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const cropCode = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/);
const provinceCode = z.coerce.number().int().min(1).max(99);

export const articleFilters = z.object({
  topic: optional(z.enum(KNOWLEDGE_TOPICS)),
  crop: optional(cropCode),
  coop: optional(z.string().max(63).refine(isCoopSlug)),
});
export const centreFilters = z.object({ province: optional(provinceCode), crop: optional(cropCode) });
export const sageFilters = z.object({ province: optional(provinceCode), crop: optional(cropCode) });
export const seminarFilters = z.object({ when: optional(z.enum(["upcoming", "past"])) });

export type ArticleFilters = z.infer<typeof articleFilters>;
export type CentreFilters = z.infer<typeof centreFilters>;
export type SageFilters = z.infer<typeof sageFilters>;
export type SeminarFilters = z.infer<typeof seminarFilters>;

// ---- Readers: one core page at a time ----

export const readArticles = (db: Kysely<Database>, f: ArticleFilters) => (page: number, pageSize: number): Promise<PageOf<NetworkArticleCard>> =>
  listNetworkArticles(db, { topic: f.topic, crop: f.crop, tenantSlug: f.coop, page, pageSize });

export const readCentres = (db: Kysely<Database>, f: CentreFilters) => (page: number, pageSize: number): Promise<PageOf<CentreCard>> =>
  listCentres(db, { provinceCode: f.province, crop: f.crop, page, pageSize });

export const readSages = (db: Kysely<Database>, f: SageFilters) => (page: number, pageSize: number): Promise<PageOf<SageCard>> =>
  listSages(db, { provinceCode: f.province, crop: f.crop, page, pageSize });

export const readSeminars = (db: Kysely<Database>, f: SeminarFilters) => (page: number, pageSize: number): Promise<PageOf<PublicSeminarCard>> =>
  listPublicSeminars(db, { when: f.when ?? "upcoming", page, pageSize });

export const readArticle = (db: Kysely<Database>, coopSlug: string, id: string): Promise<NetworkArticle | null> =>
  isCoopSlug(coopSlug) && isUuid(id) ? getNetworkArticle(db, coopSlug, id) : Promise.resolve(null);

export const readCentre = (db: Kysely<Database>, id: string): Promise<CentreDetail | null> => (isUuid(id) ? getCentre(db, id) : Promise.resolve(null));

export const readSage = (db: Kysely<Database>, id: string): Promise<SageDetail | null> => (isUuid(id) ? getSage(db, id) : Promise.resolve(null));

// ---- Public JSON shapes ----

const iso = (date: Date) => date.toISOString();
const absolute = (origin: string, path: string | null) => (path === null ? null : path.startsWith("/") ? origin + path : path);
const province = (p: { code: number; nameTh: string; nameEn: string }) => ({ code: p.code, name_th: p.nameTh, name_en: p.nameEn });

function coopRef(o: PublicOrigins, slug: string, name: string) {
  return { slug, name_th: name, url: coopSiteUrl(o, slug) };
}

export function articleJson(o: PublicOrigins, a: NetworkArticleCard) {
  return {
    id: a.id,
    title: a.title,
    summary: a.summary,
    topic: a.topic,
    crops: a.crops,
    source_kind: a.sourceKind,
    cover_url: absolute(o.network, a.coverUrl),
    published_at: iso(a.publishedAt),
    coop: coopRef(o, a.tenantSlug, a.tenantName),
    url: `${o.network}/knowledge/${a.tenantSlug}/${a.id}`,
    api_url: `${o.network}/api/v1/articles/${a.tenantSlug}/${a.id}`,
  };
}

export function articleDetailJson(o: PublicOrigins, a: NetworkArticle) {
  const site = coopSiteUrl(o, a.tenant.slug);
  return {
    ...articleJson(o, { ...a, tenantId: a.tenant.id, tenantSlug: a.tenant.slug, tenantName: a.tenant.nameTh }),
    updated_at: iso(a.updatedAt),
    /** Sanitised HTML; its relative links and images are relative to `base_url`. */
    body_html: a.bodyHtml,
    base_url: `${site}/`,
    source: {
      kind: a.source.kind,
      centre: a.source.centre ? { id: a.source.centre.id, name_th: a.source.centre.nameTh, url: `${o.network}/centres/${a.source.centre.id}` } : null,
      sage: a.source.sage ? { id: a.source.sage.id, name_th: a.source.sage.nameTh, url: `${o.network}/sages/${a.source.sage.id}` } : null,
    },
    attachments: a.attachments.map((f) => ({ file_name: f.fileName, byte_size: f.byteSize, url: absolute(site, f.url) })),
  };
}

export function centreJson(o: PublicOrigins, c: CentreCard) {
  return {
    id: c.id,
    code: c.code,
    name_th: c.nameTh,
    name_en: c.nameEn,
    province: province(c.province),
    district_th: c.districtTh,
    subdistrict_th: c.subdistrictTh,
    crops: c.crops.map((crop) => crop.code),
    model_farmer_name: c.modelFarmerName,
    // A centre's phone is its public contact (the directory prints it).
    phone: c.phone,
    url: `${o.network}/centres/${c.id}`,
    api_url: `${o.network}/api/v1/centres/${c.id}`,
  };
}

export function centreDetailJson(o: PublicOrigins, c: CentreDetail) {
  return {
    ...centreJson(o, c),
    address: c.address,
    description_th: c.descriptionTh,
    latitude: c.latitude,
    longitude: c.longitude,
    updated_at: iso(c.updatedAt),
    linked_coops: c.linkedCoops.map((coop) => ({ ...coopRef(o, coop.slug, coop.nameTh), linked_at: iso(coop.linkedAt) })),
    sages: c.sages.map((s) => ({ id: s.id, name_th: s.nameTh, url: `${o.network}/sages/${s.id}` })),
  };
}

export function sageJson(o: PublicOrigins, s: SageCard) {
  return {
    id: s.id,
    name_th: s.nameTh,
    name_en: s.nameEn,
    title_th: s.titleTh,
    expertise_th: s.expertiseTh,
    province: province(s.province),
    district_th: s.districtTh,
    crops: s.crops.map((crop) => crop.code),
    photo_url: s.photoKey ? o.network + mediaUrl(s.photoKey) : null,
    url: `${o.network}/sages/${s.id}`,
    api_url: `${o.network}/api/v1/sages/${s.id}`,
  };
}

export function sageDetailJson(o: PublicOrigins, s: SageDetail) {
  return {
    ...sageJson(o, s),
    bio_th: s.bioTh,
    centre: s.centre ? { id: s.centre.id, name_th: s.centre.nameTh, url: `${o.network}/centres/${s.centre.id}` } : null,
    updated_at: iso(s.updatedAt),
    articles: s.articles.map((a) => ({ id: a.id, title: a.title, coop: coopRef(o, a.tenantSlug, a.tenantNameTh), url: `${o.network}/knowledge/${a.tenantSlug}/${a.id}` })),
  };
}

export function seminarJson(o: PublicOrigins, s: PublicSeminarCard) {
  return {
    id: s.id,
    title: s.title,
    topic: s.topic,
    crops: s.crops.map((crop) => crop.code),
    starts_at: iso(s.startsAt),
    ends_at: iso(s.endsAt),
    place: s.place,
    province: s.province ? province(s.province) : null,
    // The joining link is for registrants; the public only learns that it is online.
    online: s.onlineUrl !== null,
    capacity: s.capacity,
    seats_left: s.seatsLeft,
    status: s.status,
    speakers: s.speakerNames,
    coop: coopRef(o, s.tenantSlug, s.tenantName),
    url: `${o.network}/seminars/${s.tenantSlug}/${s.id}`,
  };
}
