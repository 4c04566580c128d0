import { booleanFlag, EnvError, parseEnv } from "@coop/config";
import { readStripeEnv } from "@coop/core";
import { readMailEnv } from "@coop/core/outbox";
import { readDbEnv } from "@coop/db";
import { readMediaEnv } from "@coop/core/media";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address to listen on. */
  HOST: z.string().default("0.0.0.0"),
  /** Co-op sites live at <slug>.<ROOT_DOMAIN>; the network at ROOT_DOMAIN itself. */
  ROOT_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/, "must be a lower-case domain name such as sahakorn.example or localhost")
    .default("localhost"),
  /** How users reach the network, e.g. https://sahakorn.example; defaults to http://ROOT_DOMAIN:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://sahakorn.example" }).optional(),
  /** Create the demo co-ops on first start. Defaults to on for the embedded database, off with DATABASE_URL. */
  SEED_DEMO: booleanFlag.optional(),
  /** Behind a reverse proxy you trust: take the client address from X-Forwarded-For (for rate limits). */
  TRUST_PROXY: booleanFlag.optional(),
  /** Apply pending migrations at start (default). Off where a separate step migrates (the cluster's Job). */
  MIGRATE_ON_START: booleanFlag.optional(),
  /** Lowest level written to the JSON log. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Bearer token that opens /metrics to a scraper that is not on this machine (loopback needs none). */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Cache rendered public pages of the co-op sites (anonymous visitors only); "off" renders every request. */
  PAGE_CACHE: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on"),
  /** Memory the page cache may use in each process, in MiB. */
  PAGE_CACHE_MAX_MB: z.coerce.number().int().min(1).max(65_536).default(64),
  /** Longest a cached page is served, in seconds (the writes that change a page drop it sooner). */
  PAGE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** Redis shared by several app processes (pages and their versions), e.g. redis://redis:6379; memory only without it. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: "must be a redis:// or rediss:// URL such as redis://redis:6379" }).optional(),
  /** OpenTelemetry collector (OTLP/HTTP), e.g. http://otel-collector:4318; tracing is off without it. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/, message: "must be an http(s) URL such as http://otel-collector:4318" }).optional(),
  /** The exporter speaks OTLP/HTTP with JSON bodies; other protocols are refused rather than silently ignored. */
  OTEL_EXPORTER_OTLP_PROTOCOL: z.literal("http/json", { message: 'only "http/json" is supported (OTLP/HTTP with JSON, port 4318 of a collector)' }).optional(),
});

export type ApiEnv = z.infer<typeof schema> & ReturnType<typeof readDbEnv> & ReturnType<typeof readMailEnv>;

/** Reads and validates the whole server configuration at once; throws EnvError naming every problem. */
export function readApiEnv(source: Record<string, string | undefined> = process.env): ApiEnv {
  const problems: string[] = [];
  const collect = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof EnvError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const api = collect(() => parseEnv(schema, source));
  const db = collect(() => readDbEnv(source));
  // Mail settings belong to @coop/core; read here so a bad SMTP_URL stops the start with the rest.
  const mail = collect(() => readMailEnv(source));
  // S3 settings are checked at start too, so every configuration problem is reported at once.
  collect(() => readMediaEnv(source));
  // Stripe is optional (no keys: off), but half a configuration or a bad key stops the start.
  collect(() => readStripeEnv(source));
  if (!api || !db || !mail) throw new EnvError(problems);
  return { ...api, ...db, ...mail };
}

/** Where the repository was when `npm start` ran, so `.data/` lands at the root, not in apps/api. */
export function launchDirectory(): string {
  return process.env.INIT_CWD ?? process.cwd();
}
