import { type Database, type Kysely, type Transaction } from "@coop/db";
import { indexDocument } from "../search/index-document.ts";
import { AppError } from "../errors.ts";
import { assertCropsExist, assertProvinceExists, cropMap, pageOf, sageCardQuery, toSageCard } from "./rows.ts";
import { sagePhotoUrl } from "./sage-photo.ts";
import { listSagesInput, type ListSagesInput, type SageFields, type UpdateSageInput } from "./schemas.ts";
import type { DirectoryPage, SageCard, SageDetail } from "./types.ts";

/** Who writes a sage: staff may change any; a co-op only those it added. */
export type SageEditor = { kind: "staff" } | { kind: "coop"; tenantId: string };

export async function listSages(db: Kysely<Database>, input: ListSagesInput): Promise<DirectoryPage<SageCard>> {
  const { provinceCode, crop, centreId, page, pageSize } = listSagesInput.parse(input);
  let query = sageCardQuery(db);
  if (provinceCode) query = query.where("s.province_code", "=", provinceCode);
  if (crop) query = query.where((eb) => eb(eb.val(crop), "=", eb.fn.any("s.crops")));
  if (centreId) query = query.where("s.centre_id", "=", centreId);
  const [rows, count, crops] = await Promise.all([
    query.orderBy("s.name_th").orderBy("s.id").limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
    cropMap(db),
  ]);
  return pageOf(rows.map((r) => toSageCard(r, crops)), Number(count.n), page, pageSize);
}

/** Sages a co-op added (its back office list). */
export async function listSagesAddedBy(db: Kysely<Database>, tenantId: string): Promise<SageCard[]> {
  const [rows, crops] = await Promise.all([
    sageCardQuery(db).where("s.added_by_tenant_id", "=", tenantId).orderBy("s.name_th").orderBy("s.id").limit(100).execute(),
    cropMap(db),
  ]);
  return rows.map((r) => toSageCard(r, crops));
}

/**
 * One sage with the centre they work from, their articles (shared, published articles whose
 * source is this sage — the network_read policy shows only those) and their talks (seminars
 * that are not drafts, with them as a speaker).
 */
export async function getSage(db: Kysely<Database>, id: string): Promise<SageDetail | null> {
  const row = await sageCardQuery(db).where("s.id", "=", id).executeTakeFirst();
  if (!row) return null;
  const [crops, centre, articles, talks] = await Promise.all([
    cropMap(db),
    row.centre_id
      ? db.selectFrom("learning_centres").select(["id", "name_th", "name_en"]).where("id", "=", row.centre_id).executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom("articles as a")
      .innerJoin("tenants as t", "t.id", "a.tenant_id")
      .select(["a.id", "a.title", "a.summary", "a.published_at", "t.slug", "t.name_th"])
      .where("a.source_sage_id", "=", id)
      .where("a.status", "=", "published")
      .where("a.shared", "=", true)
      .where("t.status", "=", "active")
      .orderBy("a.published_at", "desc")
      .orderBy("a.id")
      .limit(20)
      .execute(),
    db
      .selectFrom("seminar_speakers as sp")
      .innerJoin("seminars as s", (join) => join.onRef("s.tenant_id", "=", "sp.tenant_id").onRef("s.id", "=", "sp.seminar_id"))
      .innerJoin("tenants as t", "t.id", "s.tenant_id")
      .select(["s.id", "s.title", "s.starts_at", "s.status", "t.slug", "t.name_th"])
      .where("sp.sage_id", "=", id)
      .where("s.status", "<>", "draft")
      .where("t.status", "=", "active")
      .orderBy("s.starts_at", "desc")
      .orderBy("s.id")
      .limit(20)
      .execute(),
  ]);
  return {
    ...toSageCard(row, crops),
    bioTh: row.bio_th,
    phone: row.phone,
    centre: centre ? { id: centre.id, nameTh: centre.name_th, nameEn: centre.name_en } : null,
    addedByTenantId: row.added_by_tenant_id,
    updatedAt: row.updated_at,
    articles: articles.map((a) => ({ id: a.id, tenantSlug: a.slug, tenantNameTh: a.name_th, title: a.title, summary: a.summary, publishedAt: a.published_at! })),
    talks: talks.map((s) => ({ seminarId: s.id, tenantSlug: s.slug, tenantNameTh: s.name_th, title: s.title, startsAt: s.starts_at, status: s.status })),
  };
}

