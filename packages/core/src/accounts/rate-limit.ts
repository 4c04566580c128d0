import { type Database, type Kysely, sql } from "@coop/db";

export interface RateLimitRule {
  /** How many attempts a key may make in one window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Counts one attempt for `key` in the current fixed window, in PostgreSQL, so every app
 * process shares the same count. Old windows are removed opportunistically.
 */
export async function hitRateLimit(db: Kysely<Database>, key: string, rule: RateLimitRule): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const now = Date.now();
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const { rows } = await sql<{ hits: number }>`
    INSERT INTO rate_limits (key, window_start, hits) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
    RETURNING hits`.execute(db);
  const hits = rows[0]?.hits ?? 1;
  if (Math.random() < 0.01) {
    await db.deleteFrom("rate_limits").where("window_start", "<", new Date(now - 24 * 3600 * 1000)).execute();
  }
  return {
    allowed: hits <= rule.limit,
    remaining: Math.max(0, rule.limit - hits),
    retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now) / 1000),
  };
}

/** Forgets a key's attempts (after a successful sign-in, the account's failures are cleared). */
export async function resetRateLimit(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}
