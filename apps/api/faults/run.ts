/**
 * `npm run faults -w @coop/api`: the fault scripts of docs/operations.md ("Faults and limits"),
 * run against the real server on PostgreSQL. Prints PASS/FAIL per scenario and exits non-zero
 * when any failed. Needs the web apps built (`npm run build`) and PostgreSQL reachable as
 * `postgres` at FAULTS_PGHOST:FAULTS_PGPORT (127.0.0.1:5432 by default, as in .ci/run);
 * the database-restart scenario runs a throwaway cluster of its own (initdb, pg_ctl).
 * `npm run faults -w @coop/api -- sigkill` runs only the scenarios whose name contains "sigkill".
 */
import { databaseRestart } from "./database-restart.ts";
import { faultsEnv as env } from "./env.ts";
import { FaultCheckFailed, type Scenario } from "./harness.ts";
import { sigkillCheckout } from "./sigkill-checkout.ts";

const filter = process.argv.slice(2).join(" ").toLowerCase();
const scenarios: Scenario[] = [
  sigkillCheckout({ host: env.FAULTS_PGHOST, port: env.FAULTS_PGPORT }),
  databaseRestart({ port: env.FAULTS_CLUSTER_PORT }),
].filter((s) => !filter || s.name.toLowerCase().includes(filter));

let failed = 0;
for (const scenario of scenarios) {
  const started = Date.now();
  const why = scenario.unavailable();
  if (why) {
    failed++;
    console.info(`FAIL  ${scenario.name}: cannot run (${why})`);
    continue;
  }
  console.info(`\n--- ${scenario.name}`);
  try {
    await scenario.run((line) => console.info(`      ${line}`));
    console.info(`PASS  ${scenario.name} (${Math.round((Date.now() - started) / 1000)} s)`);
  } catch (error) {
    failed++;
    console.info(`FAIL  ${scenario.name} (${Math.round((Date.now() - started) / 1000)} s): ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof FaultCheckFailed) && error instanceof Error) console.info(error.stack);
  }
}
// The summary in Vitest's words, so .ci/run counts the scenarios with the tests.
console.info(`\n      Tests  ${failed > 0 ? `${failed} failed | ` : ""}${scenarios.length - failed} passed (${scenarios.length})`);
process.exit(failed > 0 ? 1 : 0);
