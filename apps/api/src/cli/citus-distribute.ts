/**
 * `npm run citus:distribute -w @coop/api [-- --apply]`: migrates, then places every table not yet
 * placed on the Citus cluster (tenant tables sharded by tenant_id and co-located, lookups as
 * reference tables). Safe to run on every release (the cluster's migration Job does): tables
 * already placed are skipped. Without --apply it prints the statements for the whole schema.
 * Needs DATABASE_URL (and MIGRATION_DATABASE_URL for the schema owner) pointing at the coordinator.
 */
import { checkCitusRules, citusDistributionPlan, createDatabase, migrateToLatest, readDbEnv, sql } from "@coop/db";

async function main() {
  const apply = process.argv.includes("--apply");
  const env = readDbEnv();
  if (!env.DATABASE_URL) {
    console.error("Set DATABASE_URL (and MIGRATION_DATABASE_URL) to the Citus coordinator: the embedded database cannot be distributed.");
    process.exit(2);
  }
  const database = await createDatabase({ url: env.DATABASE_URL, migrationUrl: env.MIGRATION_DATABASE_URL, poolSize: 2 });
  try {
    const owner = database.owner();
    await migrateToLatest(owner);
    const problems = await checkCitusRules(owner);
    if (problems.length > 0) {
      console.error(`The schema breaks Citus's rules:\n  ${problems.join("\n  ")}`);
      process.exit(1);
    }
    const plan = await citusDistributionPlan(owner);
    if (!apply) {
      console.info(`${plan.map((s) => `${s};`).join("\n")}\n\n(${plan.length} statements; run again with --apply to execute them.)`);
      return;
    }
    const citus = await sql<{ extversion: string }>`SELECT extversion FROM pg_extension WHERE extname = 'citus'`.execute(owner);
    if (citus.rows.length === 0) {
      console.error("This server has no citus extension (CREATE EXTENSION citus on the coordinator first).");
      process.exit(1);
    }
    const placed = await sql<{ name: string }>`SELECT logicalrelid::regclass::text AS name FROM pg_dist_partition`.execute(owner);
    const already = new Set(placed.rows.map((r) => r.name.replace(/^public\./, "")));
    const pending = plan.filter((statement) => !already.has(statement.match(/'public\.(\w+)'/)?.[1] ?? ""));
    for (const statement of pending) {
      const started = Date.now();
      await sql.raw(statement).execute(owner);
      console.info(`${statement} — ${Date.now() - started} ms`);
    }
    console.info(`Done: ${pending.length} tables placed, ${plan.length - pending.length} were already (Citus ${citus.rows[0]!.extversion}).`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
