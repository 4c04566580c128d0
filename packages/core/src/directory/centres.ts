import { type Database, type Kysely, type Transaction } from "@coop/db";
import { indexDocument } from "../search/index-document.ts";
import { AppError } from "../errors.ts";
import { assertCropsExist, assertProvinceExists, centreCardQuery, cropMap, isoDate, pageOf, sageCardQuery, toCentreCard, toSageCard } from "./rows.ts";
import { type CentreFields, listCentresInput, type ListCentresInput, type UpdateCentreInput } from "./schemas.ts";
import type { CentreCard, CentreDetail, DirectoryCrop, DirectoryPage, DirectoryProvince } from "./types.ts";

/** The ศพก. directory, filtered by province and crop, by name within a province. */
export async function listCentres(db: Kysely<Database>, input: ListCentresInput): Promise<DirectoryPage<CentreCard>> {
  const { provinceCode, crop, q, page, pageSize } = listCentresInput.parse(input);
  let query = centreCardQuery(db);
  if (provinceCode) query = query.where("c.province_code", "=", provinceCode);
  if (crop) query = query.where((eb) => eb(eb.val(crop), "=", eb.fn.any("c.main_crops")));
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) => eb.or([eb("c.name_th", "ilike", like), eb("c.name_en", "ilike", like), eb("c.district_th", "ilike", like), eb("c.code", "ilike", like)]));
  }
  const [rows, count, crops] = await Promise.all([
    query.orderBy("p.name_th").orderBy("c.district_th").orderBy("c.name_th").orderBy("c.id").limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
    cropMap(db),
  ]);
  return pageOf(rows.map((r) => toCentreCard(r, crops)), Number(count.n), page, pageSize);
}

/** What the centre filters offer: provinces that have a centre, crops some centre grows. */
export async function centreFilterOptions(db: Kysely<Database>): Promise<{ provinces: DirectoryProvince[]; crops: DirectoryCrop[] }> {
  const [provinces, used, crops] = await Promise.all([
    db
      .selectFrom("provinces as p")
      .select(["p.code", "p.name_th", "p.name_en"])
      .where((eb) => eb.exists(eb.selectFrom("learning_centres as c").select("c.id").whereRef("c.province_code", "=", "p.code")))
      .orderBy("p.name_th")
      .execute(),
    db.selectFrom("learning_centres").select((eb) => eb.fn<string>("unnest", ["main_crops"]).as("crop")).distinct().execute(),
    cropMap(db),
  ]);
  const usedSet = new Set(used.map((u) => u.crop));
  return {
    provinces: provinces.map((p) => ({ code: p.code, nameTh: p.name_th, nameEn: p.name_en })),
    crops: [...crops.values()].filter((c) => usedSet.has(c.code)),
  };
}

/** One centre with its confirmed co-ops, the meetings held there (public part) and its sages; null when unknown. */
export async function getCentre(db: Kysely<Database>, id: string): Promise<CentreDetail | null> {
  const row = await centreCardQuery(db).where("c.id", "=", id).executeTakeFirst();
  if (!row) return null;
  const crops = await cropMap(db);
  // Outside any tenant, RLS shows only confirmed links (network_read) and every meeting.
  const [links, meetings, sages] = await Promise.all([
    db
      .selectFrom("centre_links as l")
      .innerJoin("tenants as t", "t.id", "l.tenant_id")
      .select(["t.id", "t.slug", "t.name_th", "t.name_en", "l.decided_at", "l.proposed_at"])
      .where("l.centre_id", "=", id)
      .where("l.status", "=", "confirmed")
      .where("t.status", "=", "active")
      .orderBy("t.name_th")
      .execute(),
    db
      .selectFrom("joint_meetings as m")
      .innerJoin("tenants as t", "t.id", "m.tenant_id")
      .select(["m.id", isoDate("m.held_on").as("held_on"), "m.place", "m.outcomes", "t.slug", "t.name_th", "t.name_en"])
      .where("m.centre_id", "=", id)
      .where("t.status", "=", "active")
      .orderBy("m.held_on", "desc")
      .orderBy("m.id")
      .limit(50)
      .execute(),
    sageCardQuery(db).where("s.centre_id", "=", id).orderBy("s.name_th").orderBy("s.id").limit(50).execute(),
  ]);
  return {
    ...toCentreCard(row, crops),
    address: row.address,
    descriptionTh: row.description_th,
    latitude: row.latitude,
    longitude: row.longitude,
    updatedAt: row.updated_at,
    linkedCoops: links.map((l) => ({ tenantId: l.id, slug: l.slug, nameTh: l.name_th, nameEn: l.name_en, linkedAt: l.decided_at ?? l.proposed_at })),
    meetings: meetings.map((m) => ({ id: m.id, heldOn: m.held_on, place: m.place, outcomes: m.outcomes, coopSlug: m.slug, coopNameTh: m.name_th, coopNameEn: m.name_en })),
    sages: sages.map((s) => toSageCard(s, crops)),
  };
}

