import { type Database, type Kysely, sql } from "@coop/db";
import { AppError } from "../errors.ts";
import { enqueueEmail } from "../outbox/enqueue.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { hitRateLimit, type RateLimitRule, resetRateLimit } from "./rate-limit.ts";
import { createSession, revokeAllSessions } from "./sessions.ts";
import { consumeUserToken, issueUserToken } from "./user-tokens.ts";

export const LOGIN_LIMITS: { perAccount: RateLimitRule; perIp: RateLimitRule; perHost: RateLimitRule } = {
  perAccount: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 30, windowSeconds: 15 * 60 },
  // Per site (a co-op's host or the network's): generous, but a password-spraying flood at one co-op stays there.
  perHost: { limit: 600, windowSeconds: 15 * 60 },
};

// Verified against when the e-mail is unknown, so a miss costs as long as a hit.
let dummyHash: Promise<string> | undefined;

export interface SignInInput {
  email: string;
  password: string;
  host: string;
  ip: string;
  userAgent?: string | null;
}

/** Checks the password under per-IP and per-account limits; starts a session on success. */
export async function signIn(db: Kysely<Database>, input: SignInInput) {
  const email = input.email.trim().toLowerCase();
  const byIp = await hitRateLimit(db, `login:ip:${input.ip}`, LOGIN_LIMITS.perIp);
  const byAccount = await hitRateLimit(db, `login:account:${email}`, LOGIN_LIMITS.perAccount);
  const byHost = await hitRateLimit(db, `login:host:${input.host.toLowerCase()}`, LOGIN_LIMITS.perHost);
  if (!byIp.allowed || !byAccount.allowed || !byHost.allowed) {
    const minutes = Math.ceil(Math.max(...[byIp, byAccount, byHost].map((r) => (r.allowed ? 0 : r.retryAfterSeconds))) / 60);
    throw new AppError("RATE_LIMITED", "auth.too_many_attempts", { params: { minutes }, detail: `ip=${input.ip}` });
  }
  const user = await db.selectFrom("users").select(["id", "password_hash"]).where("email", "=", email).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await (dummyHash ??= hashPassword("not-a-real-password"))), input.password);
  if (!user || !ok) throw new AppError("UNAUTHENTICATED", "auth.invalid_credentials", { fields: { password: "auth.invalid_credentials" } });
  await resetRateLimit(db, `login:account:${email}`);
  const session = await createSession(db, user.id, input);
  return { ...session, userId: user.id };
}

/**
 * Sends a reset link if the address has an account; answers the same either way, so the
 * form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(
  db: Kysely<Database>,
  input: { email: string; ip: string; linkFor: (token: string) => string; locale: "th" | "en" },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const limit = await hitRateLimit(db, `reset:ip:${input.ip}`, { limit: 10, windowSeconds: 3600 });
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "auth.too_many_attempts", { params: { minutes: Math.ceil(limit.retryAfterSeconds / 60) } });
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select(["id", "display_name"]).where("email", "=", email).executeTakeFirst();
    if (!user) return;
    const token = await issueUserToken(trx, user.id, "reset_password");
    await enqueueEmail(trx, { to: email, template: "reset_password", locale: input.locale, params: { name: user.display_name, link: input.linkFor(token) } });
  });
}

/** Sets a new password from an e-mailed link, and signs the account out everywhere. */
export async function resetPassword(db: Kysely<Database>, token: string, newPassword: string): Promise<string> {
  const hash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    const used = await consumeUserToken(trx, token, "reset_password");
    if (!used) throw new AppError("VALIDATION", "auth.link_invalid");
    await trx
      .updateTable("users")
      .set({ password_hash: hash, password_changed_at: sql`now()`, email_verified_at: sql`coalesce(email_verified_at, now())` })
      .where("id", "=", used.userId)
      .execute();
    await trx.deleteFrom("sessions").where("user_id", "=", used.userId).execute();
    return used.userId;
  });
}

export async function verifyEmail(db: Kysely<Database>, token: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const used = await consumeUserToken(trx, token, "verify_email");
    if (!used) throw new AppError("VALIDATION", "auth.link_invalid");
    await trx.updateTable("users").set({ email_verified_at: sql`coalesce(email_verified_at, now())` }).where("id", "=", used.userId).execute();
  });
}

/** Sends a fresh verification link to a signed-in user whose address is not yet verified. */
export async function resendVerification(
  db: Kysely<Database>,
  userId: string,
  input: { linkFor: (token: string) => string; locale: "th" | "en" },
): Promise<void> {
  const limit = await hitRateLimit(db, `verify:user:${userId}`, { limit: 5, windowSeconds: 3600 });
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "auth.too_many_attempts", { params: { minutes: Math.ceil(limit.retryAfterSeconds / 60) } });
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select(["email", "display_name", "email_verified_at"]).where("id", "=", userId).executeTakeFirstOrThrow();
    if (user.email_verified_at) return;
    const token = await issueUserToken(trx, userId, "verify_email");
    await enqueueEmail(trx, { to: user.email, template: "verify_email", locale: input.locale, params: { name: user.display_name, link: input.linkFor(token) } });
  });
}

/** Exchanges a short-lived handoff token (from sign-up on the network) for a session on the co-op's own host. */
export async function consumeHandoff(
  db: Kysely<Database>,
  input: { token: string; tenantId: string; host: string; ip: string; userAgent?: string | null },
) {
  const used = await db.transaction().execute((trx) => consumeUserToken(trx, input.token, "handoff"));
  if (!used || used.targetTenantId !== input.tenantId) throw new AppError("VALIDATION", "auth.link_invalid");
  return createSession(db, used.userId, input);
}

export async function signOutEverywhere(db: Kysely<Database>, userId: string): Promise<number> {
  return revokeAllSessions(db, userId);
}
