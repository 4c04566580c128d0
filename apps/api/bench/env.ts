import { booleanFlag, parseEnv } from "@coop/config";
import { z } from "zod";

/** The benchmark's own settings (the server's come from src/env.ts and @coop/db). */
export const benchEnv = parseEnv(
  z.object({
    BENCH_SECONDS: z.coerce.number().int().min(1).max(600).optional(),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(1000).default(10),
    BENCH_SEARCH_DOCS: z.coerce.number().int().min(100).max(1_000_000).optional(),
    BENCH_OVERVIEW_COOPS: z.coerce.number().int().min(1).max(10_000).optional(),
    BENCH_OVERVIEW_ORDERS: z.coerce.number().int().min(1).max(10_000_000).optional(),
    /** Co-ops the pages part adds (5 products each) before measuring product pages among many co-ops. */
    BENCH_PAGES_COOPS: z.coerce.number().int().min(1).max(100_000).optional(),
    /** The same as `--only`: a comma-separated list of parts (shop, overview, search, pages); usable through the root `npm run bench`. */
    BENCH_ONLY: z.string().optional(),
    /** The same as `--quick`: small sizes and short runs, for trying the bench out. */
    BENCH_QUICK: booleanFlag.default(false),
    /** Where pgbench is looked for first (then Debian's /usr/lib/postgresql/<major>/bin). */
    PATH: z.string().default(""),
  }),
);

export const BENCH_PARTS = ["shop", "overview", "search", "pages"] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export interface BenchSettings {
  parts: Set<BenchPart>;
  quick: boolean;
  json: boolean;
  seconds: number;
  connections: number;
  searchDocs: number;
  overviewCoops: number;
  overviewOrders: number;
  pagesCoops: number;
}

/** Flags win over the environment; sizes set explicitly win over --quick's. */
export function benchSettings(argv: string[]): BenchSettings {
  const flag = (name: string): string | undefined => {
    const index = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (index < 0) return undefined;
    const arg = argv[index]!;
    return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[index + 1];
  };
  const only = flag("only") ?? benchEnv.BENCH_ONLY;
  const parts = new Set<BenchPart>();
  for (const name of only ? only.split(",").map((s) => s.trim()).filter(Boolean) : BENCH_PARTS) {
    if (!(BENCH_PARTS as readonly string[]).includes(name)) throw new Error(`Unknown bench part "${name}"; choose from ${BENCH_PARTS.join(", ")}`);
    parts.add(name as BenchPart);
  }
  const quick = argv.includes("--quick") || benchEnv.BENCH_QUICK;
  return {
    parts,
    quick,
    json: argv.includes("--json"),
    seconds: benchEnv.BENCH_SECONDS ?? (quick ? 3 : 10),
    connections: benchEnv.BENCH_CONNECTIONS,
    searchDocs: benchEnv.BENCH_SEARCH_DOCS ?? (quick ? 2_000 : 100_000),
    overviewCoops: benchEnv.BENCH_OVERVIEW_COOPS ?? (quick ? 30 : 300),
    overviewOrders: benchEnv.BENCH_OVERVIEW_ORDERS ?? (quick ? 20_000 : 1_000_000),
    // 10,000 co-ops seed in seconds, so --quick keeps the full count (only the measurements are shorter).
    pagesCoops: benchEnv.BENCH_PAGES_COOPS ?? 10_000,
  };
}
