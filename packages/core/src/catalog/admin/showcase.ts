import { type Database, type Kysely, withTenant } from "@coop/db";
import { z } from "zod";
import { recordAudit } from "../../audit/record.ts";
import { AppError } from "../../errors.ts";

export const productShowcaseInput = z.object({
  productId: z.uuid("validation.invalid"),
  featured: z.boolean(),
  /** Months (1–12) the product is harvested: "in season" on the home page. */
  harvestMonths: z.array(z.int("validation.invalid").min(1, "validation.invalid").max(12, "validation.invalid")).max(12, "validation.invalid"),
});
export type ProductShowcaseInput = z.input<typeof productShowcaseInput>;

export interface ProductShowcase {
  featured: boolean;
  harvestMonths: number[];
}

async function load(db: Kysely<Database>, tenantId: string, productId: string): Promise<ProductShowcase> {
  const row = await withTenant(db, tenantId, (trx) =>
    trx.selectFrom("products").select(["featured", "harvest_months"]).where("tenant_id", "=", tenantId).where("id", "=", productId).executeTakeFirst(),
  );
  if (!row) throw new AppError("NOT_FOUND", "catalog.product_not_found");
  return { featured: row.featured, harvestMonths: row.harvest_months };
}

/** How a product shows on the home page: featured, and the months it is in season. */
export async function getProductShowcase(db: Kysely<Database>, tenantId: string, productId: string): Promise<ProductShowcase> {
  const parsed = z.uuid().safeParse(productId);
  if (!parsed.success) throw new AppError("NOT_FOUND", "catalog.product_not_found");
  return load(db, tenantId, parsed.data);
}

export async function setProductShowcase(
  db: Kysely<Database>,
  input: { tenantId: string; actorUserId: string } & ProductShowcaseInput,
): Promise<ProductShowcase> {
  const { productId, featured, harvestMonths } = productShowcaseInput.parse(input);
  const months = [...new Set(harvestMonths)].sort((a, b) => a - b);
  await withTenant(db, input.tenantId, async (trx) => {
    const updated = await trx
      .updateTable("products")
      .set({ featured, harvest_months: months, updated_at: new Date() })
      .where("tenant_id", "=", input.tenantId)
      .where("id", "=", productId)
      .returning("id")
      .executeTakeFirst();
    if (!updated) throw new AppError("NOT_FOUND", "catalog.product_not_found");
    await recordAudit(trx, {
      tenantId: input.tenantId, actorUserId: input.actorUserId, action: "product.update", subjectType: "product", subjectId: productId,
      data: { changes: { featured, harvestMonths: months } },
    });
  });
  return load(db, input.tenantId, productId);
}
