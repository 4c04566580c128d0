import { type Database, type Kysely, type MemberRole, sql, withTenant } from "@coop/db";
import { z } from "zod";
import { createSession } from "../accounts/sessions.ts";
import { createUser, displayNameSchema, emailSchema, passwordSchema } from "../accounts/users.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { enqueueEmail } from "../outbox/enqueue.ts";
import { hashToken, newToken } from "../security/tokens.ts";

const INVITATION_DAYS = 7;

export const inviteInput = z.object({ email: emailSchema, role: z.enum(["manager", "editor"], { message: "team.role_invalid" }) });
export const acceptInvitationInput = z.object({
  token: z.string().min(10).max(200),
  displayName: displayNameSchema.optional(),
  password: passwordSchema.optional(),
});

export interface TeamView {
  members: Array<{ userId: string; displayName: string; email: string; role: MemberRole; joinedAt: string; isYou: boolean }>;
  invitations: Array<{ id: string; email: string; role: "manager" | "editor"; createdAt: string; expiresAt: string }>;
}

export async function listTeam(db: Kysely<Database>, tenantId: string, viewerId: string): Promise<TeamView> {
  return withTenant(db, tenantId, async (trx) => {
    const members = await trx
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["m.user_id", "m.role", "m.created_at", "u.display_name", "u.email"])
      .where("m.tenant_id", "=", tenantId)
      .orderBy(sql`array_position(array['owner','manager','editor'], m.role)`)
      .orderBy("u.display_name")
      .execute();
    const invitations = await trx
      .selectFrom("invitations")
      .select(["id", "email", "role", "created_at", "expires_at"])
      .where("tenant_id", "=", tenantId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", new Date())
      .orderBy("created_at", "desc")
      .execute();
    return {
      members: members.map((m) => ({
        userId: m.user_id,
        displayName: m.display_name,
        email: m.email,
        role: m.role,
        joinedAt: m.created_at.toISOString(),
        isYou: m.user_id === viewerId,
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        createdAt: i.created_at.toISOString(),
        expiresAt: new Date(i.expires_at).toISOString(),
      })),
    };
  });
}

