import { TRPCError } from "@trpc/server";
import { errorInfo } from "./errors.ts";
import { createSession, findTenantBySlug, type PublicTenant, readSession } from "@coop/core";
import { type Database, type Insertable, type Kysely, type MemberRole, type TenantsTable, withTenant } from "@coop/db";
import type { TrpcContext } from "./context.ts";
import { createCaller } from "./root.ts";
import type { Site } from "./site.ts";

/** A full procedure context for tests; pass `userId` to act as a signed-in user. */
export async function testContext(
  db: Kysely<Database>,
  site: Site,
  options: { userId?: string; ip?: string } = {},
): Promise<TrpcContext> {
  const host = site.kind === "coop" || site.kind === "suspended" ? `${site.tenant.slug}.localhost` : "localhost";
  let auth = null;
  if (options.userId) {
    const session = await createSession(db, options.userId, { host });
    auth = await readSession(db, session.token);
  }
  return {
    db,
    site,
    requestId: "test",
    origins: { network: "http://localhost:3000", coopTemplate: "http://{slug}.localhost:3000" },
    request: { host, ip: options.ip ?? "127.0.0.1", userAgent: "vitest", secure: false, locale: "th", cookieHeader: null },
    auth,
    responseCookies: [],
  };
}

/** A tRPC caller for tests, optionally signed in as `userId`. */
export async function testCaller(db: Kysely<Database>, site: Site, options: { userId?: string; ip?: string } = {}) {
  return createCaller(await testContext(db, site, options));
}

/** A caller and its context, to inspect what procedures did to it (cookies set). */
export async function testSession(db: Kysely<Database>, site: Site, options: { userId?: string; ip?: string } = {}) {
  const ctx = await testContext(db, site, options);
  return { caller: createCaller(ctx), ctx };
}

/** How a call was refused, as "CODE:message.key" ("OK" when it was not); other errors are rethrown. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const info = errorInfo(error);
    return `${info.code}:${info.messageKey}`;
  }
  return "OK";
}

/** How a call was refused: its code, message key and field keys; other errors are rethrown, success fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<{ code: string; key: string; fields: Record<string, string> | null }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const info = errorInfo(error);
    return { code: info.code, key: info.messageKey, fields: info.fields ?? null };
  }
  throw new Error("expected a failure");
}

/**
 * An active co-op in region 5 with one account per role in `roles` (e-mail `<role>-<slug>@example.test`),
 * and its site as procedures see it.
 */
export async function makeCoopWithMembers<R extends MemberRole>(
  db: Kysely<Database>,
  slug: string,
  roles: readonly R[],
  values: Partial<Insertable<TenantsTable>> = {},
): Promise<{ id: string; slug: string; tenant: PublicTenant; site: Site & { kind: "coop" }; members: Record<R, string> }> {
  const row = await db
    .insertInto("tenants")
    .values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status: "active", ...values })
    .returning("id")
    .executeTakeFirstOrThrow();
  const members = {} as Record<R, string>;
  for (const role of roles) {
    const user = await db.insertInto("users").values({ email: `${role}-${slug}@example.test`, display_name: `${role} ${slug}`, password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
    await withTenant(db, row.id, (trx) => trx.insertInto("memberships").values({ tenant_id: row.id, user_id: user.id, role }).execute());
    members[role] = user.id;
  }
  const tenant = (await findTenantBySlug(db, slug))!;
  return { id: row.id, slug, tenant, site: { kind: "coop", tenant }, members };
}
