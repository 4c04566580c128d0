import { type Database, type Kysely, PRODUCT_STATUSES, type ProductStatus, withTenant } from "@coop/db";
import { AppError } from "../../errors.ts";
import type { ChecklistItem, Dashboard } from "./types.ts";

/** At or below this many units, an available product is listed as running low. */
export const DASHBOARD_LOW_STOCK = 5;
/** A site starts to look like a shop with this many products. */
export const DASHBOARD_PRODUCT_TARGET = 3;

/** The back-office home: what is running low, the catalogue by status, and what is left to set up. */
export async function getDashboard(db: Kysely<Database>, tenantId: string): Promise<Dashboard> {
  return withTenant(db, tenantId, async (trx) => {
    const tenant = await trx
      .selectFrom("tenants")
      .select(["logo_key", "story_th", "promptpay_id"])
      .where("id", "=", tenantId)
      .executeTakeFirst();
    if (!tenant) throw new AppError("NOT_FOUND", "site.not_found");

    const lowStock = await trx
      .selectFrom("products")
      .select(["id", "name_th", "name_en", "stock", "unit"])
      .where("tenant_id", "=", tenantId)
      .where("status", "=", "available")
      .where("archived_at", "is", null)
      .where("stock", "<=", DASHBOARD_LOW_STOCK)
      .orderBy("stock")
      .orderBy("name_th")
      .limit(20)
      .execute();

    const counts = await trx
      .selectFrom("products")
      .select((eb) => ["status", eb.fn.countAll<number>().as("count"), eb("archived_at", "is not", null).as("archived")])
      .where("tenant_id", "=", tenantId)
      .groupBy(["status", "archived"])
      .execute();

    const productCounts = Object.fromEntries(PRODUCT_STATUSES.map((s) => [s, 0])) as Dashboard["productCounts"];
    productCounts.archived = 0;
    productCounts.total = 0;
    for (const row of counts) {
      const n = Number(row.count);
      if (row.archived) {
        productCounts.archived += n;
      } else {
        productCounts[row.status as ProductStatus] += n;
        productCounts.total += n;
      }
    }

    const checklist: ChecklistItem[] = [
      { key: "logo", done: Boolean(tenant.logo_key), available: true },
      { key: "story", done: Boolean(tenant.story_th?.trim()), available: true },
      { key: "promptpay", done: Boolean(tenant.promptpay_id), available: true },
      {
        key: "products",
        done: productCounts.total >= DASHBOARD_PRODUCT_TARGET,
        available: true,
        progress: { current: Math.min(productCounts.total, DASHBOARD_PRODUCT_TARGET), target: DASHBOARD_PRODUCT_TARGET },
      },
      // Knowledge articles are not built yet: shown as "coming", never as an unfinished task.
      { key: "first_article", done: false, available: false },
    ];

    return {
      lowStock: lowStock.map((p) => ({ id: p.id, nameTh: p.name_th, nameEn: p.name_en, stock: p.stock, unit: p.unit })),
      lowStockThreshold: DASHBOARD_LOW_STOCK,
      productCounts,
      checklist,
      orders: null,
    };
  });
}
