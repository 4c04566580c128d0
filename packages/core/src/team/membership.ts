import { type Database, type Kysely, type MemberRole, withTenant } from "@coop/db";

/** The user's role in a co-op, or null when they are not a member. */
export async function getMemberRole(db: Kysely<Database>, tenantId: string, userId: string): Promise<MemberRole | null> {
  const row = await withTenant(db, tenantId, (trx) =>
    trx.selectFrom("memberships").select("role").where("tenant_id", "=", tenantId).where("user_id", "=", userId).executeTakeFirst(),
  );
  return row?.role ?? null;
}