/** Invites a colleague by e-mail; a pending invitation to the same address is replaced. */
export async function inviteMember(
  db: Kysely<Database>,
  input: z.infer<typeof inviteInput> & { tenantId: string; actorUserId: string; coopName: string; inviterName: string; linkFor: (token: string) => string; locale: "th" | "en" },
): Promise<void> {
  const token = newToken();
  await withTenant(db, input.tenantId, async (trx) => {
    const existing = await trx
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select("m.user_id")
      .where("m.tenant_id", "=", input.tenantId)
      .where("u.email", "=", input.email)
      .executeTakeFirst();
    if (existing) throw new AppError("CONFLICT", "team.already_member", { fields: { email: "team.already_member" } });
    await trx
      .updateTable("invitations")
      .set({ revoked_at: new Date() })
      .where("tenant_id", "=", input.tenantId)
      .where("email", "=", input.email)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .execute();
    const invitation = await trx
      .insertInto("invitations")
      .values({
        tenant_id: input.tenantId,
        email: input.email,
        role: input.role,
        token_hash: hashToken(token),
        invited_by: input.actorUserId,
        expires_at: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { tenantId: input.tenantId, actorUserId: input.actorUserId, action: "team.invite", subjectType: "invitation", subjectId: invitation.id, data: { email: input.email, role: input.role } });
    await enqueueEmail(
      trx,
      { to: input.email, template: "team_invitation", locale: input.locale, params: { coop: input.coopName, inviter: input.inviterName, role: input.role, link: input.linkFor(token) } },
      input.tenantId,
    );
  });
}

/** Counts the owners while locking their rows, so two owners demoting each other at once cannot both succeed. */
async function ownerCount(trx: Parameters<Parameters<typeof withTenant>[2]>[0], tenantId: string): Promise<number> {
  const owners = await trx
    .selectFrom("memberships")
    .select("user_id")
    .where("tenant_id", "=", tenantId)
    .where("role", "=", "owner")
    .orderBy("user_id")
    .forUpdate()
    .execute();
  return owners.length;
}

/**
 * Locks the co-op's owners (always first, always in the same order, so concurrent changes queue
 * instead of deadlocking) and then the member; NOT_FOUND when they are not a member.
 */
async function lockMember(trx: Parameters<Parameters<typeof withTenant>[2]>[0], tenantId: string, userId: string) {
  const owners = await ownerCount(trx, tenantId);
  const current = await trx
    .selectFrom("memberships")
    .select("role")
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new AppError("NOT_FOUND", "team.member_not_found");
  return { current, owners };
}

/** Changes a member's role; a co-op always keeps at least one owner. */
export async function changeMemberRole(
  db: Kysely<Database>,
  input: { tenantId: string; actorUserId: string; userId: string; role: MemberRole },
): Promise<void> {
  await withTenant(db, input.tenantId, async (trx) => {
    const { current, owners } = await lockMember(trx, input.tenantId, input.userId);
    if (current.role === input.role) return;
    if (current.role === "owner" && owners <= 1) throw new AppError("CONFLICT", "team.last_owner");
    await trx.updateTable("memberships").set({ role: input.role }).where("tenant_id", "=", input.tenantId).where("user_id", "=", input.userId).execute();
    await recordAudit(trx, { tenantId: input.tenantId, actorUserId: input.actorUserId, action: "team.change_role", subjectType: "member", subjectId: input.userId, data: { from: current.role, to: input.role } });
  });
}

export async function removeMember(db: Kysely<Database>, input: { tenantId: string; actorUserId: string; userId: string }): Promise<void> {
  await withTenant(db, input.tenantId, async (trx) => {
    const { current, owners } = await lockMember(trx, input.tenantId, input.userId);
    if (current.role === "owner" && owners <= 1) throw new AppError("CONFLICT", "team.last_owner");
    await trx.deleteFrom("memberships").where("tenant_id", "=", input.tenantId).where("user_id", "=", input.userId).execute();
    await recordAudit(trx, { tenantId: input.tenantId, actorUserId: input.actorUserId, action: "team.remove", subjectType: "member", subjectId: input.userId, data: { role: current.role } });
  });
}

export async function revokeInvitation(db: Kysely<Database>, input: { tenantId: string; actorUserId: string; invitationId: string }): Promise<void> {
  await withTenant(db, input.tenantId, async (trx) => {
    const result = await trx
      .updateTable("invitations")
      .set({ revoked_at: new Date() })
      .where("tenant_id", "=", input.tenantId)
      .where("id", "=", input.invitationId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError("NOT_FOUND", "team.invitation_not_found");
    await recordAudit(trx, { tenantId: input.tenantId, actorUserId: input.actorUserId, action: "team.revoke_invitation", subjectType: "invitation", subjectId: input.invitationId });
  });
}

async function findOpenInvitation(trx: Parameters<Parameters<typeof withTenant>[2]>[0], tenantId: string, token: string) {
  return trx
    .selectFrom("invitations")
    .select(["id", "email", "role"])
    .where("tenant_id", "=", tenantId)
    .where("token_hash", "=", hashToken(token))
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
}

/** What an invitation link offers, for the acceptance page (only on the inviting co-op's host). */
export async function describeInvitation(db: Kysely<Database>, tenantId: string, token: string) {
  const invitation = await withTenant(db, tenantId, (trx) => findOpenInvitation(trx, tenantId, token));
  if (!invitation) throw new AppError("NOT_FOUND", "team.invitation_invalid");
  const account = await db.selectFrom("users").select("id").where("email", "=", invitation.email).executeTakeFirst();
  return { email: invitation.email, role: invitation.role, accountExists: account !== undefined };
}

/**
 * Accepts an invitation. A signed-in user must be the invited address; someone without an
 * account creates one (the link proves the e-mail) and is signed in; someone with an account
 * must sign in first.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  input: z.infer<typeof acceptInvitationInput> & { tenantId: string; currentUserId: string | null; host: string; ip: string; userAgent: string | null },
): Promise<{ session: { token: string; expiresAt: Date } | null }> {
  const invitation = await withTenant(db, input.tenantId, (trx) => findOpenInvitation(trx, input.tenantId, input.token));
  if (!invitation) throw new AppError("NOT_FOUND", "team.invitation_invalid");
  const existing = await db.selectFrom("users").select("id").where("email", "=", invitation.email).executeTakeFirst();
  let userId: string;
  let newAccount = false;
  if (input.currentUserId) {
    if (!existing || existing.id !== input.currentUserId) throw new AppError("FORBIDDEN", "team.invitation_other_account");
    userId = input.currentUserId;
  } else if (existing) {
    throw new AppError("UNAUTHENTICATED", "team.invitation_sign_in_first");
  } else {
    const fields: Record<string, string> = {};
    if (!input.displayName) fields.displayName = "validation.required";
    if (!input.password) fields.password = "validation.required";
    if (Object.keys(fields).length > 0) throw new AppError("VALIDATION", "validation.invalid", { fields });
    userId = await db.transaction().execute(async (trx) => {
      const id = await createUser(trx, { email: invitation.email, displayName: input.displayName!, password: input.password! });
      await trx.updateTable("users").set({ email_verified_at: new Date() }).where("id", "=", id).execute();
      return id;
    });
    newAccount = true;
  }
  await withTenant(db, input.tenantId, async (trx) => {
    const claimed = await trx
      .updateTable("invitations")
      .set({ accepted_at: new Date() })
      .where("tenant_id", "=", input.tenantId)
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw new AppError("CONFLICT", "team.invitation_invalid");
    await trx
      .insertInto("memberships")
      .values({ tenant_id: input.tenantId, user_id: userId, role: invitation.role })
      .onConflict((oc) => oc.columns(["tenant_id", "user_id"]).doNothing())
      .execute();
    await recordAudit(trx, { tenantId: input.tenantId, actorUserId: userId, action: "team.join", subjectType: "member", subjectId: userId, data: { role: invitation.role } });
  });
  if (!newAccount) return { session: null };
  const session = await createSession(db, userId, { host: input.host, ip: input.ip, userAgent: input.userAgent });
  return { session };
}
