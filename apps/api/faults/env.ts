import { parseEnv } from "@coop/config";
import { z } from "zod";

/** Where the fault scripts find PostgreSQL (as `postgres`, like .ci/run) and the port of their own throwaway cluster. */
export const faultsEnv = parseEnv(
  z.object({
    FAULTS_PGHOST: z.string().default("127.0.0.1"),
    FAULTS_PGPORT: z.coerce.number().int().min(1).max(65_535).default(5432),
    /** Port of the database-restart scenario's throwaway cluster; a free one when unset. */
    FAULTS_CLUSTER_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  }),
);

/**
 * The environment of a server the scripts start: this process's, minus what would send mail
 * out (SMTP_URL: mail must land in the dev mailbox, one row per outbox id), share a cache
 * (REDIS_URL) or move the launch directory, plus `extra`.
 */
export function serverEnvironment(extra: Record<string, string>): Record<string, string | undefined> {
  const { SMTP_URL: _smtp, REDIS_URL: _redis, INIT_CWD: _cwd, DATABASE_URL: _url, MIGRATION_DATABASE_URL: _migration, ...rest } = process.env;
  return { ...rest, ...extra };
}
