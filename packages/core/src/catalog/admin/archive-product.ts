import { type Database, type Kysely, sql, withTenant } from "@coop/db";
import { recordAudit } from "../../audit/record.ts";
import { indexProduct } from "../../search/products.ts";
import { loadAdminProduct } from "./rows.ts";
import type { AdminProduct } from "./types.ts";

/**
 * Takes a product off the co-op's site without deleting it (its orders and stock history
 * stay). Archiving an archived product changes nothing.
 */
export async function archiveProduct(db: Kysely<Database>, tenantId: string, actorUserId: string, productId: string): Promise<AdminProduct> {
  return withTenant(db, tenantId, async (trx) => {
    const before = await loadAdminProduct(trx, tenantId, productId, { lock: true });
    if (before.archivedAt) return before;
    await trx.updateTable("products").set({ archived_at: sql`now()`, updated_at: sql`now()` }).where("tenant_id", "=", tenantId).where("id", "=", productId).execute();
    await indexProduct(trx, tenantId, productId);
    await recordAudit(trx, { tenantId, actorUserId, action: "product.archive", subjectType: "product", subjectId: productId, data: { nameTh: before.nameTh } });
    return loadAdminProduct(trx, tenantId, productId);
  });
}
