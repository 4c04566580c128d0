import type { TrpcContext } from "../../context.ts";
import { coopSiteUrl } from "../../site.ts";
import {
  approveCoop, type CoopStatusNotice, auditLogInput, coopIdInput, describeStaffScope, getStaffCoop, listCoopsInput, listStaffAudit, listStaffCoops, loadStaffScope, restoreCoop, suspendCoop,
  suspendCoopInput,
} from "@coop/core";
import { router } from "../../trpc.ts";
import { consoleProcedure, networkProcedure } from "./procedure.ts";
import { coopNetworkProcedures } from "./coop-network.ts";
import { overviewProcedures } from "./overview.ts";
import { reportProcedures } from "./reports.ts";
import { signIn, signOut } from "./sign-in.ts";

/** The owners' e-mail about a status change links to the co-op's own site. */
const noticeFor = (ctx: TrpcContext): CoopStatusNotice => ({ siteUrlFor: (slug) => coopSiteUrl(ctx.origins, slug) });

/** After a status change: this server forgets the co-op's cached site, so the change shows at once. */
function changed<T extends { slug: string }>(ctx: TrpcContext, result: T): T {
  ctx.onCoopStatusChange?.(result.slug);
  return result;
}

/**
 * The regional staff console (network host). Every procedure passes `ctx.staff` to core, which
 * shows and acts on co-ops of the staff member's regions only (all regions for administrators).
 */
export const staffRouter = router({
  signIn,
  signOut,
  /** Who is signed in as staff on this host, or null (the console's layout redirects to sign-in). */
  me: networkProcedure.query(async ({ ctx }) => {
    if (!ctx.auth) return null;
    const scope = await loadStaffScope(ctx.db, ctx.auth.user.id);
    if (!scope) return null;
    return { user: ctx.auth.user, ...(await describeStaffScope(ctx.db, scope)) };
  }),
  list: consoleProcedure.input(listCoopsInput).query(({ ctx, input }) => listStaffCoops(ctx.db, ctx.staff, input)),
  detail: consoleProcedure.input(coopIdInput).query(({ ctx, input }) => getStaffCoop(ctx.db, ctx.staff, input.tenantId)),
  approve: consoleProcedure.input(coopIdInput).mutation(async ({ ctx, input }) => changed(ctx, await approveCoop(ctx.db, ctx.staff, input.tenantId, noticeFor(ctx)))),
  suspend: consoleProcedure.input(suspendCoopInput).mutation(async ({ ctx, input }) => changed(ctx, await suspendCoop(ctx.db, ctx.staff, input, noticeFor(ctx)))),
  restore: consoleProcedure.input(coopIdInput).mutation(async ({ ctx, input }) => changed(ctx, await restoreCoop(ctx.db, ctx.staff, input.tenantId, noticeFor(ctx)))),
  auditLog: consoleProcedure.input(auditLogInput).query(({ ctx, input }) => listStaffAudit(ctx.db, ctx.staff, input)),
  ...overviewProcedures,
  ...reportProcedures,
  ...coopNetworkProcedures,
});
