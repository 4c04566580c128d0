import { type Database, type Kysely, type ProductUpdate, sql, withTenant } from "@coop/db";
import { recordAudit } from "../../audit/record.ts";
import { indexProduct } from "../../search/products.ts";
import { AppError } from "../../errors.ts";
import { harvestProblem } from "./harvest.ts";
import { assertCategoryExists, harvestDate, loadAdminProduct } from "./rows.ts";
import type { UpdateProductInput } from "./schemas.ts";
import type { AdminProduct } from "./types.ts";

type Editable = Pick<
  AdminProduct,
  "nameTh" | "nameEn" | "descriptionTh" | "descriptionEn" | "priceSatang" | "unit" | "categoryId" | "status" | "expectedHarvest"
>;

function columnsOf(changes: Partial<Editable>): ProductUpdate {
  const set: ProductUpdate = {};
  if (changes.nameTh !== undefined) set.name_th = changes.nameTh;
  if (changes.nameEn !== undefined) set.name_en = changes.nameEn;
  if (changes.descriptionTh !== undefined) set.description_th = changes.descriptionTh;
  if (changes.descriptionEn !== undefined) set.description_en = changes.descriptionEn;
  if (changes.priceSatang !== undefined) set.price_satang = changes.priceSatang;
  if (changes.unit !== undefined) set.unit = changes.unit;
  if (changes.categoryId !== undefined) set.category_id = changes.categoryId;
  if (changes.status !== undefined) set.status = changes.status;
  if (changes.expectedHarvest !== undefined) set.expected_harvest = harvestDate(changes.expectedHarvest);
  return set;
}

/**
 * Saves what changed and nothing else; the audit log keeps the before and after of each
 * changed field. A form re-sending unchanged values writes nothing.
 */
export async function updateProduct(
  db: Kysely<Database>,
  tenantId: string,
  actorUserId: string,
  input: UpdateProductInput,
): Promise<AdminProduct> {
  return withTenant(db, tenantId, async (trx) => {
    const before = await loadAdminProduct(trx, tenantId, input.productId, { lock: true });
    const wanted: Partial<Editable> = {
      nameTh: input.nameTh,
      nameEn: input.nameEn,
      descriptionTh: input.descriptionTh,
      descriptionEn: input.descriptionEn,
      priceSatang: input.price,
      unit: input.unit,
      categoryId: input.categoryId,
      status: input.status,
      expectedHarvest: input.expectedHarvest,
    };
    // On sale with nothing in stock means sold out (stock comes through adjustStock).
    if (wanted.status === "available" && before.stock === 0) wanted.status = "sold_out";

    const changes: Partial<Editable> = {};
    const diff: Record<string, { before: unknown; after: unknown }> = {};
    for (const key of Object.keys(wanted) as (keyof Editable)[]) {
      const after = wanted[key];
      if (after === undefined || after === before[key]) continue;
      (changes as Record<string, unknown>)[key] = after;
      diff[key] = { before: before[key], after };
    }
    if (Object.keys(changes).length === 0) return before;

    const status = changes.status ?? before.status;
    const harvest = changes.expectedHarvest !== undefined ? changes.expectedHarvest : before.expectedHarvest;
    const problem = harvestProblem({
      status,
      harvest,
      harvestChanged: changes.expectedHarvest !== undefined || (changes.status === "coming_soon" && before.status !== "coming_soon"),
    });
    if (problem) throw new AppError("VALIDATION", problem, { fields: { expectedHarvest: problem } });
    if (changes.categoryId !== undefined) await assertCategoryExists(trx, changes.categoryId);

    await trx
      .updateTable("products")
      .set({ ...columnsOf(changes), updated_at: sql`now()` })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", input.productId)
      .execute();
    await indexProduct(trx, tenantId, input.productId);
    await recordAudit(trx, { tenantId, actorUserId, action: "product.update", subjectType: "product", subjectId: input.productId, data: { changes: diff } });
    return loadAdminProduct(trx, tenantId, input.productId);
  });
}
