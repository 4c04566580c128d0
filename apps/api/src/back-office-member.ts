import { can, getMemberRole, type Permission, type SessionInfo } from "@coop/core";
import type { Database, Kysely } from "@coop/db";
import type { Site } from "@coop/trpc";
import type { Context } from "hono";
import { errorBody } from "./http-errors.ts";

export type BackOfficeEnv = { Variables: { site: Site; auth: SessionInfo | null } };

/**
 * The Host's co-op and the signed-in member holding `permission`, or the answer refusing them —
 * for the back office's upload routes, with the same rules as `memberProcedure`: an open co-op
 * and one waiting for approval (its team prepares the shop) may change things; a co-op staff
 * suspended is read-only.
 */
export async function backOfficeMember<E extends BackOfficeEnv>(
  c: Context<E>,
  db: Kysely<Database>,
  permission: Permission,
): Promise<{ tenantId: string; userId: string } | Response> {
  const site = c.get("site");
  if (site.kind !== "coop" && site.kind !== "suspended") return c.json(errorBody("site.not_found"), 404);
  if (site.kind === "suspended" && site.tenant.status !== "pending") return c.json(errorBody("staff.errors.suspended_read_only"), 403);
  const auth = c.get("auth");
  if (!auth) return c.json(errorBody("auth.sign_in_required"), 401);
  const role = await getMemberRole(db, site.tenant.id, auth.user.id);
  if (!role) return c.json(errorBody("auth.not_a_member"), 403);
  if (!can(role, permission)) return c.json(errorBody("auth.forbidden"), 403);
  return { tenantId: site.tenant.id, userId: auth.user.id };
}
