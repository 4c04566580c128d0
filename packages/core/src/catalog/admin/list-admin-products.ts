import { type Database, type Kysely, withTenant } from "@coop/db";
import { selectAdminProducts, toAdminProductSummary } from "./rows.ts";
import type { AdminProductSort, ListAdminProductsInput } from "./schemas.ts";
import type { AdminProductPage } from "./types.ts";

/** `%`, `_` and `\` typed by a person are letters, not LIKE wildcards. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const ORDER: Record<AdminProductSort, Array<[column: "updated_at" | "created_at" | "name_th" | "price_satang" | "stock", direction: "asc" | "desc"]>> = {
  updated: [["updated_at", "desc"]],
  newest: [["created_at", "desc"]],
  name: [["name_th", "asc"]],
  price_asc: [["price_satang", "asc"], ["name_th", "asc"]],
  price_desc: [["price_satang", "desc"], ["name_th", "asc"]],
  stock: [["stock", "asc"], ["name_th", "asc"]],
};

/** The co-op's products for the back office: searched, filtered, sorted, one bounded page and the total. */
export async function listAdminProducts(db: Kysely<Database>, tenantId: string, input: ListAdminProductsInput): Promise<AdminProductPage> {
  return withTenant(db, tenantId, async (trx) => {
    const filtered = () => {
      let query = selectAdminProducts(trx, tenantId);
      const q = input.q?.trim();
      if (q) {
        const pattern = likeContains(q);
        query = query.where((eb) => eb.or([eb("name_th", "ilike", pattern), eb("name_en", "ilike", pattern)]));
      }
      if (input.status) query = query.where("status", "=", input.status);
      if (input.categoryId) query = query.where("category_id", "=", input.categoryId);
      if (input.archived === "active") query = query.where("archived_at", "is", null);
      if (input.archived === "archived") query = query.where("archived_at", "is not", null);
      return query;
    };
    let page = filtered();
    for (const [column, direction] of ORDER[input.sort]) page = page.orderBy(column, direction);
    const rows = await page.orderBy("id").limit(Math.min(input.limit, 100)).offset(input.offset).execute();
    const { total } = await filtered()
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow();
    return { items: rows.map(toAdminProductSummary), total: Number(total) };
  });
}
