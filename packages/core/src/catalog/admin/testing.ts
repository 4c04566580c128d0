// Fixtures for this folder's database tests (not exported from the package).
import { type Database, type Kysely, type MemberRole, withTenant } from "@coop/db";
import { AppError } from "../../errors.ts";

export async function makeCoop(db: Kysely<Database>, slug: string, extra: { logo_key?: string; story_th?: string; promptpay_id?: string } = {}): Promise<string> {
  const row = await db
    .insertInto("tenants")
    .values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status: "active", ...extra })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makeUser(db: Kysely<Database>, email: string, displayName: string): Promise<string> {
  const row = await db.insertInto("users").values({ email, display_name: displayName, password_hash: "not-a-real-hash" }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function addMember(db: Kysely<Database>, tenantId: string, userId: string, role: MemberRole): Promise<void> {
  await withTenant(db, tenantId, (trx) => trx.insertInto("memberships").values({ tenant_id: tenantId, user_id: userId, role }).execute());
}

export async function auditActions(db: Kysely<Database>, tenantId: string, subjectId: string): Promise<Array<{ action: string; data: unknown; actor: string | null }>> {
  const rows = await withTenant(db, tenantId, (trx) =>
    trx.selectFrom("audit_events").select(["action", "data", "actor_user_id", "created_at"]).where("subject_id", "=", subjectId).orderBy("created_at").execute(),
  );
  return rows.map((r) => ({ action: r.action, data: r.data, actor: r.actor_user_id }));
}

/** The AppError `promise` rejects with; any other error is rethrown, and success fails the test. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, but the call succeeded");
}

/** "ok" when `promise` resolves, else the message key of the AppError it rejects with; any other error is rethrown. */
export async function messageKeyOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.messageKey;
    throw error;
  }
}
