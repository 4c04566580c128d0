import type { Database, Kysely } from "@coop/db";
import { AppError } from "../errors.ts";
import { recordStaffAudit } from "./audit.ts";
import { parseStaffInput, type SuspendCoopInput, suspendCoopInput } from "./schemas.ts";
import { actOnCoop, type StaffScope } from "./scope.ts";

export interface CoopStatusChange {
  tenantId: string;
  slug: string;
  status: "active" | "suspended";
}

/** Approves a co-op waiting for approval (status pending → active). */
export async function approveCoop(db: Kysely<Database>, scope: StaffScope, tenantId: string): Promise<CoopStatusChange> {
  return actOnCoop(db, scope, tenantId, async (trx, coop) => {
    if (coop.status !== "pending") throw new AppError("CONFLICT", "staff.errors.not_pending");
    await trx
      .updateTable("tenants")
      .set({ status: "active", approved_at: new Date(), approved_by: scope.userId, updated_at: new Date() })
      .where("id", "=", coop.id)
      .execute();
    await recordStaffAudit(trx, { actorUserId: scope.userId, action: "coop.approve", regionId: coop.regionId, tenantId: coop.id });
    return { tenantId: coop.id, slug: coop.slug, status: "active" };
  });
}

/** Suspends an active co-op: its site shows a notice and its back office becomes read-only. */
export async function suspendCoop(db: Kysely<Database>, scope: StaffScope, rawInput: SuspendCoopInput): Promise<CoopStatusChange> {
  const input = parseStaffInput(suspendCoopInput, rawInput);
  return actOnCoop(db, scope, input.tenantId, async (trx, coop) => {
    if (coop.status !== "active") throw new AppError("CONFLICT", "staff.errors.not_active");
    await trx
      .updateTable("tenants")
      .set({ status: "suspended", suspended_reason: input.reason, suspended_at: new Date(), suspended_by: scope.userId, updated_at: new Date() })
      .where("id", "=", coop.id)
      .execute();
    await recordStaffAudit(trx, { actorUserId: scope.userId, action: "coop.suspend", regionId: coop.regionId, tenantId: coop.id, detail: { reason: input.reason } });
    return { tenantId: coop.id, slug: coop.slug, status: "suspended" };
  });
}

/** Lifts a suspension (status suspended → active). */
export async function restoreCoop(db: Kysely<Database>, scope: StaffScope, tenantId: string): Promise<CoopStatusChange> {
  return actOnCoop(db, scope, tenantId, async (trx, coop) => {
    if (coop.status !== "suspended") throw new AppError("CONFLICT", "staff.errors.not_suspended");
    await trx
      .updateTable("tenants")
      .set({ status: "active", suspended_reason: null, suspended_at: null, suspended_by: null, updated_at: new Date() })
      .where("id", "=", coop.id)
      .execute();
    await recordStaffAudit(trx, { actorUserId: scope.userId, action: "coop.restore", regionId: coop.regionId, tenantId: coop.id });
    return { tenantId: coop.id, slug: coop.slug, status: "active" };
  });
}
