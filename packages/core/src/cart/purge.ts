import { type Database, type Kysely, sql, withTenant } from "@coop/db";

/** A cart nobody touched for this long is forgotten (its items go with it, ON DELETE CASCADE). */
export const CART_MAX_IDLE_DAYS = 30;

/**
 * Deletes every co-op's carts untouched for `idleDays` (default 30), one co-op at a time inside
 * its own tenant transaction (carts are tenant-owned under RLS). Returns how many were deleted.
 * Meant to run periodically (e.g. daily) next to the outbox worker; safe to run concurrently.
 */
export async function purgeStaleCarts(db: Kysely<Database>, options: { idleDays?: number; now?: Date } = {}): Promise<number> {
  const idleDays = options.idleDays ?? CART_MAX_IDLE_DAYS;
  const cutoff = new Date((options.now ?? new Date()).getTime() - idleDays * 86_400_000);
  const tenants = await db.selectFrom("tenants").select("id").orderBy("id").execute();
  let deleted = 0;
  for (const { id } of tenants) {
    const result = await withTenant(db, id, (trx) =>
      trx.deleteFrom("carts").where("tenant_id", "=", id).where("updated_at", "<", sql<Date>`${cutoff}`).executeTakeFirst(),
    );
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}
