import { AppError, type AppErrorCode } from "@coop/core";
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
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

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error }) {
    const app = error.cause instanceof AppError ? error.cause : null;
    return {
      ...shape,
      // Internal errors never reveal their message; logs keep the detail.
      message: error.code === "INTERNAL_SERVER_ERROR" ? "internal_error" : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        appCode: app?.code ?? null,
        messageKey: app?.messageKey ?? null,
        fields: app?.fields ?? null,
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
