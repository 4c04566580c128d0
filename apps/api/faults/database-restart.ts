/**
 * Fault 2: the database is restarted under load. The server runs against a throwaway
 * PostgreSQL cluster of its own (initdb into a temporary directory); while pages and tRPC
 * calls keep coming, the cluster is stopped (fast shutdown) and started again. While it is
 * down every answer is a clean 503 with Retry-After (JSON for /trpc, a Thai/English page for
 * pages, no stack traces) and /readyz says 503; once it is back the same server process
 * recovers by itself: /readyz 200 and every request 200 again.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { check, ensureAppRole, freePort, freshDatabase, get, type HttpAnswer, type Scenario, sleep, startServer } from "./harness.ts";

/** Debian's PostgreSQL binaries (the newest installed version). */
function pgBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return version && existsSync(path.join(root, version, "bin", "initdb")) ? path.join(root, version, "bin") : null;
}

/** Throwaway cluster: initdb + pg_ctl, run as `postgres` when we are root (PostgreSQL refuses to run as root). */
class ThrowawayCluster {
  readonly dir = mkdtempSync(path.join(tmpdir(), "coop-fault-pg-"));
  constructor(
    private readonly bin: string,
    readonly port: number,
  ) {}

  private run(tool: string, args: string[]): void {
    const asRoot = process.getuid?.() === 0;
    const [command, all] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(this.bin, tool), ...args]] : [path.join(this.bin, tool), args];
    execFileSync(command as string, all as string[], {
      stdio: ["ignore", "pipe", "pipe"],
      cwd: tmpdir(),
    });
  }

  init(): void {
    if (process.getuid?.() === 0) {
      const pw = execFileSync("id", ["-u", "postgres"], {
        encoding: "utf8",
      }).trim();
      const gid = execFileSync("id", ["-g", "postgres"], {
        encoding: "utf8",
      }).trim();
      chownSync(this.dir, Number(pw), Number(gid));
    }
    this.run("initdb", ["-D", path.join(this.dir, "data"), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
  }

  start(): void {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
    this.run("pg_ctl", ["-D", path.join(this.dir, "data"), "-o", options, "-l", path.join(this.dir, "log"), "-w", "-t", "30", "start"]);
  }

  /** Fast shutdown: open sessions are ended at once, as in a restart by the operator or the platform. */
  stop(): void {
    this.run("pg_ctl", ["-D", path.join(this.dir, "data"), "-m", "fast", "-w", "-t", "30", "stop"]);
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface Sample {
  kind: "page" | "trpc";
  answer: HttpAnswer | null;
  error?: string;
}

const STACK_TRACE = /\bat .*\.[tj]sx?:\d+|node_modules|Error: /;

export function databaseRestart(options: { port?: number }): Scenario {
  const bin = pgBin();
  return {
    name: "database restarted under load",
    unavailable: () => (bin ? null : "no PostgreSQL binaries in /usr/lib/postgresql/*/bin"),
    async run(log) {
      const cluster = new ThrowawayCluster(bin!, options.port ?? (await freePort()));
      try {
        cluster.init();
        cluster.start();
        await underLoad(cluster, log);
      } finally {
        cluster.destroy();
      }
    },
  };
}

async function underLoad(cluster: ThrowawayCluster, log: (line: string) => void): Promise<void> {
  const pg = { host: "127.0.0.1", port: cluster.port };
  ensureAppRole(pg);
  const database = freshDatabase(pg, "coop_fault_restart");
  // Page cache off: every page must really reach the database for this test.
  const server = await startServer({
    DATABASE_URL: database.DATABASE_URL,
    MIGRATION_DATABASE_URL: database.MIGRATION_DATABASE_URL,
    SEED_DEMO: "true",
    PAGE_CACHE: "off",
  });
  const coop = `korat.localhost:${server.port}`;
  const network = `localhost:${server.port}`;
  const targets: {
    kind: Sample["kind"];
    path: string;
    host: string;
    headers?: Record<string, string>;
  }[] = [
    { kind: "page", path: "/", host: coop },
    { kind: "page", path: "/products", host: coop, headers: { "accept-language": "en" } },
    { kind: "page", path: "/", host: network },
    { kind: "trpc", path: "/trpc/catalog.listPublicProducts", host: coop },
    { kind: "trpc", path: "/trpc/catalog.categories", host: coop },
  ];
  // Load: a few clients in a loop, each answer recorded with the phase it belongs to.
  type Phase = "up" | "down" | "back" | "stop";
  let phase = "up" as Phase;
  const currentPhase = (): Phase => phase;
  const samples: Record<"up" | "down" | "back", Sample[]> = {
    up: [],
    down: [],
    back: [],
  };
  const client = async (n: number) => {
    for (let i = n; currentPhase() !== "stop"; i++) {
      const target = targets[i % targets.length]!;
      const at = currentPhase();
      const sample: Sample = { kind: target.kind, answer: null };
      try {
        sample.answer = await get(server.port, target.path, target.host, {
          accept: target.kind === "page" ? "text/html" : "application/json",
          ...target.headers,
        });
      } catch (error) {
        sample.error = (error as Error).message;
      }
      if (at !== "stop" && currentPhase() === at) samples[at].push(sample);
      await sleep(20);
    }
  };
  const clients = Array.from({ length: 6 }, (_, n) => client(n));
  try {
    await sleep(2_000);
    check(samples.up.length > 0 && samples.up.every((s) => s.answer?.status === 200), `before the restart: ${describe(samples.up)}`);
    log(`database up: ${describe(samples.up)}`);

    phase = "down";
    cluster.stop();
    log("cluster stopped (fast shutdown)");
    await sleep(4_000);
    check(server.alive(), `the server died when the database went away:\n${server.output().slice(-3000)}`);
    const ready = await get(server.port, "/readyz", network);
    check(ready.status === 503, `/readyz answered ${ready.status} while the database was down`);
    const down = samples.down;
    log(`database down: ${describe(down)}`);
    check(down.length > 5, `too few answers while the database was down: ${describe(down)}`);
    for (const s of down) {
      check(s.answer, `a request got no answer while the database was down (${s.error}); it must be a 503`);
      const { status, headers, body } = s.answer;
      check(status === 503, `${s.kind} answered ${status} while the database was down: ${body.slice(0, 200)}`);
      check(Number(headers["retry-after"]) > 0, `${s.kind} 503 without Retry-After`);
      check(!STACK_TRACE.test(body), `${s.kind} 503 shows internals: ${body.slice(0, 200)}`);
      if (s.kind === "trpc") {
        const json = JSON.parse(body) as {
          error?: { data?: { messageKey?: string } };
        };
        check(json.error?.data?.messageKey === "site.unavailable", `tRPC 503 without the site.unavailable message: ${body.slice(0, 200)}`);
      } else {
        check(
          /text\/html/.test(String(headers["content-type"])) && /ระบบ|unavailable/i.test(body),
          `page 503 is not the Thai/English page: ${body.slice(0, 200)}`,
        );
      }
    }

    cluster.start();
    log("cluster started again");
    const deadline = Date.now() + 30_000;
    for (;;) {
      const again = await get(server.port, "/readyz", network).catch(() => null);
      if (again?.status === 200) break;
      check(Date.now() < deadline, "/readyz did not return to 200 within 30 s of the database coming back");
      await sleep(250);
    }
    log(`ready again after ${Math.round((30_000 - (deadline - Date.now())) / 100) / 10} s, same process (pid ${server.pid})`);
    phase = "back";
    await sleep(2_000);
    check(server.alive(), "the server process died");
    check(samples.back.length > 0 && samples.back.every((s) => s.answer?.status === 200), `after the restart: ${describe(samples.back)}`);
    log(`database back: ${describe(samples.back)}`);
  } finally {
    phase = "stop";
    await Promise.all(clients);
    await server.stop();
  }
}

function describe(samples: Sample[]): string {
  const counts = new Map<string, number>();
  for (const s of samples) {
    const key = `${s.kind} ${s.answer ? s.answer.status : `no answer (${s.error})`}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n}× ${k}`).join(", ") || "none";
}
