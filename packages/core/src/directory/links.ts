import { type Database, type Kysely, type Transaction, withTenant } from "@coop/db";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { centreCardQuery, cropMap, toCentreCard } from "./rows.ts";
import type { DecideLinkInput, ProposeLinkInput } from "./schemas.ts";
import type { CentreCard, PendingLink, TenantCentreLink } from "./types.ts";

/**
 * A co-op proposes a link to a centre. A declined or withdrawn proposal may be made again;
 * a proposed or confirmed link is not proposed twice.
 */
export async function proposeCentreLink(db: Kysely<Database>, tenantId: string, actorUserId: string, input: ProposeLinkInput): Promise<void> {
  const centre = await db.selectFrom("learning_centres").select("id").where("id", "=", input.centreId).executeTakeFirst();
  if (!centre) throw new AppError("NOT_FOUND", "directory.errors.centre_not_found");
  await withTenant(db, tenantId, async (trx) => {
    const current = await trx
      .selectFrom("centre_links")
      .select("status")
      .where("tenant_id", "=", tenantId)
      .where("centre_id", "=", input.centreId)
      .forUpdate()
      .executeTakeFirst();
    if (current && current.status !== "declined") {
      throw new AppError("CONFLICT", current.status === "confirmed" ? "directory.errors.link_already_confirmed" : "directory.errors.link_already_proposed");
    }
    const values = { status: "proposed" as const, note: input.note ?? null, proposed_by: actorUserId, proposed_at: new Date(), decided_by: null, decided_at: null };
    if (current) {
      await trx.updateTable("centre_links").set(values).where("tenant_id", "=", tenantId).where("centre_id", "=", input.centreId).execute();
    } else {
      await trx.insertInto("centre_links").values({ tenant_id: tenantId, centre_id: input.centreId, ...values }).execute();
    }
    await recordAudit(trx, { tenantId, actorUserId, action: "centre_link.propose", subjectType: "centre", subjectId: input.centreId, data: { note: input.note ?? null } });
  });
}

