import type { AuthUser } from "@coop/core";
import type { AppCaller } from "./root.ts";
import type { PublicOrigins, Site } from "./site.ts";

/**
 * What the all-in-one server hands every React Router loader and action as `context`.
 * Web apps reach data only through `trpc` (an in-process caller bound to this request,
 * carrying its session); cookies set by procedures are added to the response by the server.
 */
export interface WebLoadContext {
  trpc: AppCaller;
  site: Site;
  origins: PublicOrigins;
  /** Random id of this request, for logs and error pages. */
  requestId: string;
  /** The signed-in user of this host, if any (the same one `trpc` acts for). */
  auth: { user: AuthUser } | null;
}
