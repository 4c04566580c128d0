import { emailSchema, signIn as signInUser } from "@coop/core";
import { z } from "zod";
import { sessionCookie } from "../../cookies.ts";
import { publicProcedure } from "../../trpc.ts";

export const signInInput = z.object({ email: emailSchema, password: z.string().min(1, "validation.required").max(200) });

export const signIn = publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
  const session = await signInUser(ctx.db, { ...input, host: ctx.request.host, ip: ctx.request.ip, userAgent: ctx.request.userAgent });
  ctx.responseCookies.push(sessionCookie(session.token, session.expiresAt, ctx.request.secure));
  return { ok: true as const };
});
