import path from "node:path";
import { createDatabase, type DatabaseHandle, type DbEnv, migrateToLatest } from "@coop/db";
import { lockDataDirectory } from "./data-dir-lock.ts";
import { launchDirectory } from "./env.ts";

export interface ServerDatabase {
  database: DatabaseHandle;
  /** Absolute DATA_DIR (embedded database, local uploads, demo accounts file). */
  dataDir: string;
  /** True when DATABASE_URL is unset and the database is PGlite in DATA_DIR. */
  embedded: boolean;
  /** Closes the database, then releases the data directory lock. */
  close(): Promise<void>;
}

/**
 * Opens the database the way the server and every CLI configure it: PostgreSQL at DATABASE_URL,
 * or PGlite in DATA_DIR (relative to where the command was started) behind a pid lock, because
 * two processes on one PGlite directory would corrupt it.
 */
export async function openServerDatabase(env: DbEnv, options: { poolSize?: number } = {}): Promise<ServerDatabase> {
  const embedded = !env.DATABASE_URL;
  const dataDir = path.resolve(launchDirectory(), env.DATA_DIR);
  const unlock = embedded ? lockDataDirectory(dataDir) : () => undefined;
  let database: DatabaseHandle;
  try {
    database = await createDatabase(
      embedded
        ? { dataDir: path.join(dataDir, "pglite") }
        : { url: env.DATABASE_URL, migrationUrl: env.MIGRATION_DATABASE_URL, poolSize: options.poolSize ?? env.DATABASE_POOL_SIZE },
    );
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    database,
    dataDir,
    embedded,
    close: async () => {
      try {
        await database.close();
      } finally {
        unlock();
      }
    },
  };
}

/**
 * Applies pending migrations as the schema owner; returns their names. A "permission denied" with
 * no MIGRATION_DATABASE_URL almost always means the application role was asked to change the
 * schema, so the error says which variable to set.
 */
export async function migrateServerDatabase(database: DatabaseHandle, env: Pick<DbEnv, "MIGRATION_DATABASE_URL">): Promise<string[]> {
  return migrateToLatest(database.owner()).catch((error: unknown) => {
    if (/permission denied/.test(String(error)) && !env.MIGRATION_DATABASE_URL) {
      throw new Error(`${String(error)}\nThe DATABASE_URL role may not change the schema. Set MIGRATION_DATABASE_URL to a role that owns the database.`, { cause: error });
    }
    throw error;
  });
}
