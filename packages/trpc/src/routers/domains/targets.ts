import type { DomainTargets, PublicTenant, TxtResolver } from "@coop/core";
import { Resolver } from "node:dns/promises";
import type { TrpcContext } from "../../context.ts";
import { coopSiteUrl } from "../../site.ts";

/** The platform's domain and the co-op's own subdomain, from the public origins the server was given. */
export function domainTargets(ctx: Pick<TrpcContext, "origins">, tenant: Pick<PublicTenant, "slug">): DomainTargets {
  return {
    rootDomain: new URL(ctx.origins.network).hostname,
    coopHost: new URL(coopSiteUrl(ctx.origins, tenant.slug)).hostname,
  };
}

// A short timeout: the owner is waiting on the page, and "try again" is a fine answer.
const systemDns = new Resolver({ timeout: 4_000, tries: 2 });

/** The context's resolver (tests) or the system's DNS servers. */
export function txtResolver(ctx: Pick<TrpcContext, "resolveTxt">): TxtResolver {
  return ctx.resolveTxt ?? ((name) => systemDns.resolveTxt(name));
}