function centreValues(input: CentreFields) {
  return {
    code: input.code,
    name_th: input.nameTh,
    name_en: input.nameEn ?? null,
    province_code: input.provinceCode,
    district_th: input.districtTh,
    subdistrict_th: input.subdistrictTh ?? null,
    main_crops: [...new Set(input.mainCrops)],
    model_farmer_name: input.modelFarmerName ?? null,
    phone: input.phone ?? null,
    address: input.address ?? null,
    description_th: input.descriptionTh ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
}

/** Writes a centre's search document; call in the transaction that changed the centre. */
export async function indexCentre(trx: Transaction<Database>, id: string, input: CentreFields): Promise<void> {
  await indexDocument(trx, {
    kind: "centre",
    refId: id,
    ownerTenantId: null,
    networkVisible: true,
    title: input.nameTh,
    summary: [input.nameEn, input.districtTh, input.subdistrictTh, input.modelFarmerName].filter(Boolean).join(" · "),
    body: [input.descriptionTh, input.address].filter(Boolean).join("\n"),
    crops: input.mainCrops,
    provinceCode: input.provinceCode,
  });
}

/** Inserts or updates (by code) one centre and its search document, inside `trx`. */
export async function upsertCentre(trx: Transaction<Database>, input: CentreFields): Promise<{ id: string; created: boolean }> {
  const values = centreValues(input);
  const existing = await trx.selectFrom("learning_centres").select("id").where("code", "=", input.code).executeTakeFirst();
  let id: string;
  if (existing) {
    await trx.updateTable("learning_centres").set({ ...values, updated_at: new Date() }).where("id", "=", existing.id).execute();
    id = existing.id;
  } else {
    id = (await trx.insertInto("learning_centres").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }
  await indexCentre(trx, id, input);
  return { id, created: !existing };
}

/** Staff: adds a centre. The code is the centre's identity; a taken code is refused. */
export async function createCentre(db: Kysely<Database>, input: CentreFields): Promise<{ id: string }> {
  await assertProvinceExists(db, input.provinceCode);
  await assertCropsExist(db, input.mainCrops);
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom("learning_centres").select("id").where("code", "=", input.code).executeTakeFirst();
    if (taken) throw new AppError("CONFLICT", "directory.errors.code_taken", { fields: { code: "directory.errors.code_taken" } });
    const { id } = await upsertCentre(trx, input);
    return { id };
  });
}

/** Staff: changes a centre (its code may change when not taken by another one). */
export async function updateCentre(db: Kysely<Database>, input: UpdateCentreInput): Promise<{ id: string }> {
  await assertProvinceExists(db, input.provinceCode);
  await assertCropsExist(db, input.mainCrops);
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("learning_centres").select("id").where("id", "=", input.centreId).forUpdate().executeTakeFirst();
    if (!current) throw new AppError("NOT_FOUND", "directory.errors.centre_not_found");
    const taken = await trx.selectFrom("learning_centres").select("id").where("code", "=", input.code).where("id", "<>", input.centreId).executeTakeFirst();
    if (taken) throw new AppError("CONFLICT", "directory.errors.code_taken", { fields: { code: "directory.errors.code_taken" } });
    await trx.updateTable("learning_centres").set({ ...centreValues(input), updated_at: new Date() }).where("id", "=", input.centreId).execute();
    await indexCentre(trx, input.centreId, input);
    return { id: input.centreId };
  });
}

/** Centres for pickers (the co-op's propose form): id, name, province; by name. */
export async function centreOptions(db: Kysely<Database>, q: string | undefined, limit: number): Promise<Array<{ id: string; nameTh: string; provinceNameTh: string; districtTh: string }>> {
  let query = db
    .selectFrom("learning_centres as c")
    .innerJoin("provinces as p", "p.code", "c.province_code")
    .select(["c.id", "c.name_th", "c.district_th", "p.name_th as province_name_th"]);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) => eb.or([eb("c.name_th", "ilike", like), eb("c.district_th", "ilike", like), eb("p.name_th", "ilike", like), eb("c.code", "ilike", like)]));
  }
  const rows = await query.orderBy("p.name_th").orderBy("c.name_th").orderBy("c.id").limit(Math.min(limit, 100)).execute();
  return rows.map((r) => ({ id: r.id, nameTh: r.name_th, provinceNameTh: r.province_name_th, districtTh: r.district_th }));
}

/** Every crop tag, in the reference order (forms). */
export async function listDirectoryCrops(db: Kysely<Database>): Promise<DirectoryCrop[]> {
  return [...(await cropMap(db)).values()];
}
