/**
 * `npm run citus:distribute -w @coop/api [-- --apply]`: migrates, then places every table not yet
 * placed on the Citus cluster (tenant tables sharded by tenant_id and co-located, lookups as
 * reference tables). Safe to run on every release (the cluster's migration Job does): tables
 * already placed are skipped. Without --apply it prints the statements for the whole schema.
 * Needs DATABASE_URL (and MIGRATION_DATABASE_URL for the schema owner) pointing at the coordinator.
 */
import { checkCitusRules, citusDistributionPlan, sql } from "@coop/db";
import { runCli } from "./run-cli.ts";

runCli(
  import.meta.url,
  async ({ database, args, print }) => {
    const apply = args.includes("--apply");
    const owner = database.owner();
    const problems = await checkCitusRules(owner);
    if (problems.length > 0) {
      console.error(`The schema breaks Citus's rules:\n  ${problems.join("\n  ")}`);
      return 1;
    }
    const plan = await citusDistributionPlan(owner);
    if (!apply) {
      print(`${plan.map((s) => `${s};`).join("\n")}\n\n(${plan.length} statements; run again with --apply to execute them.)`);
      return 0;
    }
    const citus = await sql<{ extversion: string }>`SELECT extversion FROM pg_extension WHERE extname = 'citus'`.execute(owner);
    if (citus.rows.length === 0) {
      console.error("This server has no citus extension (CREATE EXTENSION citus on the coordinator first).");
      return 1;
    }
    const placed = await sql<{ name: string }>`SELECT logicalrelid::regclass::text AS name FROM pg_dist_partition`.execute(owner);
    const already = new Set(placed.rows.map((r) => r.name.replace(/^public\./, "")));
    const pending = plan.filter((statement) => !already.has(statement.match(/'public\.(\w+)'/)?.[1] ?? ""));
    for (const statement of pending) {
      const started = Date.now();
      await sql.raw(statement).execute(owner);
      print(`${statement} — ${Date.now() - started} ms`);
    }
    print(`Done: ${pending.length} tables placed, ${plan.length - pending.length} were already (Citus ${citus.rows[0]!.extversion}).`);
    return 0;
  },
  {
    poolSize: 2,
    postgresOnly: "Set DATABASE_URL (and MIGRATION_DATABASE_URL) to the Citus coordinator: the embedded database cannot be distributed.",
  },
);
