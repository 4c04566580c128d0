import { AppError, type AppErrorCode, can, getMemberRole, loadStaffScope, type Permission } from "@coop/core";
import { isDatabaseUnavailable } from "@coop/db";
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import type { TrpcContext } from "./context.ts";

/** The one place where domain error codes become tRPC (and so HTTP) status codes. */
const STATUS: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  VALIDATION: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  SITE_SUSPENDED: "NOT_FOUND",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/** Zod issues become field → message key pairs; our schemas use message keys as messages. */
function zodFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_";
    if (fields[path]) continue;
    fields[path] = /^[a-z_]+\.[a-z_.]+$/.test(issue.message) ? issue.message : "validation.invalid";
  }
  return fields;
}

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error }) {
    const app = error.cause instanceof AppError ? error.cause : null;
    const zod = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      // Internal errors never reveal their message; logs keep the detail.
      message: error.code === "INTERNAL_SERVER_ERROR" ? "internal_error" : zod ? "validation.invalid" : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        appCode: app?.code ?? (zod ? "VALIDATION" : null),
        messageKey: app?.messageKey ?? (zod ? "validation.invalid" : null),
        fields: app?.fields ?? (zod ? zodFields(zod) : null),
        params: app?.params ?? null,
      },
    };
  },
});

const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: STATUS[cause.code], message: cause.messageKey, cause });
  }
  // The database is down or restarting: a clear "try again shortly" (503), not an internal error.
  if (!result.ok && isDatabaseUnavailable(result.error.cause ?? result.error)) {
    const cause = new AppError("UNAVAILABLE", "site.unavailable", { detail: String(result.error.cause ?? result.error) });
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: cause.messageKey, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(appErrors);

/** Procedures that act for the co-op named by the request's Host (and only that co-op). */
export const coopProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.site.kind === "suspended") throw new AppError("SITE_SUSPENDED", "site.suspended");
  if (ctx.site.kind !== "coop") throw new AppError("NOT_FOUND", "site.not_found");
  return next({ ctx: { ...ctx, tenant: ctx.site.tenant } });
});

/** Any signed-in user of this host. */
export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.auth) throw new AppError("UNAUTHENTICATED", "auth.sign_in_required");
  return next({ ctx: { ...ctx, auth: ctx.auth, user: ctx.auth.user } });
});

/**
 * The Host's co-op for its own team: unlike `coopProcedure`, a co-op whose public site is closed
 * (site kind "suspended": suspended by staff, or still pending approval — `tenant.status` says
 * which) stays reachable, so its team can sign in, confirm e-mail and use the back office.
 */
const backOfficeProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.site.kind !== "coop" && ctx.site.kind !== "suspended") throw new AppError("NOT_FOUND", "site.not_found");
  return next({ ctx: { ...ctx, tenant: ctx.site.tenant } });
});

/** Account steps on a co-op host (handoff, password reset, verification e-mail): open or closed site alike. */
export const coopAccountProcedure = backOfficeProcedure;

/**
 * Reading an order by its private tracking link: still answered while the co-op is closed, so a
 * customer never loses sight of an order the co-op acknowledged. Queries only (nothing changes).
 */
export const orderLinkProcedure = backOfficeProcedure;

/**
 * A member of the Host's co-op holding `permission`. The co-op always comes from the Host,
 * never from input, and the role is read fresh on every call.
 */
export function memberProcedure(permission: Permission) {
  return backOfficeProcedure.use(async ({ ctx, type, next }) => {
    if (!ctx.auth) throw new AppError("UNAUTHENTICATED", "auth.sign_in_required");
    const role = await getMemberRole(ctx.db, ctx.tenant.id, ctx.auth.user.id);
    if (!role) throw new AppError("FORBIDDEN", "auth.not_a_member");
    if (!can(role, permission)) throw new AppError("FORBIDDEN", "auth.forbidden");
    // Staff suspended the co-op: its team may still look, but nothing changes until it is restored.
    // A co-op pending approval is not read-only: its team prepares the shop before it opens.
    if (ctx.site.kind === "suspended" && ctx.tenant.status !== "pending" && type === "mutation") throw new AppError("FORBIDDEN", "staff.errors.suspended_read_only");
    return next({ ctx: { ...ctx, auth: ctx.auth, user: ctx.auth.user, member: { role, userId: ctx.auth.user.id } } });
  });
}

/**
 * Platform staff: signed in with at least one staff region, or a platform administrator (every
 * region); `ctx.staff` ({ userId, regionIds, isAdmin }) scopes what they may see and decide.
 */
export const staffProcedure = signedInProcedure.use(async ({ ctx, next }) => {
  const staff = await loadStaffScope(ctx.db, ctx.user.id);
  if (!staff) throw new AppError("FORBIDDEN", "auth.forbidden");
  return next({ ctx: { ...ctx, staff } });
});