/** A co-op takes back a proposal that staff have not decided yet. */
export async function withdrawCentreLink(db: Kysely<Database>, tenantId: string, actorUserId: string, centreId: string): Promise<void> {
  await withTenant(db, tenantId, async (trx) => {
    const current = await trx
      .selectFrom("centre_links")
      .select("status")
      .where("tenant_id", "=", tenantId)
      .where("centre_id", "=", centreId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError("NOT_FOUND", "directory.errors.link_not_found");
    if (current.status !== "proposed") throw new AppError("CONFLICT", "directory.errors.link_not_proposed");
    await trx.deleteFrom("centre_links").where("tenant_id", "=", tenantId).where("centre_id", "=", centreId).execute();
    await recordAudit(trx, { tenantId, actorUserId, action: "centre_link.withdraw", subjectType: "centre", subjectId: centreId, data: {} });
  });
}

/** The regions a signed-in user works for as staff (empty: not staff). */
export async function staffRegionIds(db: Kysely<Database>, userId: string): Promise<number[]> {
  const rows = await db.selectFrom("staff_regions").select("region_id").where("user_id", "=", userId).orderBy("region_id").execute();
  return rows.map((r) => r.region_id);
}

/** The co-op, if it lies in one of the staff member's regions; otherwise "not found" (never "forbidden", which would confirm it exists). */
async function coopInRegions(db: Kysely<Database>, tenantId: string, regionIds: readonly number[]) {
  const tenant = await db.selectFrom("tenants").select(["id", "region_id"]).where("id", "=", tenantId).executeTakeFirst();
  if (!tenant || !regionIds.includes(tenant.region_id)) throw new AppError("NOT_FOUND", "directory.errors.link_not_found");
  return tenant;
}

/** Staff confirm or decline a proposed link of a co-op in their region. */
export async function decideCentreLink(db: Kysely<Database>, staff: { userId: string; regionIds: readonly number[] }, input: DecideLinkInput): Promise<void> {
  await coopInRegions(db, input.tenantId, staff.regionIds);
  await withTenant(db, input.tenantId, (trx) => applyCentreLinkDecision(trx, staff.userId, input));
}

/**
 * The decision itself, inside a transaction already scoped to `input.tenantId` (withTenant), so a
 * caller can write its own audit row in the same transaction. `note` (why) goes to the co-op's audit log.
 */
export async function applyCentreLinkDecision(
  trx: Transaction<Database>,
  actorUserId: string,
  input: DecideLinkInput & { note?: string | null },
): Promise<void> {
  const current = await trx
    .selectFrom("centre_links")
    .select("status")
    .where("tenant_id", "=", input.tenantId)
    .where("centre_id", "=", input.centreId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new AppError("NOT_FOUND", "directory.errors.link_not_found");
  if (current.status !== "proposed") throw new AppError("CONFLICT", "directory.errors.link_not_proposed");
  await trx
    .updateTable("centre_links")
    .set({ status: input.decision, decided_by: actorUserId, decided_at: new Date() })
    .where("tenant_id", "=", input.tenantId)
    .where("centre_id", "=", input.centreId)
    .execute();
  await recordAudit(trx, {
    tenantId: input.tenantId, actorUserId, action: `centre_link.${input.decision === "confirmed" ? "confirm" : "decline"}`,
    subjectType: "centre", subjectId: input.centreId, data: input.note ? { note: input.note } : {},
  });
}

/** Proposals waiting in the staff member's regions, oldest first (one tenant transaction per co-op that has any). */
export async function listPendingCentreLinks(db: Kysely<Database>, regionIds: readonly number[], limit = 100): Promise<PendingLink[]> {
  if (regionIds.length === 0) return [];
  const tenants = await db.selectFrom("tenants").select(["id", "slug", "name_th"]).where("region_id", "in", [...regionIds]).orderBy("name_th").limit(1000).execute();
  const out: PendingLink[] = [];
  for (const tenant of tenants) {
    const rows = await withTenant(db, tenant.id, (trx) =>
      trx
        .selectFrom("centre_links as l")
        .innerJoin("learning_centres as c", "c.id", "l.centre_id")
        .select(["l.centre_id", "c.name_th", "l.note", "l.proposed_at"])
        .where("l.tenant_id", "=", tenant.id)
        .where("l.status", "=", "proposed")
        .execute(),
    );
    for (const r of rows) out.push({ tenantId: tenant.id, tenantSlug: tenant.slug, tenantNameTh: tenant.name_th, centreId: r.centre_id, centreNameTh: r.name_th, note: r.note, proposedAt: r.proposed_at });
  }
  return out.sort((a, b) => a.proposedAt.getTime() - b.proposedAt.getTime() || a.tenantId.localeCompare(b.tenantId)).slice(0, limit);
}

/** Every link of a co-op, whatever its status (its back office). */
export async function listTenantCentreLinks(db: Kysely<Database>, tenantId: string): Promise<TenantCentreLink[]> {
  const rows = await withTenant(db, tenantId, (trx) =>
    trx
      .selectFrom("centre_links as l")
      .innerJoin("learning_centres as c", "c.id", "l.centre_id")
      .innerJoin("provinces as p", "p.code", "c.province_code")
      .select([
        "l.centre_id", "l.status", "l.note", "l.proposed_at", "l.decided_at", "c.name_th", "c.name_en", "c.district_th",
        "p.code as province_code", "p.name_th as province_name_th", "p.name_en as province_name_en",
      ])
      .where("l.tenant_id", "=", tenantId)
      .orderBy("l.proposed_at", "desc")
      .orderBy("l.centre_id")
      .limit(200)
      .execute(),
  );
  return rows.map((r) => ({
    centreId: r.centre_id, centreNameTh: r.name_th, centreNameEn: r.name_en, districtTh: r.district_th,
    province: { code: r.province_code, nameTh: r.province_name_th, nameEn: r.province_name_en },
    status: r.status, note: r.note, proposedAt: r.proposed_at, decidedAt: r.decided_at,
  }));
}

/** The centres a co-op is confirmed to work with (its site's /centres page). */
export async function listConfirmedCentresOfTenant(db: Kysely<Database>, tenantId: string): Promise<CentreCard[]> {
  const ids = await withTenant(db, tenantId, (trx) =>
    trx.selectFrom("centre_links").select("centre_id").where("tenant_id", "=", tenantId).where("status", "=", "confirmed").execute(),
  );
  if (ids.length === 0) return [];
  const [rows, crops] = await Promise.all([
    centreCardQuery(db).where("c.id", "in", ids.map((r) => r.centre_id)).orderBy("c.name_th").orderBy("c.id").execute(),
    cropMap(db),
  ]);
  return rows.map((r) => toCentreCard(r, crops));
}
