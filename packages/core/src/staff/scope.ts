import { type Database, type Kysely, sql, type Transaction, withTenant } from "@coop/db";
import { AppError } from "../errors.ts";

/** Who a staff member is and which co-ops they may see: those whose region is in `regionIds` (every region for an administrator). */
export interface StaffScope {
  userId: string;
  regionIds: number[];
  isAdmin: boolean;
}

/** The staff scope of a user, or null when the user is neither staff nor a platform administrator. */
export async function loadStaffScope(db: Kysely<Database>, userId: string): Promise<StaffScope | null> {
  const admin = await db.selectFrom("platform_admins").select("user_id").where("user_id", "=", userId).executeTakeFirst();
  const rows = admin
    ? await db.selectFrom("regions").select("id as region_id").orderBy("id").execute()
    : await db.selectFrom("staff_regions").select("region_id").where("user_id", "=", userId).orderBy("region_id").execute();
  if (!admin && rows.length === 0) return null;
  return { userId, regionIds: rows.map((r) => r.region_id), isAdmin: Boolean(admin) };
}

/**
 * Runs `fn` in one transaction in which the `staff_read` policies (migration 0008) show rows of
 * the co-ops in the scope's regions, read-only. Every cross-co-op read of the console goes here.
 */
export async function withStaffScope<T>(db: Kysely<Database>, scope: StaffScope, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const regions = `{${scope.regionIds.map((id) => Math.trunc(id)).join(",")}}`;
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('app.staff_regions', ${regions}, true)`.execute(trx);
    return fn(trx);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

export interface ScopedCoop {
  id: string;
  slug: string;
  status: "pending" | "active" | "suspended";
  regionId: number;
}

/** The co-op if it lies in the scope; otherwise "not found" (never "forbidden", which would confirm it exists). */
export async function coopInScope(db: Kysely<Database> | Transaction<Database>, scope: StaffScope, tenantId: string): Promise<ScopedCoop> {
  if (!isUuid(tenantId)) throw new AppError("NOT_FOUND", "staff.errors.coop_not_found");
  const row = await db.selectFrom("tenants").select(["id", "slug", "status", "region_id"]).where("id", "=", tenantId).executeTakeFirst();
  if (!row || !scope.regionIds.includes(row.region_id)) throw new AppError("NOT_FOUND", "staff.errors.coop_not_found");
  return { id: row.id, slug: row.slug, status: row.status, regionId: row.region_id };
}

/** A staff action on one co-op: checked against the scope, run as that co-op (its row's RLS), audited in the same transaction. */
export async function actOnCoop<T>(
  db: Kysely<Database>,
  scope: StaffScope,
  tenantId: string,
  fn: (trx: Transaction<Database>, coop: ScopedCoop) => Promise<T>,
): Promise<T> {
  await coopInScope(db, scope, tenantId);
  return withTenant(db, tenantId, async (trx) => {
    // Re-read under a row lock so two staff members cannot race one transition.
    const row = await trx.selectFrom("tenants").select(["id", "slug", "status", "region_id"]).where("id", "=", tenantId).forUpdate().executeTakeFirstOrThrow();
    if (!scope.regionIds.includes(row.region_id)) throw new AppError("NOT_FOUND", "staff.errors.coop_not_found");
    return fn(trx, { id: row.id, slug: row.slug, status: row.status, regionId: row.region_id });
  });
}

export interface StaffScopeView {
  isAdmin: boolean;
  regions: { id: number; nameTh: string; nameEn: string }[];
  provinces: { code: number; nameTh: string; nameEn: string; regionId: number }[];
}

/** The regions and provinces a staff member covers, for the console's header and filters. */
export async function describeStaffScope(db: Kysely<Database>, scope: StaffScope): Promise<StaffScopeView> {
  const ids = scope.regionIds.length > 0 ? scope.regionIds : [-1];
  const regions = await db.selectFrom("regions").select(["id", "name_th", "name_en"]).where("id", "in", ids).orderBy("id").execute();
  const provinces = await db.selectFrom("provinces").select(["code", "name_th", "name_en", "region_id"]).where("region_id", "in", ids).orderBy("name_th").execute();
  return {
    isAdmin: scope.isAdmin,
    regions: regions.map((r) => ({ id: r.id, nameTh: r.name_th, nameEn: r.name_en })),
    provinces: provinces.map((p) => ({ code: p.code, nameTh: p.name_th, nameEn: p.name_en, regionId: p.region_id })),
  };
}
