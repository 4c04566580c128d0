import type { Database, Transaction } from "@coop/db";

export interface AuditEntry {
  tenantId: string;
  actorUserId: string | null;
  /** dotted verb, e.g. "product.update", "team.invite", "settings.update" */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** What changed; never passwords or tokens. */
  data?: Record<string, unknown>;
}

/** Written in the same transaction as the change it describes, so the log cannot miss one. */
export async function recordAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto("audit_events")
    .values({
      tenant_id: entry.tenantId,
      actor_user_id: entry.actorUserId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId ?? null,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute();
}
