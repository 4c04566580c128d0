import { type Database, type Kysely, sql, withTenant } from "@coop/db";
import type { PublicProduct } from "../types.ts";
import { firstPhotos } from "./photos.ts";

/** How many products each home-page block shows. */
export const HOME_BLOCK_SIZE = 8;

export interface HomeProducts {
  featured: PublicProduct[];
  inSeason: PublicProduct[];
}

/** The month (1–12) and the first day of that month, in Bangkok. */
export function bangkokMonth(now: Date): { month: number; firstDay: string } {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok", year: "numeric", month: "2-digit" }).format(now).split("-");
  return { month: Number(month), firstDay: `${year}-${month}-01` };
}

/**
 * The home page's two blocks. Featured: products the co-op marked "featured", available first.
 * In season (the rule, also shown on the product form): available products whose harvest
 * months include this month (Bangkok time), then coming-soon products expected this month or
 * next. Hidden and archived products never show.
 */
export async function listHomeProducts(db: Kysely<Database>, tenantId: string, now: Date = new Date()): Promise<HomeProducts> {
  const { month, firstDay } = bangkokMonth(now);
  return withTenant(db, tenantId, async (trx) => {
    const base = trx
      .selectFrom("products")
      .select(["id", "name_th", "name_en", "description_th", "description_en", "price_satang", "unit", "stock", "status"])
      .where("tenant_id", "=", tenantId)
      .where("status", "!=", "hidden")
      .where("archived_at", "is", null);
    const featured = await base
      .where("featured", "=", true)
      .orderBy((eb) => eb.case().when("status", "=", "available").then(0).when("status", "=", "coming_soon").then(1).else(2).end())
      .orderBy("updated_at", "desc")
      .orderBy("id")
      .limit(HOME_BLOCK_SIZE)
      .execute();
    const inSeason = await base
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "available"), sql<boolean>`${month}::smallint = ANY(harvest_months)`]),
          eb.and([
            eb("status", "=", "coming_soon"),
            eb("expected_harvest", ">=", sql<Date>`${firstDay}::date`),
            eb("expected_harvest", "<", sql<Date>`${firstDay}::date + interval '2 months'`),
          ]),
        ]),
      )
      .orderBy((eb) => eb.case().when("status", "=", "available").then(0).else(1).end())
      .orderBy("expected_harvest")
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(HOME_BLOCK_SIZE)
      .execute();
    const photos = await firstPhotos(trx, tenantId, [...new Set([...featured, ...inSeason].map((r) => r.id))]);
    const view = (r: (typeof featured)[number]): PublicProduct => ({
      id: r.id,
      nameTh: r.name_th,
      nameEn: r.name_en,
      descriptionTh: r.description_th,
      descriptionEn: r.description_en,
      priceSatang: r.price_satang,
      unit: r.unit,
      stock: r.stock,
      status: r.status as PublicProduct["status"],
      photo: photos.get(r.id) ?? null,
    });
    return { featured: featured.map(view), inSeason: inSeason.map(view) };
  });
}

/** The crop codes the co-op chose in its settings (picks the network knowledge on its home page). */
export async function coopCrops(db: Kysely<Database>, tenantId: string): Promise<string[]> {
  const row = await db.selectFrom("tenants").select("crops").where("id", "=", tenantId).executeTakeFirst();
  return row?.crops ?? [];
}
