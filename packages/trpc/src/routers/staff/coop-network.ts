import {
  CENTRE_CSV_MAX_BYTES, listStaffLinks, listStaffMeetings, staffDecideLink, staffDecideLinkInput, staffImportCentres, staffLinkOptions, staffLinkOptionsInput,
  staffLinksInput, staffMeetingsInput, staffRecordMeetingInput, staffRecordMeeting,
} from "@coop/core";
import { z } from "zod";
import { consoleProcedure } from "./procedure.ts";

const importInput = z.object({
  // Characters, not bytes: the core import checks the byte size again and reports it as a row-0 error.
  csv: z.string({ error: "validation.invalid" }).max(CENTRE_CSV_MAX_BYTES, "directory.import.too_large"),
  dryRun: z.boolean({ error: "validation.invalid" }).default(true),
});

/** Staff console: acting for co-ops in the ศพก. network (links, joint meetings, centre import). Core scopes and audits each call. */
export const coopNetworkProcedures = {
  links: consoleProcedure.input(staffLinksInput).query(({ ctx, input }) => listStaffLinks(ctx.db, ctx.staff, input)),
  decideLink: consoleProcedure.input(staffDecideLinkInput).mutation(({ ctx, input }) => staffDecideLink(ctx.db, ctx.staff, input)),
  meetings: consoleProcedure.input(staffMeetingsInput).query(({ ctx, input }) => listStaffMeetings(ctx.db, ctx.staff, input)),
  recordMeeting: consoleProcedure.input(staffRecordMeetingInput).mutation(({ ctx, input }) => staffRecordMeeting(ctx.db, ctx.staff, input.tenantId, input)),
  linkOptions: consoleProcedure.input(staffLinkOptionsInput).query(({ ctx, input }) => staffLinkOptions(ctx.db, ctx.staff, input)),
  importCentres: consoleProcedure.input(importInput).mutation(({ ctx, input }) => staffImportCentres(ctx.db, ctx.staff, input.csv, { dryRun: input.dryRun })),
};
