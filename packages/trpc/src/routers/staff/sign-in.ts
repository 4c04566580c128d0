import { AppError, loadStaffScope, revokeSession, signIn as signInUser } from "@coop/core";
import { clearedSessionCookie, sessionCookie } from "../../cookies.ts";
import { signInInput } from "../auth/sign-in.ts";
import { networkProcedure } from "./procedure.ts";

/**
 * Staff sign in on the network host with the back office's rules (rate limits, argon2id,
 * host-only session). An account that is not staff gets no session here.
 */
export const signIn = networkProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
  const session = await signInUser(ctx.db, { ...input, host: ctx.request.host, ip: ctx.request.ip, userAgent: ctx.request.userAgent });
  if (!(await loadStaffScope(ctx.db, session.userId))) {
    await revokeSession(ctx.db, session.sessionId);
    throw new AppError("FORBIDDEN", "staff.errors.not_staff");
  }
  ctx.responseCookies.push(sessionCookie(session.token, session.expiresAt, ctx.request.secure));
  return { ok: true as const };
});

export const signOut = networkProcedure.mutation(async ({ ctx }) => {
  if (ctx.auth) await revokeSession(ctx.db, ctx.auth.sessionId);
  ctx.responseCookies.push(clearedSessionCookie(ctx.request.secure));
  return { ok: true as const };
});
