import { type Database, type Kysely, sql } from "@coop/db";
import { AppError } from "../errors.ts";
import { sagePhotoUrl } from "./sage-photo.ts";
import type { CentreCard, DirectoryCrop, DirectoryPage, SageCard } from "./types.ts";

/** Every crop tag by code. */
export async function cropMap(db: Kysely<Database>): Promise<Map<string, DirectoryCrop>> {
  const rows = await db.selectFrom("crops").select(["code", "name_th", "name_en"]).orderBy("position").orderBy("code").execute();
  return new Map(rows.map((r) => [r.code, { code: r.code, nameTh: r.name_th, nameEn: r.name_en }]));
}

export function cropRefs(codes: readonly string[], crops: Map<string, DirectoryCrop>): DirectoryCrop[] {
  return codes.map((code) => crops.get(code) ?? { code, nameTh: code, nameEn: code });
}

/** Refuses crop codes that are not in the crops table. */
export async function assertCropsExist(db: Kysely<Database>, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  const crops = await cropMap(db);
  const unknown = codes.find((c) => !crops.has(c));
  if (unknown) throw new AppError("VALIDATION", "directory.errors.crop_unknown", { fields: { crops: "directory.errors.crop_unknown" }, params: { value: unknown } });
}

export async function assertProvinceExists(db: Kysely<Database>, code: number): Promise<void> {
  const row = await db.selectFrom("provinces").select("code").where("code", "=", code).executeTakeFirst();
  if (!row) throw new AppError("VALIDATION", "validation.province", { fields: { provinceCode: "validation.province" } });
}

export function centreCardQuery(db: Kysely<Database>) {
  return db
    .selectFrom("learning_centres as c")
    .innerJoin("provinces as p", "p.code", "c.province_code")
    .select([
      "c.id", "c.code", "c.name_th", "c.name_en", "c.district_th", "c.subdistrict_th", "c.main_crops", "c.model_farmer_name", "c.phone",
      "c.address", "c.description_th", "c.latitude", "c.longitude", "c.updated_at",
      "p.code as province_code", "p.name_th as province_name_th", "p.name_en as province_name_en",
    ]);
}

type CentreRow = Awaited<ReturnType<ReturnType<typeof centreCardQuery>["executeTakeFirstOrThrow"]>>;

export function toCentreCard(row: CentreRow, crops: Map<string, DirectoryCrop>): CentreCard {
  return {
    id: row.id,
    code: row.code,
    nameTh: row.name_th,
    nameEn: row.name_en,
    province: { code: row.province_code, nameTh: row.province_name_th, nameEn: row.province_name_en },
    districtTh: row.district_th,
    subdistrictTh: row.subdistrict_th,
    crops: cropRefs(row.main_crops, crops),
    modelFarmerName: row.model_farmer_name,
    phone: row.phone,
  };
}

export function sageCardQuery(db: Kysely<Database>) {
  return db
    .selectFrom("sages as s")
    .innerJoin("provinces as p", "p.code", "s.province_code")
    .select([
      "s.id", "s.name_th", "s.name_en", "s.title_th", "s.expertise_th", "s.bio_th", "s.district_th", "s.crops", "s.photo_key", "s.phone",
      "s.centre_id", "s.added_by_tenant_id", "s.updated_at",
      "p.code as province_code", "p.name_th as province_name_th", "p.name_en as province_name_en",
    ]);
}

type SageRow = Awaited<ReturnType<ReturnType<typeof sageCardQuery>["executeTakeFirstOrThrow"]>>;

export function toSageCard(row: SageRow, crops: Map<string, DirectoryCrop>): SageCard {
  return {
    id: row.id,
    nameTh: row.name_th,
    nameEn: row.name_en,
    titleTh: row.title_th,
    expertiseTh: row.expertise_th,
    province: { code: row.province_code, nameTh: row.province_name_th, nameEn: row.province_name_en },
    districtTh: row.district_th,
    crops: cropRefs(row.crops, crops),
    photoKey: row.photo_key,
    photoUrl: row.photo_key ? sagePhotoUrl(row.photo_key) : null,
  };
}

export function pageOf<T>(items: T[], total: number, page: number, pageSize: number): DirectoryPage<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** A date column as YYYY-MM-DD, whatever the driver would have parsed it into. */
export const isoDate = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
