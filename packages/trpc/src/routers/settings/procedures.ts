import { AppError, coopSettingsInput, type CoopSettings, getCoopSettings, hitRateLimit, sendTestOrderNotice, updateCoopSettings } from "@coop/core";
import { coopSiteUrl } from "../../site.ts";
import { memberProcedure } from "../../trpc.ts";

function withUrls(settings: CoopSettings) {
  const { logoKey, coverKey, ...rest } = settings;
  return { ...rest, logoUrl: logoKey ? `/media/${logoKey}` : null, coverUrl: coverKey ? `/media/${coverKey}` : null };
}

export const get = memberProcedure("settings.edit").query(async ({ ctx }) => withUrls(await getCoopSettings(ctx.db, ctx.tenant.id)));

export const update = memberProcedure("settings.edit")
  .input(coopSettingsInput)
  .mutation(async ({ ctx, input }) =>
    withUrls(await updateCoopSettings(ctx.db, { tenantId: ctx.tenant.id, actorUserId: ctx.user.id, patch: input })),
  );

/** 5 test messages per co-op in 10 minutes: enough to fix a setting, not enough to spam a LINE group. */
export const TEST_NOTICE_LIMIT = { limit: 5, windowSeconds: 600 };

/** Queues a test order notice to the saved e-mail and LINE target (through the outbox). */
export const testNotice = memberProcedure("settings.edit").mutation(async ({ ctx }) => {
  const rate = await hitRateLimit(ctx.db, `notice-test:tenant:${ctx.tenant.id}`, TEST_NOTICE_LIMIT);
  if (!rate.allowed) throw new AppError("RATE_LIMITED", "settings.notices.rate_limited", { detail: `retry after ${rate.retryAfterSeconds}s` });
  return sendTestOrderNotice(ctx.db, { tenantId: ctx.tenant.id, siteOrigin: coopSiteUrl(ctx.origins, ctx.tenant.slug) });
});
