import { addCustomDomain, customDomainInput } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";
import { domainTargets } from "./targets.ts";

export const addInput = customDomainInput;

/** Claims a domain for the co-op (unverified until its TXT record is found). */
export const add = memberProcedure("settings.edit")
  .input(addInput)
  .mutation(async ({ ctx, input }) => {
    const added = await addCustomDomain(ctx.db, { tenantId: ctx.tenant.id, actorUserId: ctx.user.id, domain: input.domain, targets: domainTargets(ctx, ctx.tenant) });
    // An earlier visit may have cached the name as unknown.
    ctx.onCustomDomainChange?.(added.domain);
    return added;
  });
