import { type Database, type Kysely, sql, withTenant } from "@coop/db";
import { recordAudit } from "../../audit/record.ts";
import { AppError } from "../../errors.ts";
import { loadAdminProduct } from "./rows.ts";
import type { AdjustStockInput } from "./schemas.ts";
import type { StockAdjustment } from "./types.ts";

/**
 * Adds or removes stock by hand (a harvest delivered, a sale at the counter, a count that was
 * off). The change is one conditional UPDATE — it refuses to take stock below zero, however
 * many adjustments race — written in the same transaction as its stock movement and audit row.
 * Reaching zero makes an available product sold out; stock coming in makes a sold-out product
 * available (taking stock out of a product marked sold out by hand leaves it sold out).
 */
export async function adjustStock(
  db: Kysely<Database>,
  tenantId: string,
  actorUserId: string,
  input: AdjustStockInput,
): Promise<StockAdjustment> {
  return withTenant(db, tenantId, async (trx) => {
    // Locks the row so the before/after of the audit describe exactly this change.
    const before = await loadAdminProduct(trx, tenantId, input.productId, { lock: true });
    const updated = await trx
      .updateTable("products")
      .set({
        stock: sql<number>`stock + ${input.delta}`,
        status:
          input.delta > 0
            ? sql`CASE WHEN status = 'sold_out' THEN 'available' ELSE status END`
            : sql`CASE WHEN status = 'available' AND stock + ${input.delta} = 0 THEN 'sold_out' ELSE status END`,
        updated_at: sql`now()`,
      })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", input.productId)
      .where(sql<boolean>`stock + ${input.delta} >= 0`)
      .returning(["stock", "status"])
      .executeTakeFirst();
    if (!updated) {
      throw new AppError("VALIDATION", "catalog.stock_negative", {
        fields: { delta: "catalog.stock_negative" },
        params: { stock: before.stock },
        detail: `stock ${before.stock}, delta ${input.delta}`,
      });
    }
    const movement = await trx
      .insertInto("stock_movements")
      .values({
        tenant_id: tenantId,
        product_id: input.productId,
        delta: input.delta,
        reason: input.reason,
        actor_user_id: actorUserId,
        stock_after: updated.stock,
        // The time the change happened (after any wait for the lock), so history sorts as it happened.
        created_at: sql`clock_timestamp()`,
      })
      .returning(["id", "created_at"])
      .executeTakeFirstOrThrow();
    const actor = await trx.selectFrom("users").select(["id", "display_name"]).where("id", "=", actorUserId).executeTakeFirst();
    await recordAudit(trx, {
      tenantId,
      actorUserId,
      action: "product.stock_adjust",
      subjectType: "product",
      subjectId: input.productId,
      data: {
        delta: input.delta,
        reason: input.reason,
        stock: { before: before.stock, after: updated.stock },
        ...(updated.status !== before.status ? { status: { before: before.status, after: updated.status } } : {}),
      },
    });
    return {
      product: await loadAdminProduct(trx, tenantId, input.productId),
      movement: {
        id: movement.id,
        delta: input.delta,
        reason: input.reason,
        stockAfter: updated.stock,
        createdAt: movement.created_at.toISOString(),
        actor: actor ? { id: actor.id, displayName: actor.display_name } : null,
      },
    };
  });
}
