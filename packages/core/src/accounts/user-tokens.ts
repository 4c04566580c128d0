import type { Database, Kysely, Transaction, UserTokenPurpose } from "@coop/db";
import { hashToken, newToken } from "../security/tokens.ts";

const LIFETIME_MS: Record<UserTokenPurpose, number> = {
  verify_email: 7 * 24 * 3600 * 1000,
  reset_password: 60 * 60 * 1000,
  handoff: 2 * 60 * 1000,
};

/** A single-use link token; returns the raw token to put in the link. */
export async function issueUserToken(
  trx: Transaction<Database> | Kysely<Database>,
  userId: string,
  purpose: UserTokenPurpose,
  targetTenantId: string | null = null,
): Promise<string> {
  const token = newToken();
  await trx
    .insertInto("user_tokens")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      purpose,
      target_tenant_id: targetTenantId,
      expires_at: new Date(Date.now() + LIFETIME_MS[purpose]),
    })
    .execute();
  return token;
}

/** Uses a token once: returns its user (and target co-op) if it is valid, unused and unexpired. */
export async function consumeUserToken(
  trx: Transaction<Database>,
  token: string,
  purpose: UserTokenPurpose,
): Promise<{ userId: string; targetTenantId: string | null } | null> {
  if (!token || token.length > 200) return null;
  const row = await trx
    .updateTable("user_tokens")
    .set({ used_at: new Date() })
    .where("token_hash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .returning(["user_id", "target_tenant_id"])
    .executeTakeFirst();
  return row ? { userId: row.user_id, targetTenantId: row.target_tenant_id } : null;
}
