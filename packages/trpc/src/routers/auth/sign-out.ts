import { revokeSession, signOutEverywhere as revokeAll } from "@coop/core";
import { clearedSessionCookie } from "../../cookies.ts";
import { publicProcedure, signedInProcedure } from "../../trpc.ts";

export const signOut = publicProcedure.mutation(async ({ ctx }) => {
  if (ctx.auth) await revokeSession(ctx.db, ctx.auth.sessionId);
  ctx.responseCookies.push(clearedSessionCookie(ctx.request.secure));
  return { ok: true as const };
});

/** Ends every session of this user, on every device and every co-op site. */
export const signOutEverywhere = signedInProcedure.mutation(async ({ ctx }) => {
  const count = await revokeAll(ctx.db, ctx.user.id);
  ctx.responseCookies.push(clearedSessionCookie(ctx.request.secure));
  return { count };
});
