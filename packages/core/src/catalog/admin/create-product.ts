import { type Database, type Kysely, withTenant } from "@coop/db";
import { recordAudit } from "../../audit/record.ts";
import { indexProduct } from "../../search/products.ts";
import { assertCategoryExists, harvestDate, loadAdminProduct } from "./rows.ts";
import type { CreateProductInput } from "./schemas.ts";
import type { AdminProduct } from "./types.ts";

/**
 * Adds a product to the co-op's catalogue. Its opening stock is written as the first stock
 * movement, so the history always adds up to the current stock.
 */
export async function createProduct(
  db: Kysely<Database>,
  tenantId: string,
  actorUserId: string,
  input: CreateProductInput,
): Promise<AdminProduct> {
  return withTenant(db, tenantId, async (trx) => {
    await assertCategoryExists(trx, input.categoryId);
    const stock = input.initialStock ?? 0;
    // A product put on sale with nothing in stock is sold out until stock arrives.
    const status = input.status === "available" && stock === 0 ? "sold_out" : input.status;
    const { id } = await trx
      .insertInto("products")
      .values({
        tenant_id: tenantId,
        name_th: input.nameTh,
        name_en: input.nameEn ?? null,
        description_th: input.descriptionTh ?? null,
        description_en: input.descriptionEn ?? null,
        price_satang: input.price,
        unit: input.unit,
        stock,
        status,
        category_id: input.categoryId ?? null,
        expected_harvest: harvestDate(input.expectedHarvest ?? null),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (stock > 0) {
      await trx
        .insertInto("stock_movements")
        .values({ tenant_id: tenantId, product_id: id, delta: stock, reason: "initial_stock", actor_user_id: actorUserId, stock_after: stock })
        .execute();
    }
    await indexProduct(trx, tenantId, id);
    const product = await loadAdminProduct(trx, tenantId, id);
    await recordAudit(trx, {
      tenantId,
      actorUserId,
      action: "product.create",
      subjectType: "product",
      subjectId: id,
      data: {
        nameTh: product.nameTh, priceSatang: product.priceSatang, unit: product.unit, status: product.status,
        stock: product.stock, categoryId: product.categoryId, expectedHarvest: product.expectedHarvest,
      },
    });
    return product;
  });
}
