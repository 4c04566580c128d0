// The co-op back office's seminars. Every function takes the co-op (tenant) explicitly, so staff
// scheduling on a co-op's behalf can call the same functions later.
import { type Database, type Kysely, sql, type Transaction, withTenant } from "@coop/db";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { indexDocument, removeDocument } from "../search/index-document.ts";
import { cropLabels, harvestOf, seminarQuery, type SeminarRow, speakersOf, toSummary } from "./rows.ts";
import {
  type ListAdminSeminarsInput,
  listAdminSeminarsInput,
  type SeminarFields,
  type SetSpeakersInput,
  setSpeakersInput,
  type UpdateSeminar,
} from "./schemas.ts";
import { listHarvestArticleOptions } from "./harvest.ts";
import type { AdminSeminar, AdminSeminarRow, CropLabel } from "./types.ts";

async function slugOf(trx: Kysely<Database>, tenantId: string): Promise<string> {
  const row = await trx.selectFrom("tenants").select("slug").where("id", "=", tenantId).executeTakeFirstOrThrow();
  return row.slug;
}

/** The seminar, locked for the rest of the transaction; NOT_FOUND when it is not this co-op's. */
export async function lockSeminar(trx: Transaction<Database>, tenantId: string, seminarId: string): Promise<SeminarRow> {
  const row = await seminarQuery(trx).where("s.tenant_id", "=", tenantId).where("s.id", "=", seminarId).forUpdate("s").executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "seminar.errors.not_found", { detail: seminarId });
  return row;
}

async function checkCrops(trx: Kysely<Database>, crops: string[]): Promise<void> {
  if (crops.length === 0) return;
  const known = await trx.selectFrom("crops").select("code").where("code", "in", crops).execute();
  if (known.length !== crops.length) throw new AppError("VALIDATION", "seminar.errors.crop_invalid", { fields: { crops: "seminar.errors.crop_invalid" } });
}

async function checkProvince(trx: Kysely<Database>, code: number | null): Promise<void> {
  if (code == null) return;
  const found = await trx.selectFrom("provinces").select("code").where("code", "=", code).executeTakeFirst();
  if (!found) throw new AppError("VALIDATION", "validation.province", { fields: { provinceCode: "validation.province" } });
}

/**
 * Rewrites the seminar's search row in the caller's transaction: a published seminar is
 * findable network-wide; a cancelled one only on the co-op's own site; a draft not at all.
 */
export async function reindexSeminar(trx: Transaction<Database>, tenantId: string, seminarId: string): Promise<void> {
  const row = await seminarQuery(trx).where("s.tenant_id", "=", tenantId).where("s.id", "=", seminarId).executeTakeFirst();
  if (!row || row.status === "draft") {
    await removeDocument(trx, "seminar", seminarId);
    return;
  }
  const speakers = (await speakersOf(trx, tenantId, [seminarId])).get(seminarId) ?? [];
  await indexDocument(trx, {
    kind: "seminar",
    refId: seminarId,
    ownerTenantId: tenantId,
    networkVisible: row.status === "published",
    title: row.title,
    summary: row.place ?? "",
    body: [row.description, ...speakers.map((s) => [s.nameTh, s.nameEn].filter(Boolean).join(" "))].join("\n"),
    topic: row.topic,
    crops: row.crops,
    provinceCode: row.province_code,
    publishedAt: row.starts_at,
  });
}

function columns(fields: SeminarFields) {
  return {
    title: fields.title,
    description: fields.description,
    topic: fields.topic,
    crops: fields.crops,
    starts_at: fields.startsAt,
    ends_at: fields.endsAt,
    place: fields.place,
    province_code: fields.provinceCode,
    online_url: fields.onlineUrl,
    capacity: fields.capacity,
  };
}

