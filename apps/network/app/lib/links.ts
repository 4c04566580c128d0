import type { PublicOrigins } from "@coop/trpc";

/**
 * Same contract as `coopSiteUrl` in @coop/trpc (`coopTemplate` with `{slug}` replaced).
 * Kept here because @coop/trpc's only entry point is the whole router: importing a value from
 * it would bundle the router, @coop/core and @coop/db into this app's server build.
 * TODO: import it from a light `@coop/trpc/site` entry once the package exports one.
 */
export function coopSiteUrl(origins: PublicOrigins, slug: string): string {
  return origins.coopTemplate.replace("{slug}", slug);
}
