// Loading seminars and what hangs off them, shared by the back office and the public pages.
// Every function takes the executor it is given: a tenant transaction (back office,
// registration) or the plain database, where the network_read policies decide what shows.
import type { Database, Kysely, KnowledgeTopic } from "@coop/db";
import type { CropLabel, SeminarHarvestItem, SeminarSpeaker, SeminarStatus, SeminarSummary } from "./types.ts";

export function seminarQuery(db: Kysely<Database>) {
  return db
    .selectFrom("seminars as s")
    .leftJoin("provinces as p", "p.code", "s.province_code")
    .select([
      "s.tenant_id", "s.id", "s.title", "s.description", "s.topic", "s.crops", "s.starts_at", "s.ends_at", "s.place", "s.online_url",
      "s.capacity", "s.registered_count", "s.status", "s.created_at", "s.updated_at",
      "p.code as province_code", "p.name_th as province_name_th", "p.name_en as province_name_en",
    ]);
}

export type SeminarRow = Awaited<ReturnType<ReturnType<typeof seminarQuery>["executeTakeFirstOrThrow"]>>;

export async function cropLabels(db: Kysely<Database>): Promise<Map<string, CropLabel>> {
  const rows = await db.selectFrom("crops").select(["code", "name_th", "name_en"]).orderBy("position").execute();
  return new Map(rows.map((r) => [r.code, { code: r.code, nameTh: r.name_th, nameEn: r.name_en }]));
}

export function toSummary(row: SeminarRow, crops: Map<string, CropLabel>): SeminarSummary {
  return {
    id: row.id,
    title: row.title,
    topic: row.topic as KnowledgeTopic,
    crops: row.crops.map((code) => crops.get(code) ?? { code, nameTh: code, nameEn: code }),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    province: row.province_code != null ? { code: row.province_code, nameTh: row.province_name_th!, nameEn: row.province_name_en! } : null,
    onlineUrl: row.online_url,
    capacity: row.capacity,
    registeredCount: row.registered_count,
    seatsLeft: Math.max(0, row.capacity - row.registered_count),
    status: row.status as SeminarStatus,
    started: row.starts_at.getTime() <= Date.now(),
    ended: row.ends_at.getTime() <= Date.now(),
  };
}

/** Speakers of the given seminars (of one co-op), in their order. */
export async function speakersOf(db: Kysely<Database>, tenantId: string, seminarIds: string[]): Promise<Map<string, SeminarSpeaker[]>> {
  const bySeminar = new Map<string, SeminarSpeaker[]>();
  if (seminarIds.length === 0) return bySeminar;
  const rows = await db
    .selectFrom("seminar_speakers as sp")
    .innerJoin("sages as g", "g.id", "sp.sage_id")
    .select(["sp.seminar_id", "sp.sage_id", "sp.position", "g.name_th", "g.name_en", "g.title_th", "g.expertise_th"])
    .where("sp.tenant_id", "=", tenantId)
    .where("sp.seminar_id", "in", seminarIds)
    .orderBy("sp.position")
    .orderBy("g.name_th")
    .execute();
  for (const r of rows) {
    const list = bySeminar.get(r.seminar_id) ?? [];
    list.push({ sageId: r.sage_id, nameTh: r.name_th, nameEn: r.name_en, titleTh: r.title_th, expertiseTh: r.expertise_th, position: r.position });
    bySeminar.set(r.seminar_id, list);
  }
  return bySeminar;
}

/**
 * What the seminar produced, oldest first. An attached article shows only where its row is
 * readable: always in the co-op's own transaction, on the network only once published and shared.
 */
export async function harvestOf(db: Kysely<Database>, tenantId: string, seminarId: string, tenantSlug: string, network: boolean): Promise<SeminarHarvestItem[]> {
  const rows = await db
    .selectFrom("seminar_harvest as h")
    .leftJoin("articles as a", (join) => join.onRef("a.tenant_id", "=", "h.tenant_id").onRef("a.id", "=", "h.article_id"))
    .select(["h.id", "h.kind", "h.title", "h.url", "h.article_id", "h.created_at", "a.title as article_title", "a.status as article_status", "a.shared as article_shared"])
    .where("h.tenant_id", "=", tenantId)
    .where("h.seminar_id", "=", seminarId)
    .orderBy("h.created_at")
    .orderBy("h.id")
    .execute();
  const items: SeminarHarvestItem[] = [];
  for (const r of rows) {
    if (r.kind === "article") {
      const visible = r.article_title != null && (!network || (r.article_status === "published" && r.article_shared));
      if (!visible) continue;
      items.push({
        id: r.id, kind: "article", title: r.article_title ?? r.title, articleId: r.article_id, createdAt: r.created_at,
        url: r.article_status === "published" && r.article_shared ? `/knowledge/${tenantSlug}/${r.article_id}` : null,
      });
    } else {
      items.push({ id: r.id, kind: r.kind, title: r.title, url: r.url, articleId: null, createdAt: r.created_at });
    }
  }
  return items;
}
