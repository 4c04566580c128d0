import {
  acceptInvitation as accept, acceptInvitationInput, changeMemberRole, describeInvitation, inviteInput, inviteMember, listTeam,
  removeMember, revokeInvitation as revoke,
} from "@coop/core";
import { z } from "zod";
import { sessionCookie } from "../../cookies.ts";
import { coopSiteUrl } from "../../site.ts";
import { coopProcedure, memberProcedure } from "../../trpc.ts";

const uuid = z.uuid({ message: "validation.invalid" });

export const list = memberProcedure("team.manage").query(({ ctx }) => listTeam(ctx.db, ctx.tenant.id, ctx.user.id));

export const invite = memberProcedure("team.manage")
  .input(inviteInput)
  .mutation(async ({ ctx, input }) => {
    await inviteMember(ctx.db, {
      ...input,
      tenantId: ctx.tenant.id,
      actorUserId: ctx.user.id,
      coopName: ctx.tenant.nameTh,
      inviterName: ctx.user.displayName,
      locale: ctx.request.locale,
      linkFor: (token) => `${coopSiteUrl(ctx.origins, ctx.tenant.slug)}/admin/invitation?token=${encodeURIComponent(token)}`,
    });
    return { ok: true as const };
  });

export const changeRole = memberProcedure("team.manage")
  .input(z.object({ userId: uuid, role: z.enum(["owner", "manager", "editor"], { message: "team.role_invalid" }) }))
  .mutation(async ({ ctx, input }) => {
    await changeMemberRole(ctx.db, { tenantId: ctx.tenant.id, actorUserId: ctx.user.id, ...input });
    return { ok: true as const };
  });

export const remove = memberProcedure("team.manage")
  .input(z.object({ userId: uuid }))
  .mutation(async ({ ctx, input }) => {
    await removeMember(ctx.db, { tenantId: ctx.tenant.id, actorUserId: ctx.user.id, userId: input.userId });
    return { ok: true as const };
  });

export const revokeInvitation = memberProcedure("team.manage")
  .input(z.object({ invitationId: uuid }))
  .mutation(async ({ ctx, input }) => {
    await revoke(ctx.db, { tenantId: ctx.tenant.id, actorUserId: ctx.user.id, invitationId: input.invitationId });
    return { ok: true as const };
  });

const tokenInput = z.object({ token: z.string().min(10, "team.invitation_invalid").max(200, "team.invitation_invalid") });

export const getInvitation = coopProcedure.input(tokenInput).query(async ({ ctx, input }) => {
  const invitation = await describeInvitation(ctx.db, ctx.tenant.id, input.token);
  return { ...invitation, coopName: ctx.tenant.nameTh, signedInAs: ctx.auth?.user.email ?? null };
});

export const acceptInvitation = coopProcedure.input(acceptInvitationInput).mutation(async ({ ctx, input }) => {
  const result = await accept(ctx.db, {
    ...input,
    tenantId: ctx.tenant.id,
    currentUserId: ctx.auth?.user.id ?? null,
    host: ctx.request.host,
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent,
  });
  if (result.session) ctx.responseCookies.push(sessionCookie(result.session.token, result.session.expiresAt, ctx.request.secure));
  return { ok: true as const };
});
