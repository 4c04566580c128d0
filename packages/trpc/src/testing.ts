import { TRPCError } from "@trpc/server";
import { errorInfo } from "./errors.ts";
import { createSession, readSession } from "@coop/core";
import type { Database, Kysely } from "@coop/db";
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
