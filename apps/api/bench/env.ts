import { parseEnv } from "@coop/config";
import { z } from "zod";

/** The benchmark's own settings (the server's come from src/env.ts and @coop/db). */
export const benchEnv = parseEnv(
  z.object({
    BENCH_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(1000).default(10),
    BENCH_SEARCH_DOCS: z.coerce.number().int().min(100).max(1_000_000).default(100_000),
  }),
);
