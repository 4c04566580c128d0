import { parseEnv } from "@coop/config";
import { z } from "zod";
import { Redis } from "ioredis";

/** The Redis the page-cache tests use (the one CI and this machine run), each run under its own key prefix. */
export const TEST_REDIS_URL = parseEnv(z.object({ TEST_REDIS_URL: z.string().default("redis://127.0.0.1:6379") })).TEST_REDIS_URL;

/** Removes what a test stored under its own prefix (version counters never expire by themselves). */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const keys: string[] = [];
    for await (const batch of client.scanStream({ match: `${prefix}*`, count: 500 })) keys.push(...(batch as string[]));
    if (keys.length > 0) await client.del(...keys);
  } finally {
    client.disconnect();
  }
}
