import { type Database, type Kysely, sql } from "@coop/db";
import { hashToken, newToken } from "../security/tokens.ts";

export const SESSION_DAYS = 30;
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  locale: "th" | "en";
  emailVerified: boolean;
}

export interface SessionInfo {
  sessionId: string;
  user: AuthUser;
  expiresAt: Date;
  /** True when this read extended the session: the cookie should be sent again with the new expiry. */
  renewed: boolean;
}

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: Kysely<Database>,
  userId: string,
  meta: { host: string; userAgent?: string | null; ip?: string | null },
): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  const row = await db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      host: meta.host.slice(0, 255),
      user_agent: meta.userAgent?.slice(0, 500) ?? null,
      ip: meta.ip?.slice(0, 64) ?? null,
      expires_at: expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.updateTable("users").set({ last_login_at: new Date() }).where("id", "=", userId).execute();
  return { token, expiresAt, sessionId: row.id };
}

/** The signed-in user for a cookie token, or null. Extends the session as it is used. */
export async function readSession(db: Kysely<Database>, token: string | undefined | null): Promise<SessionInfo | null> {
  if (!token || token.length > 200) return null;
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["s.id", "s.last_seen_at", "s.expires_at", "u.id as user_id", "u.email", "u.display_name", "u.locale", "u.email_verified_at"])
    .where("s.token_hash", "=", hashToken(token))
    .where("s.expires_at", ">", new Date())
    .executeTakeFirst();
  if (!row) return null;
  let expiresAt = row.expires_at;
  let renewed = false;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    renewed = true;
    expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
    await db.updateTable("sessions").set({ last_seen_at: sql`now()`, expires_at: expiresAt }).where("id", "=", row.id).execute();
  }
  return {
    sessionId: row.id,
    expiresAt,
    renewed,
    user: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      emailVerified: row.email_verified_at !== null,
    },
  };
}

export async function revokeSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** Signs the user out on every device (after a password change, or on request). */
export async function revokeAllSessions(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
