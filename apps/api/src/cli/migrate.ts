/**
 * `npm run db:migrate -w @coop/api`: applies pending migrations and refreshes the reference data,
 * then exits — for deployments that migrate in a separate step (a Kubernetes Job, a release
 * script) and start the servers with MIGRATE_ON_START=false. Same configuration as the server.
 */
import { migrateServerDatabase } from "../server-database.ts";
import { runCli } from "./run-cli.ts";

runCli(
  import.meta.url,
  async ({ database, env, print }) => {
    const applied = await migrateServerDatabase(database, env);
    print(applied.length > 0 ? `Database migrated: ${applied.join(", ")}` : "Database already up to date.");
  },
  { migrate: false, poolSize: 2 },
);
