import { type Database, sql, type Transaction } from "@coop/db";
import { AppError } from "../../errors.ts";
import type { AdminProduct, AdminProductSummary } from "./types.ts";

/** The product columns the back office reads; the harvest month comes back as "YYYY-MM" text, free of time zones. */
export function selectAdminProducts(trx: Transaction<Database>, tenantId: string) {
  return trx
    .selectFrom("products")
    .select([
      "id", "name_th", "name_en", "description_th", "description_en", "price_satang", "unit", "stock", "status",
      "category_id", "archived_at", "created_at", "updated_at",
      sql<string | null>`to_char(expected_harvest, 'YYYY-MM')`.as("harvest_month"),
    ])
    .where("tenant_id", "=", tenantId);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectAdminProducts>["executeTakeFirstOrThrow"]>>;

export function toAdminProduct(row: Row): AdminProduct {
  return {
    id: row.id,
    nameTh: row.name_th,
    nameEn: row.name_en,
    descriptionTh: row.description_th,
    descriptionEn: row.description_en,
    priceSatang: row.price_satang,
    unit: row.unit,
    stock: row.stock,
    status: row.status,
    categoryId: row.category_id,
    expectedHarvest: row.harvest_month,
    archivedAt: row.archived_at ? new Date(row.archived_at).toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toAdminProductSummary(row: Row): AdminProductSummary {
  const { descriptionTh: _th, descriptionEn: _en, ...summary } = toAdminProduct(row);
  return summary;
}

/** The product, or NOT_FOUND — also for another co-op's id, which row-level security hides. */
export async function loadAdminProduct(trx: Transaction<Database>, tenantId: string, productId: string, options: { lock?: boolean } = {}): Promise<AdminProduct> {
  let query = selectAdminProducts(trx, tenantId).where("id", "=", productId);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "catalog.product_not_found");
  return toAdminProduct(row);
}

/** "2026-03" → the first day of that month, as the `date` column stores it. */
export function harvestDate(month: string | null): string | null {
  return month ? `${month}-01` : null;
}

export async function assertCategoryExists(trx: Transaction<Database>, categoryId: string | null | undefined): Promise<void> {
  if (!categoryId) return;
  const found = await trx.selectFrom("product_categories").select("id").where("id", "=", categoryId).executeTakeFirst();
  if (!found) throw new AppError("VALIDATION", "catalog.category_invalid", { fields: { categoryId: "catalog.category_invalid" } });
}
