import type { AppCaller } from "./root.ts";
import type { PublicOrigins, Site } from "./site.ts";

/**
 * What the all-in-one server hands every React Router loader and action as `context`.
 * Web apps reach data only through `trpc` (an in-process caller bound to this request).
 */
export interface WebLoadContext {
  trpc: AppCaller;
  site: Site;
  origins: PublicOrigins;
  /** Random id of this request, for logs and error pages. */
  requestId: string;
}
