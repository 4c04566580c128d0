/**
 * What every CLI in this folder shares: read the server's configuration, open its database (the
 * embedded one behind the DATA_DIR lock, or PostgreSQL), migrate, run the command, close, and turn
 * the outcome into an exit code — so a command file holds only its own work.
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { AppError } from "@coop/core";
import { EnvError } from "@coop/config";
import { type Database, type DatabaseHandle, type DbEnv, type Kysely, readDbEnv } from "@coop/db";
import { t } from "@coop/i18n";
import { migrateServerDatabase, openServerDatabase } from "../server-database.ts";

export interface CliContext {
  /** Application access (row-level security applies), as the server uses it. */
  db: Kysely<Database>;
  database: DatabaseHandle;
  env: DbEnv;
  /** Absolute DATA_DIR (also where local uploads live). */
  dataDir: string;
  /** The command's arguments (after the script path). */
  args: string[];
  print: (text: string) => void;
}

export interface CliOptions {
  /** Migrate before the command runs (default true; db:migrate migrates itself to report what it applied). */
  migrate?: boolean;
  /** Connections for PostgreSQL (default DATABASE_POOL_SIZE). */
  poolSize?: number;
  /** Set for commands that make sense only on PostgreSQL: printed, exit code 2, when DATABASE_URL is unset. */
  postgresOnly?: string;
}

/** The text printed for a command's failure: configuration and app errors as their message (Thai · English), anything else whole. */
export function describeCliError(error: unknown): string | unknown {
  if (error instanceof EnvError) return error.message;
  if (error instanceof AppError) return `${t("th", error.messageKey as never)} · ${t("en", error.messageKey as never)} [${error.messageKey}]`;
  return error;
}

/** Opens the database, runs `command`, closes; returns the exit code (the command's, or 0). */
export async function executeCli(command: (cli: CliContext) => Promise<number | void>, options: CliOptions = {}, args = process.argv.slice(2)): Promise<number> {
  const env = readDbEnv();
  if (options.postgresOnly && !env.DATABASE_URL) {
    console.error(options.postgresOnly);
    return 2;
  }
  const server = await openServerDatabase(env, { poolSize: options.poolSize });
  try {
    if (options.migrate ?? true) await migrateServerDatabase(server.database, env);
    const print = (text: string) => console.info(text);
    return (await command({ db: server.database.db, database: server.database, env, dataDir: server.dataDir, args, print })) ?? 0;
  } finally {
    await server.close();
  }
}

/**
 * Runs `command` when the file at `moduleUrl` (pass `import.meta.url`) is the script node was
 * started with, so tests can import the file's functions without opening the database.
 */
export function runCli(moduleUrl: string, command: (cli: CliContext) => Promise<number | void>, options: CliOptions = {}): void {
  if (!isMainScript(moduleUrl)) return;
  executeCli(command, options).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(describeCliError(error));
      process.exit(1);
    },
  );
}

/** Whether node was started with this file; by real path, as node names the main module (a symlinked checkout still matches). */
function isMainScript(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(script)).href;
  } catch {
    return moduleUrl === pathToFileURL(script).href;
  }
}