function sageValues(input: SageFields) {
  return {
    name_th: input.nameTh,
    name_en: input.nameEn ?? null,
    title_th: input.titleTh ?? null,
    expertise_th: input.expertiseTh,
    bio_th: input.bioTh ?? null,
    province_code: input.provinceCode,
    district_th: input.districtTh ?? null,
    crops: [...new Set(input.crops)],
    phone: input.phone ?? null,
    centre_id: input.centreId ?? null,
  };
}

async function indexSage(trx: Transaction<Database>, id: string, input: SageFields, photoKey: string | null): Promise<void> {
  await indexDocument(trx, {
    kind: "sage",
    refId: id,
    ownerTenantId: null,
    networkVisible: true,
    title: input.nameTh,
    summary: [input.titleTh, input.expertiseTh].filter(Boolean).join(" · "),
    body: [input.expertiseTh, input.bioTh, input.nameEn].filter(Boolean).join("\n"),
    crops: input.crops,
    provinceCode: input.provinceCode,
    imageKey: photoKey,
  });
}

async function checkRefs(db: Kysely<Database>, input: SageFields): Promise<void> {
  await assertProvinceExists(db, input.provinceCode);
  await assertCropsExist(db, input.crops);
  if (input.centreId) {
    const centre = await db.selectFrom("learning_centres").select("id").where("id", "=", input.centreId).executeTakeFirst();
    if (!centre) throw new AppError("VALIDATION", "directory.errors.centre_not_found", { fields: { centreId: "directory.errors.centre_not_found" } });
  }
}

/** Adds a sage to the directory; a co-op's sage remembers the co-op (which may then edit it). */
export async function createSage(db: Kysely<Database>, editor: SageEditor, input: SageFields): Promise<{ id: string }> {
  await checkRefs(db, input);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("sages")
      .values({ ...sageValues(input), added_by_tenant_id: editor.kind === "coop" ? editor.tenantId : null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await indexSage(trx, id, input, null);
    return { id };
  });
}

/** Changes a sage: staff any, a co-op only the sages it added (others look unknown to it). */
export async function updateSage(db: Kysely<Database>, editor: SageEditor, input: UpdateSageInput): Promise<{ id: string }> {
  await checkRefs(db, input);
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("sages").select(["id", "added_by_tenant_id", "photo_key"]).where("id", "=", input.sageId).forUpdate().executeTakeFirst();
    if (!current || (editor.kind === "coop" && current.added_by_tenant_id !== editor.tenantId)) {
      throw new AppError("NOT_FOUND", "directory.errors.sage_not_found");
    }
    await trx.updateTable("sages").set({ ...sageValues(input), updated_at: new Date() }).where("id", "=", input.sageId).execute();
    await indexSage(trx, input.sageId, input, current.photo_key);
    return { id: input.sageId };
  });
}

/** A sage a co-op may edit, with its raw fields for the edit form; null when not the co-op's. */
export async function getSageForEdit(db: Kysely<Database>, editor: SageEditor, sageId: string) {
  const row = await db.selectFrom("sages").selectAll().where("id", "=", sageId).executeTakeFirst();
  if (!row || (editor.kind === "coop" && row.added_by_tenant_id !== editor.tenantId)) return null;
  return {
    id: row.id, nameTh: row.name_th, nameEn: row.name_en, titleTh: row.title_th, expertiseTh: row.expertise_th, bioTh: row.bio_th,
    provinceCode: row.province_code, districtTh: row.district_th, crops: row.crops, phone: row.phone, centreId: row.centre_id,
    photoUrl: row.photo_key ? sagePhotoUrl(row.photo_key) : null,
  };
}

