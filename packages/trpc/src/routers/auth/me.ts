import { getMemberRole, permissionsOf } from "@coop/core";
import { publicProcedure } from "../../trpc.ts";

/** Why a member's co-op is closed to the public, for the back office's banner (members only: the reason is staff's note to the team). */
export type CoopStanding =
  | { status: "active" }
  | { status: "pending" }
  | { status: "suspended"; reason: string | null; since: string | null };

/**
 * Who is signed in on this host, and their role in the Host's co-op (if it is a co-op site —
 * also while the site is closed, suspended or pending approval, so that the team keeps its back office).
 */
export const me = publicProcedure.query(async ({ ctx }) => {
  if (!ctx.auth) return { user: null, membership: null, standing: null };
  const tenant = ctx.site.kind === "coop" || ctx.site.kind === "suspended" ? ctx.site.tenant : null;
  const role = tenant ? await getMemberRole(ctx.db, tenant.id, ctx.auth.user.id) : null;
  if (!tenant || !role) return { user: ctx.auth.user, membership: null, standing: null };
  let standing: CoopStanding = { status: "active" };
  if (tenant.status === "pending") standing = { status: "pending" };
  if (tenant.status === "suspended") {
    // Read fresh (the site resolver's tenant may be seconds old and carries no reason).
    const row = await ctx.db.selectFrom("tenants").select(["suspended_reason", "suspended_at"]).where("id", "=", tenant.id).executeTakeFirst();
    standing = { status: "suspended", reason: row?.suspended_reason ?? null, since: row?.suspended_at ? new Date(row.suspended_at).toISOString() : null };
  }
  return { user: ctx.auth.user, membership: { role, permissions: permissionsOf(role) }, standing };
});