/** Schedules a new seminar as a draft (nobody sees it until it is published). */
export async function createSeminar(db: Kysely<Database>, tenantId: string, actorUserId: string | null, fields: SeminarFields): Promise<{ id: string }> {
  return withTenant(db, tenantId, async (trx) => {
    await checkCrops(trx, fields.crops);
    await checkProvince(trx, fields.provinceCode);
    const { id } = await trx
      .insertInto("seminars")
      .values({ tenant_id: tenantId, ...columns(fields), created_by: actorUserId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { tenantId, actorUserId, action: "seminar.create", subjectType: "seminar", subjectId: id, data: { title: fields.title } });
    return { id };
  });
}

/**
 * Changes a seminar's details. Capacity may not drop below the seats already taken (the row is
 * locked, so no registration slips in between the check and the update); a cancelled seminar
 * is closed to edits.
 */
export async function updateSeminar(db: Kysely<Database>, tenantId: string, actorUserId: string | null, input: UpdateSeminar): Promise<void> {
  const fields = input.fields;
  await withTenant(db, tenantId, async (trx) => {
    const before = await lockSeminar(trx, tenantId, input.seminarId);
    if (before.status === "cancelled") throw new AppError("CONFLICT", "seminar.errors.cancelled_locked");
    if (fields.capacity < before.registered_count) {
      throw new AppError("VALIDATION", "seminar.errors.capacity_below_registered", {
        fields: { capacity: "seminar.errors.capacity_below_registered" },
        params: { registered: before.registered_count },
      });
    }
    await checkCrops(trx, fields.crops);
    await checkProvince(trx, fields.provinceCode);
    await trx
      .updateTable("seminars")
      .set({ ...columns(fields), updated_at: sql`now()` })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", input.seminarId)
      .execute();
    await reindexSeminar(trx, tenantId, input.seminarId);
    await recordAudit(trx, { tenantId, actorUserId, action: "seminar.update", subjectType: "seminar", subjectId: input.seminarId, data: { title: fields.title, capacity: fields.capacity } });
  });
}

/** draft → published: it appears on the network and takes registrations. An ended seminar cannot be published. */
export async function publishSeminar(db: Kysely<Database>, tenantId: string, actorUserId: string | null, seminarId: string): Promise<void> {
  await withTenant(db, tenantId, async (trx) => {
    const row = await lockSeminar(trx, tenantId, seminarId);
    if (row.status === "published") return;
    if (row.status === "cancelled") throw new AppError("CONFLICT", "seminar.errors.cancelled_locked");
    if (row.ends_at.getTime() <= Date.now()) throw new AppError("VALIDATION", "seminar.errors.publish_ended");
    await trx.updateTable("seminars").set({ status: "published", updated_at: sql`now()` }).where("tenant_id", "=", tenantId).where("id", "=", seminarId).execute();
    await reindexSeminar(trx, tenantId, seminarId);
    await recordAudit(trx, { tenantId, actorUserId, action: "seminar.publish", subjectType: "seminar", subjectId: seminarId });
  });
}

/** → cancelled (final). Registrations stay for the record; the page says it is cancelled. */
export async function cancelSeminar(db: Kysely<Database>, tenantId: string, actorUserId: string | null, seminarId: string): Promise<void> {
  await withTenant(db, tenantId, async (trx) => {
    const row = await lockSeminar(trx, tenantId, seminarId);
    if (row.status === "cancelled") return;
    await trx.updateTable("seminars").set({ status: "cancelled", updated_at: sql`now()` }).where("tenant_id", "=", tenantId).where("id", "=", seminarId).execute();
    await reindexSeminar(trx, tenantId, seminarId);
    await recordAudit(trx, { tenantId, actorUserId, action: "seminar.cancel", subjectType: "seminar", subjectId: seminarId });
  });
}

/** Replaces the speakers (sages from the directory), in the order given. */
export async function setSeminarSpeakers(db: Kysely<Database>, tenantId: string, actorUserId: string | null, raw: SetSpeakersInput): Promise<void> {
  const input = setSpeakersInput.parse(raw);
  const sageIds = [...new Set(input.sageIds)];
  await withTenant(db, tenantId, async (trx) => {
    const row = await lockSeminar(trx, tenantId, input.seminarId);
    if (row.status === "cancelled") throw new AppError("CONFLICT", "seminar.errors.cancelled_locked");
    if (sageIds.length > 0) {
      const found = await trx.selectFrom("sages").select("id").where("id", "in", sageIds).execute();
      if (found.length !== sageIds.length) throw new AppError("VALIDATION", "seminar.errors.sage_not_found", { fields: { sageIds: "seminar.errors.sage_not_found" } });
    }
    await trx.deleteFrom("seminar_speakers").where("tenant_id", "=", tenantId).where("seminar_id", "=", input.seminarId).execute();
    if (sageIds.length > 0) {
      await trx
        .insertInto("seminar_speakers")
        .values(sageIds.map((sageId, position) => ({ tenant_id: tenantId, seminar_id: input.seminarId, sage_id: sageId, position })))
        .execute();
    }
    await reindexSeminar(trx, tenantId, input.seminarId);
    await recordAudit(trx, { tenantId, actorUserId, action: "seminar.speakers", subjectType: "seminar", subjectId: input.seminarId, data: { sageIds } });
  });
}

/** The co-op's seminars, next first then the rest newest first, with the total. */
export async function listAdminSeminars(db: Kysely<Database>, tenantId: string, raw: ListAdminSeminarsInput = {}): Promise<{ items: AdminSeminarRow[]; total: number }> {
  const input = listAdminSeminarsInput.parse(raw);
  return withTenant(db, tenantId, async (trx) => {
    let query = seminarQuery(trx).where("s.tenant_id", "=", tenantId);
    if (input.status) query = query.where("s.status", "=", input.status);
    const [rows, count, crops] = await Promise.all([
      query
        .orderBy(sql`CASE WHEN s.ends_at > now() THEN 0 ELSE 1 END`)
        .orderBy(sql`CASE WHEN s.ends_at > now() THEN s.starts_at END`, "asc")
        .orderBy("s.starts_at", "desc")
        .orderBy("s.id")
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize)
        .execute(),
      (input.status ? trx.selectFrom("seminars").where("status", "=", input.status) : trx.selectFrom("seminars"))
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("tenant_id", "=", tenantId)
        .executeTakeFirstOrThrow(),
      cropLabels(trx),
    ]);
    return { items: rows.map((r) => ({ ...toSummary(r, crops), updatedAt: r.updated_at })), total: Number(count.n) };
  });
}

