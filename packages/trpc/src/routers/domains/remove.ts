import { customDomainInput, removeCustomDomain } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

export const removeInput = customDomainInput;

/** Gives the domain up: the site answers only on its subdomain again. */
export const remove = memberProcedure("settings.edit")
  .input(removeInput)
  .mutation(async ({ ctx, input }) => {
    const domain = await removeCustomDomain(ctx.db, { tenantId: ctx.tenant.id, actorUserId: ctx.user.id, domain: input.domain });
    ctx.onCustomDomainChange?.(domain);
    return { domain };
  });
