import type { PublicTenant } from "@coop/core";

/** What the request's Host names: decided once per request by the server, never by the client. */
export type Site =
  | { kind: "network" }
  | { kind: "coop"; tenant: PublicTenant }
  | { kind: "suspended"; tenant: PublicTenant }
  | { kind: "unknown"; slug: string };

/** Public addresses of the platform, for links between the network and co-op sites. */
export interface PublicOrigins {
  /** e.g. "http://localhost:3000" */
  network: string;
  /** e.g. "http://{slug}.localhost:3000"; replace `{slug}` to link to a co-op's site. */
  coopTemplate: string;
}

export function coopSiteUrl(origins: PublicOrigins, slug: string): string {
  return origins.coopTemplate.replace("{slug}", slug);
}
