/**
 * `npm run db:migrate -w @coop/api`: applies pending migrations and refreshes the reference data,
 * then exits — for deployments that migrate in a separate step (a Kubernetes Job, a release
 * script) and start the servers with MIGRATE_ON_START=false. Same configuration as the server.
 */
import path from "node:path";
import { createDatabase, migrateToLatest, readDbEnv } from "@coop/db";
import { lockDataDirectory } from "../data-dir-lock.ts";
import { launchDirectory } from "../env.ts";

async function main() {
  const env = readDbEnv();
  const embedded = !env.DATABASE_URL;
  const dataDir = path.resolve(launchDirectory(), env.DATA_DIR);
  const unlock = embedded ? lockDataDirectory(dataDir) : () => undefined;
  const database = await createDatabase(
    embedded ? { dataDir: path.join(dataDir, "pglite") } : { url: env.DATABASE_URL, migrationUrl: env.MIGRATION_DATABASE_URL, poolSize: 2 },
  );
  try {
    const applied = await migrateToLatest(database.owner());
    console.info(applied.length > 0 ? `Database migrated: ${applied.join(", ")}` : "Database already up to date.");
  } finally {
    await database.close();
    unlock();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
