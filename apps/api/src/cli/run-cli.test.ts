import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppError } from "@coop/core";
import { EnvError } from "@coop/config";
import { afterAll, describe, expect, it } from "vitest";
import { serverEnvironment } from "../../e2e/env.ts";
import { describeCliError } from "./run-cli.ts";

const API_DIR = path.resolve(import.meta.dirname, "../..");
const TSX = path.resolve(API_DIR, "../../node_modules/.bin/tsx");
const dirs: string[] = [];

/** Runs a CLI as `npm run` would, on an embedded database in a fresh DATA_DIR unless `env` says otherwise. */
function run(script: string, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "coop-cli-"));
  dirs.push(dataDir);
  const result = spawnSync(TSX, [path.join("src/cli", script)], { cwd: API_DIR, env: serverEnvironment({ INIT_CWD: API_DIR, DATA_DIR: dataDir, ...env }), encoding: "utf8" });
  return { code: result.status, out: result.stdout, err: result.stderr, dataDir };
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("runCli", () => {
  it("opens the embedded database, runs the command, closes it and releases the data directory", () => {
    const first = run("migrate.ts");
    expect(first.err).toBe("");
    expect(first.out).toMatch(/^Database migrated: 0001_/);
    expect(first.code).toBe(0);
    const again = spawnSync(TSX, ["src/cli/migrate.ts"], { cwd: API_DIR, env: serverEnvironment({ INIT_CWD: API_DIR, DATA_DIR: first.dataDir }), encoding: "utf8" });
    expect(again.stdout.trim()).toBe("Database already up to date.");
    expect(again.status).toBe(0);
  });

  it("refuses a data directory in use, with the reason", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "coop-cli-"));
    dirs.push(dataDir);
    writeFileSync(path.join(dataDir, "server.pid"), String(process.pid));
    const result = run("reindex.ts", { DATA_DIR: dataDir });
    expect(result.err).toContain(`Another server (pid ${process.pid}) is using the embedded database`);
    expect(result.code).toBe(1);
  });

  it("prints a configuration problem as its message only", () => {
    const result = run("staff-create.ts", { DATABASE_POOL_SIZE: "0" });
    expect(result.err).toMatch(/^Configuration problem:\n {2}- DATABASE_POOL_SIZE/);
    expect(result.err).not.toContain("    at ");
    expect(result.code).toBe(1);
  });

  it("stops a PostgreSQL-only command on the embedded database with exit code 2", () => {
    const result = run("citus-distribute.ts");
    expect(result.err).toContain("Set DATABASE_URL (and MIGRATION_DATABASE_URL) to the Citus coordinator");
    expect(result.code).toBe(2);
  });

  it("describes app errors in Thai and English with their key", () => {
    expect(describeCliError(new AppError("NOT_FOUND", "orders.not_found"))).toMatch(/^.+ · .+ \[orders\.not_found\]$/);
    expect(describeCliError(new EnvError(["X: bad"]))).toContain("  - X: bad");
    const other = new Error("boom");
    expect(describeCliError(other)).toBe(other);
  });
});
