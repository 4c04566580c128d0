import { parseEnv } from "@coop/config";
import { z } from "zod";

/** Where the browser journeys find Chromium (Debian's package by default). */
export const e2eEnv = parseEnv(z.object({ CHROMIUM_PATH: z.string().default("/usr/bin/chromium") }));

/**
 * The environment for a server (or CLI) that a journey, a fault script or a test starts: this
 * process's, minus the database and launch-directory settings (they choose their own database),
 * what would send mail out (SMTP_URL: mail must land in the dev mailbox, read by the journeys and
 * counted per outbox id by the fault scripts) and a shared cache (REDIS_URL), plus `extra`.
 */
export function serverEnvironment(extra: Record<string, string>): Record<string, string | undefined> {
  const { DATABASE_URL: _url, MIGRATION_DATABASE_URL: _migration, INIT_CWD: _cwd, SMTP_URL: _smtp, REDIS_URL: _redis, ...rest } = process.env;
  return { ...rest, ...extra };
}
