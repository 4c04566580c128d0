/**
 * Checkout beside pgbench (issue 8, "Speed"): the shop part's uncontended checkouts (orders/s
 * through the real tRPC endpoint, each one transaction that numbers the order, decrements stock,
 * writes the order, its items, its event, the rollups and the outbox) next to what the same
 * PostgreSQL does with pgbench's default TPC-B-like transaction (three updates, a select and an
 * insert), run on a scratch database created and dropped here: `pgbench -i -s 10`, then
 * `-c 8 -j 2 -T 20`. The ratio says how much of the database's plain transaction rate a checkout,
 * with its HTTP, validation, rate limits and rendering of the answer, gets.
 *
 * Needs PostgreSQL (DATABASE_URL; the embedded database has no server to run pgbench against),
 * the pgbench binary, and a MIGRATION_DATABASE_URL role that may create databases; otherwise the
 * part says why it was skipped.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { type DatabaseHandle, sql } from "@coop/db";
import { benchEnv } from "./env.ts";

const run = promisify(execFile);

export const PGBENCH = { scale: 10, clients: 8, threads: 2, seconds: 20 } as const;

export type PgbenchResult =
  | { skipped: string }
  | { tps: number; scale: number; clients: number; threads: number; seconds: number; transactions: number; latencyMs: number | null; initSeconds: number; pgbench: string };

/** pgbench from PATH, else the newest of Debian's /usr/lib/postgresql/<major>/bin. */
function findPgbench(): string | null {
  for (const dir of benchEnv.PATH.split(":")) if (dir && existsSync(`${dir}/pgbench`)) return `${dir}/pgbench`;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const majors = readdirSync(root).filter((v) => existsSync(`${root}/${v}/bin/pgbench`)).sort((a, b) => Number(b) - Number(a));
  return majors[0] ? `${root}/${majors[0]}/bin/pgbench` : null;
}

/** Reads "tps = 1234.5 (without initial connection time)" and friends from pgbench's report. */
export function parsePgbenchOutput(text: string): { tps: number; transactions: number; latencyMs: number | null } | null {
  const tps = /tps = ([\d.]+) \((?:without|excluding) initial connection/.exec(text) ?? /tps = ([\d.]+)/.exec(text);
  if (!tps) return null;
  const transactions = /number of transactions actually processed: (\d+)/.exec(text);
  const latency = /latency average = ([\d.]+) ms/.exec(text);
  return { tps: Number(tps[1]), transactions: transactions ? Number(transactions[1]) : 0, latencyMs: latency ? Number(latency[1]) : null };
}

export async function runPgbench(
  database: DatabaseHandle,
  env: { DATABASE_URL?: string; MIGRATION_DATABASE_URL?: string },
  options: { seconds?: number; progress?: (line: string) => void } = {},
): Promise<PgbenchResult> {
  if (database.kind !== "postgres" || !env.DATABASE_URL) return { skipped: "the bench ran on the embedded database; set DATABASE_URL (and MIGRATION_DATABASE_URL) to compare with pgbench" };
  const pgbench = findPgbench();
  if (!pgbench) return { skipped: "no pgbench binary (apt-get install postgresql-client, or put pgbench on PATH)" };
  const seconds = options.seconds ?? PGBENCH.seconds;
  const name = `coop_pgbench_${randomBytes(4).toString("hex")}`;
  const url = new URL(env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL);
  url.pathname = `/${name}`;
  const owner = database.owner();
  try {
    await sql`CREATE DATABASE ${sql.id(name)}`.execute(owner);
  } catch (error) {
    return { skipped: `cannot create a scratch database for pgbench (${(error as Error).message}); give the MIGRATION_DATABASE_URL role CREATEDB` };
  }
  try {
    options.progress?.(`pgbench: initialising ${name} at scale ${PGBENCH.scale} …`);
    const initStarted = performance.now();
    await run(pgbench, ["-i", "-q", "-s", String(PGBENCH.scale), url.toString()], { maxBuffer: 16 * 2 ** 20 });
    const initSeconds = Number(((performance.now() - initStarted) / 1000).toFixed(1));
    options.progress?.(`pgbench: ${PGBENCH.clients} clients, ${PGBENCH.threads} threads, ${seconds} s …`);
    const { stdout } = await run(pgbench, ["-c", String(PGBENCH.clients), "-j", String(PGBENCH.threads), "-T", String(seconds), url.toString()], { maxBuffer: 16 * 2 ** 20 });
    const parsed = parsePgbenchOutput(stdout);
    if (!parsed) return { skipped: `could not read pgbench's report:\n${stdout}` };
    return { ...parsed, scale: PGBENCH.scale, clients: PGBENCH.clients, threads: PGBENCH.threads, seconds, initSeconds, pgbench };
  } finally {
    await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(owner).catch(() => undefined);
  }
}

export function printCheckoutVsPgbench(checkoutOrdersPerSecond: number | null, result: PgbenchResult): void {
  if ("skipped" in result) {
    console.log(`pgbench:                                skipped — ${result.skipped}`);
    return;
  }
  console.log(
    `pgbench TPC-B-like (same PostgreSQL):    ${result.tps.toFixed(0)} tps (scale ${result.scale}, ${result.clients} clients, ${result.threads} threads, ${result.seconds} s, latency ${result.latencyMs ?? "?"} ms)`,
  );
  if (checkoutOrdersPerSecond !== null && result.tps > 0) {
    console.log(`ratio checkout orders/s / pgbench tps:  ${(checkoutOrdersPerSecond / result.tps).toFixed(3)}`);
  }
}
