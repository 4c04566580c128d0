import { type Database, type Kysely, withTenant } from "@coop/db";
import { AppError } from "../../errors.ts";
import type { StockMovementView } from "./types.ts";

/** A product's stock movements, newest first, with who made each one. NOT_FOUND for another co-op's product. */
export async function listStockMovements(
  db: Kysely<Database>,
  tenantId: string,
  input: { productId: string; limit?: number },
): Promise<StockMovementView[]> {
  const rows = await withTenant(db, tenantId, async (trx) => {
    const product = await trx.selectFrom("products").select("id").where("tenant_id", "=", tenantId).where("id", "=", input.productId).executeTakeFirst();
    if (!product) throw new AppError("NOT_FOUND", "catalog.product_not_found");
    return trx
      .selectFrom("stock_movements as m")
      .leftJoin("users as u", "u.id", "m.actor_user_id")
      .select(["m.id", "m.delta", "m.reason", "m.stock_after", "m.created_at", "u.id as actor_id", "u.display_name"])
      .where("m.tenant_id", "=", tenantId)
      .where("m.product_id", "=", input.productId)
      .orderBy("m.created_at", "desc")
      .orderBy("m.id", "desc")
      .limit(Math.min(input.limit ?? 50, 200))
      .execute();
  });
  return rows.map((r) => ({
    id: r.id,
    delta: r.delta,
    reason: r.reason,
    stockAfter: r.stock_after,
    createdAt: r.created_at.toISOString(),
    actor: r.actor_id ? { id: r.actor_id, displayName: r.display_name ?? "" } : null,
  }));
}
