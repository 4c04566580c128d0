import { customDomainInput, verifyCustomDomain } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";
import { domainTargets, txtResolver } from "./targets.ts";

export const verifyInput = customDomainInput;

/** Looks the TXT record up now; `outcome` says whether the domain is verified or what is missing. */
export const verify = memberProcedure("settings.edit")
  .input(verifyInput)
  .mutation(async ({ ctx, input }) => {
    const result = await verifyCustomDomain(ctx.db, {
      tenantId: ctx.tenant.id,
      actorUserId: ctx.user.id,
      domain: input.domain,
      targets: domainTargets(ctx, ctx.tenant),
      resolveTxt: txtResolver(ctx),
    });
    if (result.outcome === "verified") ctx.onCustomDomainChange?.(result.domain.domain);
    return result;
  });
