import { parseEnv, postgresUrl } from "@coop/config";
import { z } from "zod";

const schema = z.object({
  /** Unset: embedded PGlite under DATA_DIR. Set: a PostgreSQL 15+ server. */
  DATABASE_URL: postgresUrl.optional(),
  /** A role that owns the schema, used only to migrate. Defaults to DATABASE_URL. */
  MIGRATION_DATABASE_URL: postgresUrl.optional(),
  /** Size of the connection pool per process (PostgreSQL only). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Where embedded data lives (PGlite files, uploads). */
  DATA_DIR: z.string().default(".data"),
});

export type DbEnv = z.infer<typeof schema>;

export function readDbEnv(source: Record<string, string | undefined> = process.env): DbEnv {
  return parseEnv(schema, source);
}
