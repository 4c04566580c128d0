import { type Database, type Kysely, withTenant } from "@coop/db";

export interface AuditEventView {
  id: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  actor: { id: string; displayName: string; email: string } | null;
}

/** Newest first, keyset-paged by time. */
export async function listAuditEvents(
  db: Kysely<Database>,
  tenantId: string,
  options: { limit: number; before?: string | undefined },
): Promise<AuditEventView[]> {
  const rows = await withTenant(db, tenantId, (trx) => {
    let q = trx
      .selectFrom("audit_events as a")
      .leftJoin("users as u", "u.id", "a.actor_user_id")
      .select(["a.id", "a.action", "a.subject_type", "a.subject_id", "a.data", "a.created_at", "u.id as user_id", "u.display_name", "u.email"])
      .where("a.tenant_id", "=", tenantId)
      .orderBy("a.created_at", "desc")
      .orderBy("a.id", "desc")
      .limit(options.limit);
    if (options.before) q = q.where("a.created_at", "<", new Date(options.before));
    return q.execute();
  });
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    data: (r.data ?? {}) as Record<string, unknown>,
    createdAt: r.created_at.toISOString(),
    actor: r.user_id ? { id: r.user_id, displayName: r.display_name ?? "", email: r.email ?? "" } : null,
  }));
}
