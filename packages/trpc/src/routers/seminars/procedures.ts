import {
  AppError, cancelRegistration, cancelTokenInput, describeRegistration, getPublicSeminar, hitRateLimit, listPublicSeminars, registerForSeminar,
  registerInput, SEMINAR_PAGE_SIZE_MAX,
} from "@coop/core";
import { z } from "zod";
import { coopProcedure, publicProcedure } from "../../trpc.ts";

/** 10 sign-ups per IP in 10 minutes: a family registering together is fine, a script is not. */
export const REGISTER_LIMIT = { limit: 10, windowSeconds: 600 };

const pageInput = {
  when: z.enum(["upcoming", "past"]).default("upcoming"),
  page: z.int().min(1).max(10_000).default(1),
  pageSize: z.int().min(1).max(SEMINAR_PAGE_SIZE_MAX).default(12),
};

const seminarRef = z.object({ tenantSlug: z.string().trim().min(1).max(63), seminarId: z.uuid("validation.invalid") });

/** The network's seminars of every active co-op: upcoming (soonest first) or past. */
export const list = publicProcedure.input(z.object(pageInput)).query(({ ctx, input }) => listPublicSeminars(ctx.db, input));

/** The Host co-op's own published seminars, for its site. */
export const siteList = coopProcedure.input(z.object(pageInput)).query(({ ctx, input }) => listPublicSeminars(ctx.db, { ...input, tenantId: ctx.tenant.id }));

export const get = publicProcedure.input(seminarRef).query(async ({ ctx, input }) => {
  const seminar = await getPublicSeminar(ctx.db, input.tenantSlug, input.seminarId);
  if (!seminar) throw new AppError("NOT_FOUND", "seminar.errors.not_found");
  return seminar;
});

/** Registers a member of the public; returns the cancel link (shown once). */
export const register = publicProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
  const rate = await hitRateLimit(ctx.db, `seminar-register:ip:${ctx.request.ip}`, REGISTER_LIMIT);
  if (!rate.allowed) throw new AppError("RATE_LIMITED", "seminar.errors.rate_limited", { params: { minutes: Math.ceil(rate.retryAfterSeconds / 60) } });
  return registerForSeminar(ctx.db, input);
});

/** What a cancel link points at (its confirmation page). */
export const registration = publicProcedure.input(cancelTokenInput).query(async ({ ctx, input }) => {
  const found = await describeRegistration(ctx.db, input);
  if (!found) throw new AppError("NOT_FOUND", "seminar.errors.cancel_link_invalid");
  return found;
});

/** Cancels by link and frees the seat; a second use reports it was already cancelled. */
export const cancel = publicProcedure.input(cancelTokenInput).mutation(({ ctx, input }) => cancelRegistration(ctx.db, input));
