import { type Database, type Kysely, withTenant } from "@coop/db";
import { loadAdminProduct } from "./rows.ts";
import type { AdminProduct } from "./types.ts";

/** One of the co-op's products, archived or not; NOT_FOUND for any other id. */
export async function getAdminProduct(db: Kysely<Database>, tenantId: string, productId: string): Promise<AdminProduct> {
  return withTenant(db, tenantId, (trx) => loadAdminProduct(trx, tenantId, productId));
}
