import { getMemberRole, permissionsOf } from "@coop/core";
import { publicProcedure } from "../../trpc.ts";

/** Who is signed in on this host, and their role in the Host's co-op (if it is a co-op site). */
export const me = publicProcedure.query(async ({ ctx }) => {
  if (!ctx.auth) return { user: null, membership: null };
  const role = ctx.site.kind === "coop" ? await getMemberRole(ctx.db, ctx.site.tenant.id, ctx.auth.user.id) : null;
  return { user: ctx.auth.user, membership: role ? { role, permissions: permissionsOf(role) } : null };
});
