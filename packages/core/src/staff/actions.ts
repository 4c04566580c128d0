import type { Database, Kysely, Transaction } from "@coop/db";
import { AppError } from "../errors.ts";
import { enqueueEmail, type EmailTemplate } from "../outbox/enqueue.ts";
import { recordStaffAudit } from "./audit.ts";
import { parseStaffInput, type SuspendCoopInput, suspendCoopInput } from "./schemas.ts";
import { actOnCoop, type StaffScope } from "./scope.ts";

export interface CoopStatusChange {
  tenantId: string;
  slug: string;
  status: "active" | "suspended";
}

/**
 * How to tell the co-op's owners of a status change: the co-op site's address (e-mails link to its back office), built by the
 * caller from the platform's configured origins (core knows no hosts). Without it no e-mail is queued.
 */
export interface CoopStatusNotice {
  siteUrlFor: (slug: string) => string;
}

/** E-mails every owner of the co-op (in their language), in the transaction of the change. */
async function emailOwners(
  trx: Transaction<Database>,
  tenantId: string,
  slug: string,
  template: Extract<EmailTemplate, "coop_approved" | "coop_suspended" | "coop_restored">,
  notice: CoopStatusNotice | undefined,
  extra: Record<string, string> = {},
): Promise<void> {
  if (!notice) return;
  const coop = await trx.selectFrom("tenants").select("name_th").where("id", "=", tenantId).executeTakeFirstOrThrow();
  const owners = await trx
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.email", "users.display_name", "users.locale"])
    .where("memberships.tenant_id", "=", tenantId)
    .where("memberships.role", "=", "owner")
    .orderBy("users.email")
    .execute();
  const link = `${notice.siteUrlFor(slug)}/admin`;
  for (const owner of owners) {
    await enqueueEmail(trx, { to: owner.email, template, locale: owner.locale, params: { name: owner.display_name, coop: coop.name_th, link, ...extra } }, tenantId);
  }
}

/** Approves a co-op waiting for approval (status pending → active). */
export async function approveCoop(db: Kysely<Database>, scope: StaffScope, tenantId: string, notice?: CoopStatusNotice): Promise<CoopStatusChange> {
  return actOnCoop(db, scope, tenantId, async (trx, coop) => {
    if (coop.status !== "pending") throw new AppError("CONFLICT", "staff.errors.not_pending");
    await trx
      .updateTable("tenants")
      .set({ status: "active", approved_at: new Date(), approved_by: scope.userId, updated_at: new Date() })
      .where("id", "=", coop.id)
      .execute();
    await recordStaffAudit(trx, { actorUserId: scope.userId, action: "coop.approve", regionId: coop.regionId, tenantId: coop.id });
    await emailOwners(trx, coop.id, coop.slug, "coop_approved", notice);
    return { tenantId: coop.id, slug: coop.slug, status: "active" };
  });
}

/** Suspends an active co-op: its site shows a notice and its back office becomes read-only. */
export async function suspendCoop(db: Kysely<Database>, scope: StaffScope, rawInput: SuspendCoopInput, notice?: CoopStatusNotice): Promise<CoopStatusChange> {
  const input = parseStaffInput(suspendCoopInput, rawInput);
  return actOnCoop(db, scope, input.tenantId, async (trx, coop) => {
    if (coop.status !== "active") throw new AppError("CONFLICT", "staff.errors.not_active");
    await trx
      .updateTable("tenants")
      .set({ status: "suspended", suspended_reason: input.reason, suspended_at: new Date(), suspended_by: scope.userId, updated_at: new Date() })
      .where("id", "=", coop.id)
      .execute();
    await recordStaffAudit(trx, { actorUserId: scope.userId, action: "coop.suspend", regionId: coop.regionId, tenantId: coop.id, detail: { reason: input.reason } });
    await emailOwners(trx, coop.id, coop.slug, "coop_suspended", notice, { reason: input.reason });
    return { tenantId: coop.id, slug: coop.slug, status: "suspended" };
  });
}

/** Lifts a suspension (status suspended → active). */
export async function restoreCoop(db: Kysely<Database>, scope: StaffScope, tenantId: string, notice?: CoopStatusNotice): Promise<CoopStatusChange> {
  return actOnCoop(db, scope, tenantId, async (trx, coop) => {
    if (coop.status !== "suspended") throw new AppError("CONFLICT", "staff.errors.not_suspended");
    await trx
      .updateTable("tenants")
      .set({ status: "active", suspended_reason: null, suspended_at: null, suspended_by: null, updated_at: new Date() })
      .where("id", "=", coop.id)
      .execute();
    await recordStaffAudit(trx, { actorUserId: scope.userId, action: "coop.restore", regionId: coop.regionId, tenantId: coop.id });
    await emailOwners(trx, coop.id, coop.slug, "coop_restored", notice);
    return { tenantId: coop.id, slug: coop.slug, status: "active" };
  });
}
