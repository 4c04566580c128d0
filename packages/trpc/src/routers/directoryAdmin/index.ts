import {
  AppError, centreFields, centreOptions, createCentre, createSage, getSageForEdit,
  listSagesAddedBy, listTenantCentreLinks, listTenantMeetings, proposeCentreLink, proposeLinkInput,
  recordJointMeeting, recordMeetingInput, sageFields, updateCentre, updateCentreInput, updateSage, updateSageInput, withdrawCentreLink,
} from "@coop/core";
import { z } from "zod";
import { memberProcedure, router, staffProcedure } from "../../trpc.ts";

const editor = memberProcedure("content.edit");

/**
 * The directory's writes. Co-op back office (content.edit, the Host's co-op): links to centres,
 * joint meetings, the sages it added. Staff (staff_regions): centres and any sage. (Staff decide
 * links, record meetings and import centres in the console: `staff.*`, region-scoped and audited.)
 */
export const directoryAdminRouter = router({
  myLinks: editor.query(({ ctx }) => listTenantCentreLinks(ctx.db, ctx.tenant.id)),
  myMeetings: editor.query(({ ctx }) => listTenantMeetings(ctx.db, ctx.tenant.id)),
  mySages: editor.query(({ ctx }) => listSagesAddedBy(ctx.db, ctx.tenant.id)),
  centreOptions: editor
    .input(z.object({ q: z.string().trim().max(100).optional(), limit: z.number().int().min(1).max(100).default(50) }))
    .query(({ ctx, input }) => centreOptions(ctx.db, input.q, input.limit)),
  proposeLink: editor.input(proposeLinkInput).mutation(({ ctx, input }) => proposeCentreLink(ctx.db, ctx.tenant.id, ctx.user.id, input)),
  withdrawLink: editor
    .input(z.object({ centreId: z.uuid() }))
    .mutation(({ ctx, input }) => withdrawCentreLink(ctx.db, ctx.tenant.id, ctx.user.id, input.centreId)),
  recordMeeting: editor.input(recordMeetingInput).mutation(({ ctx, input }) => recordJointMeeting(ctx.db, ctx.tenant.id, ctx.user.id, input)),
  sageForEdit: editor.input(z.object({ sageId: z.uuid() })).query(async ({ ctx, input }) => {
    const sage = await getSageForEdit(ctx.db, { kind: "coop", tenantId: ctx.tenant.id }, input.sageId);
    if (!sage) throw new AppError("NOT_FOUND", "directory.errors.sage_not_found");
    return sage;
  }),
  createSage: editor.input(sageFields).mutation(({ ctx, input }) => createSage(ctx.db, { kind: "coop", tenantId: ctx.tenant.id }, input)),
  updateSage: editor.input(updateSageInput).mutation(({ ctx, input }) => updateSage(ctx.db, { kind: "coop", tenantId: ctx.tenant.id }, input)),

  // ---- staff ----
  createCentre: staffProcedure.input(centreFields).mutation(({ ctx, input }) => createCentre(ctx.db, input)),
  updateCentre: staffProcedure.input(updateCentreInput).mutation(({ ctx, input }) => updateCentre(ctx.db, input)),
  staffCreateSage: staffProcedure.input(sageFields).mutation(({ ctx, input }) => createSage(ctx.db, { kind: "staff" }, input)),
  staffUpdateSage: staffProcedure.input(updateSageInput).mutation(({ ctx, input }) => updateSage(ctx.db, { kind: "staff" }, input)),
});
