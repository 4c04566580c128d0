import { coopSettingsInput, type CoopSettings, getCoopSettings, updateCoopSettings } from "@coop/core";
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
