import { type Database, type Kysely, sql, type Transaction, withTenant } from "@coop/db";
import { z } from "zod";
import type { OutboxHandler } from "../outbox/worker.ts";
import { isSafeMediaKey, type MediaStorage } from "./storage.ts";
import { coopImageVariantKeys } from "./keys.ts";
import { tenantMediaPrefix } from "./urls.ts";

/** Outbox kind of a file deletion; register createMediaDeleteHandler for it in the worker. */
export const MEDIA_DELETE_KIND = "media.delete";

const payloadSchema = z.object({
  tenantId: z.uuid(),
  keys: z.array(z.string()).max(64),
});
export type MediaDeletePayload = z.infer<typeof payloadSchema>;

/**
 * Asks for files to be deleted once the current transaction commits: the request is a row
 * of the outbox, written with the change that made the files unused, so it is neither lost
 * when the process dies nor acted on when the change rolls back.
 */
export async function enqueueMediaDeletion(trx: Transaction<Database>, tenantId: string, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const payload: MediaDeletePayload = { tenantId, keys: [...keys] };
  await trx.insertInto("outbox").values({ kind: MEDIA_DELETE_KIND, payload: JSON.stringify(payload), for_tenant_id: tenantId }).execute();
}

/** Of `keys`, those a photo, the logo or the cover of the co-op uses (the same upload may be used twice). */
async function keysInUse(db: Kysely<Database>, tenantId: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  return withTenant(db, tenantId, async (trx) => {
    const photos = await sql<{ key: string }>`
      SELECT v.value ->> 'key' AS key
      FROM product_photos p CROSS JOIN LATERAL jsonb_array_elements(p.variants) AS v
      WHERE p.tenant_id = ${tenantId} AND v.value ->> 'key' IN (${sql.join(keys)})`.execute(trx);
    const tenant = await trx.selectFrom("tenants").select(["logo_key", "cover_key"]).where("id", "=", tenantId).executeTakeFirst();
    // Article images and PDFs (a re-upload of the same image shares its content-addressed key).
    const articleFiles = await trx.selectFrom("article_files").select("storage_key as key").where("tenant_id", "=", tenantId).where("storage_key", "in", keys).execute();
    const used = new Set([...photos.rows, ...articleFiles].map((r) => r.key));
    if (tenant?.logo_key) for (const { key } of coopImageVariantKeys("logo", tenant.logo_key)) used.add(key);
    if (tenant?.cover_key) for (const { key } of coopImageVariantKeys("cover", tenant.cover_key)) used.add(key);
    return used;
  });
}

/**
 * Deletes the files of a `media.delete` job that nothing uses any more. Only keys under the
 * job's own co-op prefix are touched. Safe to run twice (deleting a missing file is fine);
 * a storage error fails the job, and the outbox tries again later.
 */
export function createMediaDeleteHandler(db: Kysely<Database>, storage: MediaStorage): OutboxHandler {
  return async (job) => {
    const { tenantId, keys } = payloadSchema.parse(job.payload);
    const prefix = tenantMediaPrefix(tenantId);
    const own = keys.filter((key) => key.startsWith(prefix) && isSafeMediaKey(key));
    const used = await keysInUse(db, tenantId, own);
    for (const key of own) if (!used.has(key)) await storage.delete(key);
  };
}
