import { type Database, type Kysely, sql, type Transaction } from "@coop/db";
import { AppError } from "../errors.ts";
import { type AuditLogInput, auditLogInput, parseStaffInput } from "./schemas.ts";
import type { StaffScope } from "./scope.ts";

export interface StaffAuditEntry {
  actorUserId: string;
  /** dotted verb: "coop.approve", "coop.suspend", "coop.restore", ... */
  action: string;
  regionId: number | null;
  tenantId: string | null;
  detail?: Record<string, unknown>;
}

/** Written in the same transaction as the action it describes. */
export async function recordStaffAudit(trx: Transaction<Database>, entry: StaffAuditEntry): Promise<void> {
  await trx
    .insertInto("staff_audit_events")
    .values({ actor_user_id: entry.actorUserId, action: entry.action, region_id: entry.regionId, subject_tenant_id: entry.tenantId, detail: JSON.stringify(entry.detail ?? {}) })
    .execute();
}

export interface StaffAuditView {
  id: string;
  action: string;
  actorName: string | null;
  actorEmail: string | null;
  regionId: number | null;
  tenantId: string | null;
  tenantSlug: string | null;
  tenantNameTh: string | null;
  detail: Record<string, unknown>;
  createdAt: Date;
}

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The staff audit log, newest first, filtered by co-op, action, actor (part of a name or e-mail)
 * and a range of Asia/Bangkok days (inclusive): platform administrators only. `actions` lists
 * every action recorded so far, for the filter's choices.
 */
export async function listStaffAudit(
  db: Kysely<Database>,
  scope: StaffScope,
  rawInput: AuditLogInput,
): Promise<{ items: StaffAuditView[]; total: number; actions: string[] }> {
  if (!scope.isAdmin) throw new AppError("FORBIDDEN", "staff.errors.admins_only");
  const input = parseStaffInput(auditLogInput, rawInput);
  let base = db.selectFrom("staff_audit_events as e").leftJoin("users as u", "u.id", "e.actor_user_id");
  if (input.tenantId) base = base.where("e.subject_tenant_id", "=", input.tenantId);
  if (input.action) base = base.where("e.action", "=", input.action);
  if (input.actor) {
    const pattern = `%${likeEscape(input.actor)}%`;
    base = base.where((eb) => eb.or([eb("u.email", "ilike", pattern), eb("u.display_name", "ilike", pattern)]));
  }
  if (input.from) base = base.where("e.created_at", ">=", sql<Date>`(${input.from}::date)::timestamp AT TIME ZONE 'Asia/Bangkok'`);
  if (input.to) base = base.where("e.created_at", "<", sql<Date>`(${input.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Bangkok'`);
  const { total } = await base.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin("tenants as t", "t.id", "e.subject_tenant_id")
    .select(["e.id", "e.action", "e.region_id", "e.subject_tenant_id", "e.detail", "e.created_at", "u.display_name", "u.email", "t.slug", "t.name_th"])
    .orderBy("e.created_at", "desc")
    .orderBy("e.id")
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const actions = await db.selectFrom("staff_audit_events").select("action").distinct().orderBy("action").limit(200).execute();
  return {
    total: Number(total),
    actions: actions.map((a) => a.action),
    items: rows.map((r) => ({
      id: r.id, action: r.action, actorName: r.display_name, actorEmail: r.email, regionId: r.region_id, tenantId: r.subject_tenant_id,
      tenantSlug: r.slug, tenantNameTh: r.name_th, detail: (r.detail ?? {}) as Record<string, unknown>, createdAt: r.created_at,
    })),
  };
}
