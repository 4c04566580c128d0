/**
 * What the fault scripts share: the real server as a child process (so it can be SIGKILLed),
 * plain HTTP with any Host header (co-op sites are told apart by Host), and psql as the
 * PostgreSQL superuser for setting up databases and checking what was stored.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { serverEnvironment } from "../e2e/env.ts";

const API_DIR = path.resolve(import.meta.dirname, "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Where a PostgreSQL server listens, and how to reach it as the superuser with psql. */
export interface PgServer {
  host: string;
  port: number;
}

/** Runs SQL through psql as `postgres`; returns the rows as tab-separated lines. */
export function psql(pg: PgServer, database: string, sqlText: string): string[] {
  const out = execFileSync(
    "psql",
    ["-h", pg.host, "-p", String(pg.port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-qtAX", "-F", "\t", "-c", sqlText],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return out.split("\n").filter((line) => line.length > 0);
}

/** The application role as .ci/run makes it: logs in, owns nothing, neither superuser nor BYPASSRLS. */
export function ensureAppRole(pg: PgServer): void {
  psql(
    pg,
    "postgres",
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'coop_app') THEN
         CREATE ROLE coop_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
       END IF; END $$;`,
  );
}

/** A fresh database for one scenario; the URLs the server gets (app role, and the owner for migrations). */
export function freshDatabase(pg: PgServer, name: string): { DATABASE_URL: string; MIGRATION_DATABASE_URL: string; drop(): void } {
  psql(pg, "postgres", `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  psql(pg, "postgres", `CREATE DATABASE "${name}"`);
  return {
    DATABASE_URL: `postgres://coop_app@${pg.host}:${pg.port}/${name}`,
    MIGRATION_DATABASE_URL: `postgres://postgres@${pg.host}:${pg.port}/${name}`,
    drop: () => {
      try {
        psql(pg, "postgres", `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } catch {
        // the cluster may already be gone (a throwaway one)
      }
    },
  };
}

export interface ServerProcess {
  port: number;
  pid: number;
  output(): string;
  alive(): boolean;
  /** SIGKILL: no shutdown at all, as when the machine loses power or the OOM killer strikes. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the graceful exit. */
  stop(): Promise<void>;
}

/**
 * Starts `src/main.ts` (the same entry as `npm run serve`) and waits until /readyz answers 200.
 * The web apps must be built (`npm run build`; CI's test step builds them).
 */
export async function startServer(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const listen = port ?? (await freePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), "coop-faults-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: API_DIR,
    env: serverEnvironment({ NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(listen), DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`server exited early:\n${output}`);
    }
    const res = await get(listen, "/readyz", "localhost").catch(() => null);
    if (res?.status === 200) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`server did not become ready:\n${output}`);
    }
    await sleep(250);
  }
  const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
  return {
    port: listen,
    pid: child.pid!,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
      cleanup();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(force);
      }
      cleanup();
    },
  };
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request to the server on 127.0.0.1 with the given Host; rejects when the connection fails. */
export function request(
  port: number,
  options: { method?: string; path: string; host: string; headers?: Record<string, string>; body?: string; timeoutMs?: number },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: options.host, ...options.headers };
    if (options.body !== undefined) {
      headers["content-type"] ??= "application/json";
      headers["content-length"] = String(Buffer.byteLength(options.body));
      headers.origin ??= `http://${options.host}`;
    }
    const req = http.request({ host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", reject);
    });
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export const get = (port: number, urlPath: string, host: string, headers?: Record<string, string>) => request(port, { path: urlPath, host, headers });

/** A failed check: the scenario stops and the runner reports it. */
export class FaultCheckFailed extends Error {}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new FaultCheckFailed(message);
}

/** One scenario: a name and a function that throws when a check fails. */
export interface Scenario {
  name: string;
  /** Why it cannot run here (missing tool), or null. */
  unavailable(): string | null;
  run(log: (line: string) => void): Promise<void>;
}

/** Whether a command exists on PATH (or at an absolute path). */
export function hasCommand(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
