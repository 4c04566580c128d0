import type { SessionInfo, TxtResolver } from "@coop/core";
import type { Database, Kysely } from "@coop/db";
import type { PublicOrigins, Site } from "./site.ts";

export interface RequestInfo {
  host: string;
  ip: string;
  userAgent: string | null;
  /** True when the platform is served over HTTPS (cookies get Secure and the __Host- prefix). */
  secure: boolean;
  locale: "th" | "en";
  /** The request's Cookie header (for the guest cart cookie). */
  cookieHeader: string | null;
}

/** Everything a procedure may use; built by the server for each request from the Host and cookie, never from client input. */
export interface TrpcContext {
  db: Kysely<Database>;
  site: Site;
  requestId: string;
  origins: PublicOrigins;
  request: RequestInfo;
  /** The signed-in user of this host's session cookie, if any. */
  auth: SessionInfo | null;
  /** Set-Cookie values the server adds to the response (sign-in, sign-out). */
  responseCookies: string[];
  /** Called after staff change a co-op's status, so this server stops serving its cached site at once. */
  onCoopStatusChange?: (slug: string) => void;
  /** Called after a co-op's custom domain is added, verified or removed, so host routing sees it at once. */
  onCustomDomainChange?: (domain: string) => void;
  /** TXT lookups for custom-domain verification (tests pass a fake; otherwise the system's DNS). */
  resolveTxt?: TxtResolver;
}

export function createContext(input: TrpcContext): TrpcContext {
  return input;
}
