import type { Database, Kysely } from "@coop/db";
import type { Site } from "./site.ts";

/** Everything a procedure may use; built by the server for each request from the Host, never from client input. */
export interface TrpcContext {
  db: Kysely<Database>;
  site: Site;
  requestId: string;
}

export function createContext(input: TrpcContext): TrpcContext {
  return input;
}
