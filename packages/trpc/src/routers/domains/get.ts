import { getCustomDomain } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";
import { domainTargets } from "./targets.ts";

/** The co-op's custom domain with the DNS records to create, or null. */
export const get = memberProcedure("settings.edit").query(({ ctx }) => getCustomDomain(ctx.db, ctx.tenant.id, domainTargets(ctx, ctx.tenant)));
