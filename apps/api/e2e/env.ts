import { parseEnv } from "@coop/config";
import { z } from "zod";

/** Where the browser journeys find Chromium (Debian's package by default). */
export const e2eEnv = parseEnv(z.object({ CHROMIUM_PATH: z.string().default("/usr/bin/chromium") }));

/**
 * The environment for the server a journey starts: this process's, minus the database and
 * launch-directory settings (journeys use a throwaway embedded database), plus `extra`.
 */
export function serverEnvironment(extra: Record<string, string>): Record<string, string | undefined> {
  const { DATABASE_URL: _url, MIGRATION_DATABASE_URL: _migration, INIT_CWD: _cwd, ...rest } = process.env;
  return { ...rest, ...extra };
}
