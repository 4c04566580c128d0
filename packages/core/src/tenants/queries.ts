import type { Database, Kysely } from "@coop/db";
import { mediaUrl } from "../media/urls.ts";
import type { CoopCard, PublicTenant } from "./types.ts";

function publicTenantQuery(db: Kysely<Database>) {
  return db
    .selectFrom("tenants as t")
    .innerJoin("provinces as p", "p.code", "t.province_code")
    .innerJoin("regions as r", "r.id", "t.region_id")
    .select([
      "t.id", "t.slug", "t.name_th", "t.name_en", "t.story_th", "t.story_en", "t.status", "t.theme_color", "t.logo_key", "t.cover_key",
      "p.code as province_code", "p.name_th as province_name_th", "p.name_en as province_name_en",
      "r.id as region_id", "r.name_th as region_name_th", "r.name_en as region_name_en",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof publicTenantQuery>["executeTakeFirstOrThrow"]>>;

function toPublicTenant(row: Row): PublicTenant {
  return {
    id: row.id,
    slug: row.slug,
    nameTh: row.name_th,
    nameEn: row.name_en,
    storyTh: row.story_th,
    storyEn: row.story_en,
    status: row.status,
    province: { code: row.province_code, nameTh: row.province_name_th, nameEn: row.province_name_en },
    region: { id: row.region_id, nameTh: row.region_name_th, nameEn: row.region_name_en },
    themeColor: row.theme_color,
    logoUrl: row.logo_key ? mediaUrl(row.logo_key) : null,
    coverUrl: row.cover_key ? mediaUrl(row.cover_key) : null,
  };
}

/** The co-op at a subdomain, whatever its status (the caller decides what a status means). */
export async function findTenantBySlug(db: Kysely<Database>, slug: string): Promise<PublicTenant | null> {
  const row = await publicTenantQuery(db).where("t.slug", "=", slug).executeTakeFirst();
  return row ? toPublicTenant(row) : null;
}

/** Active co-ops for the network home, ordered by province then name. Pending and suspended co-ops never appear. */
export async function listActiveCoops(db: Kysely<Database>, options: { limit: number; offset: number }): Promise<CoopCard[]> {
  const rows = await publicTenantQuery(db)
    .where("t.status", "=", "active")
    .orderBy("p.name_th")
    .orderBy("t.name_th")
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return rows.map((row) => {
    const { id: _id, status: _status, themeColor: _theme, coverUrl: _cover, ...card } = toPublicTenant(row);
    return card;
  });
}

/**
 * The co-op whose VERIFIED custom domain is `domain` (lower-case, no port), whatever its status.
 * An added but unverified domain finds nothing: until the owner has proved control of the name,
 * it must not route to the co-op nor get a certificate.
 */
export async function findTenantByCustomDomain(db: Kysely<Database>, domain: string): Promise<PublicTenant | null> {
  const row = await publicTenantQuery(db)
    .innerJoin("custom_domains as d", "d.coop_id", "t.id")
    .where("d.domain", "=", domain)
    .where("d.verified_at", "is not", null)
    .executeTakeFirst();
  return row ? toPublicTenant(row) : null;
}
