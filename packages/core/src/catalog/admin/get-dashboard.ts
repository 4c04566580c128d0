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

    const orders = await orderFigures(trx, tenantId, new Date());

    return {
      lowStock: lowStock.map((p) => ({ id: p.id, nameTh: p.name_th, nameEn: p.name_en, stock: p.stock, unit: p.unit })),
      lowStockThreshold: DASHBOARD_LOW_STOCK,
      productCounts,
      checklist,
      orders,
    };
  });
}

const BANGKOK_OFFSET_MS = 7 * 3600 * 1000; // Thailand keeps UTC+7 all year

/** Start of today and of this month in Asia/Bangkok, as instants. */
export function bangkokPeriodStarts(now: Date): { day: Date; month: Date } {
  const local = new Date(now.getTime() + BANGKOK_OFFSET_MS);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - BANGKOK_OFFSET_MS;
  const month = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - BANGKOK_OFFSET_MS;
  return { day: new Date(day), month: new Date(month) };
}

/** Orders and sales today and this month (cancelled and refunded orders do not count), and payments waiting. */
async function orderFigures(trx: Parameters<Parameters<typeof withTenant>[2]>[0], tenantId: string, now: Date): Promise<NonNullable<Dashboard["orders"]>> {
  const { day, month } = bangkokPeriodStarts(now);
  const row = await trx
    .selectFrom("orders")
    .select((eb) => [
      eb.fn.count<number>("id").filterWhere("created_at", ">=", day).as("today_count"),
      eb.fn.coalesce(eb.fn.sum<number>("total_satang").filterWhere("created_at", ">=", day), eb.lit(0)).as("today_sales"),
      eb.fn.count<number>("id").as("month_count"),
      eb.fn.coalesce(eb.fn.sum<number>("total_satang"), eb.lit(0)).as("month_sales"),
    ])
    .where("tenant_id", "=", tenantId)
    .where("created_at", ">=", month)
    .where("status", "not in", ["cancelled", "refunded"])
    .executeTakeFirstOrThrow();
  const waiting = await trx
    .selectFrom("orders")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("status", "in", ["pending_payment", "payment_review"])
    .executeTakeFirstOrThrow();
  return {
    today: { count: Number(row.today_count), salesSatang: Number(row.today_sales) },
    month: { count: Number(row.month_count), salesSatang: Number(row.month_sales) },
    awaitingPayment: Number(waiting.n),
  };
}