/** One seminar of the co-op with its speakers, harvest and counts. */
export async function getAdminSeminar(db: Kysely<Database>, tenantId: string, seminarId: string): Promise<AdminSeminar> {
  return withTenant(db, tenantId, async (trx) => {
    const row = await seminarQuery(trx).where("s.tenant_id", "=", tenantId).where("s.id", "=", seminarId).executeTakeFirst();
    if (!row) throw new AppError("NOT_FOUND", "seminar.errors.not_found", { detail: seminarId });
    const slug = await slugOf(trx, tenantId);
    const [crops, speakers, harvest, cancelled] = await Promise.all([
      cropLabels(trx),
      speakersOf(trx, tenantId, [seminarId]),
      harvestOf(trx, tenantId, seminarId, slug, false),
      trx
        .selectFrom("seminar_registrations")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("tenant_id", "=", tenantId)
        .where("seminar_id", "=", seminarId)
        .where("status", "=", "cancelled")
        .executeTakeFirstOrThrow(),
    ]);
    return {
      ...toSummary(row, crops),
      description: row.description,
      speakers: speakers.get(seminarId) ?? [],
      harvest,
      cancelledCount: Number(cancelled.n),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

/** Sages a co-op may pick as speakers (the whole directory; it is small), by name. */
export async function listSageOptions(db: Kysely<Database>): Promise<Array<{ id: string; nameTh: string; nameEn: string | null; expertiseTh: string }>> {
  const rows = await db.selectFrom("sages").select(["id", "name_th", "name_en", "expertise_th"]).orderBy("name_th").orderBy("id").limit(500).execute();
  return rows.map((r) => ({ id: r.id, nameTh: r.name_th, nameEn: r.name_en, expertiseTh: r.expertise_th }));
}

/** What the seminar form offers: the crops taxonomy, the sages directory and the co-op's articles (for the harvest). */
export async function seminarFormOptions(db: Kysely<Database>, tenantId: string): Promise<{
  crops: CropLabel[];
  sages: Array<{ id: string; nameTh: string; nameEn: string | null; expertiseTh: string }>;
  articles: Array<{ id: string; title: string; status: "draft" | "published"; shared: boolean }>;
}> {
  const [crops, sages, articles] = await Promise.all([cropLabels(db), listSageOptions(db), listHarvestArticleOptions(db, tenantId)]);
  return { crops: [...crops.values()], sages, articles };
}
