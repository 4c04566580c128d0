import type { Database, Kysely, Transaction } from "@coop/db";
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

/** The staff audit log, newest first: platform administrators only. */
export async function listStaffAudit(db: Kysely<Database>, scope: StaffScope, rawInput: AuditLogInput): Promise<{ items: StaffAuditView[]; total: number }> {
  if (!scope.isAdmin) throw new AppError("FORBIDDEN", "staff.errors.admins_only");
  const input = parseStaffInput(auditLogInput, rawInput);
  let base = db.selectFrom("staff_audit_events as e");
  if (input.tenantId) base = base.where("e.subject_tenant_id", "=", input.tenantId);
  const { total } = await base.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin("users as u", "u.id", "e.actor_user_id")
    .leftJoin("tenants as t", "t.id", "e.subject_tenant_id")
    .select(["e.id", "e.action", "e.region_id", "e.subject_tenant_id", "e.detail", "e.created_at", "u.display_name", "u.email", "t.slug", "t.name_th"])
    .orderBy("e.created_at", "desc")
    .orderBy("e.id")
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id, action: r.action, actorName: r.display_name, actorEmail: r.email, regionId: r.region_id, tenantId: r.subject_tenant_id,
      tenantSlug: r.slug, tenantNameTh: r.name_th, detail: (r.detail ?? {}) as Record<string, unknown>, createdAt: r.created_at,
    })),
  };
}
