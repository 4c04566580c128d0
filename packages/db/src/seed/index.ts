import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { withTenant } from "../tenant.ts";
import { DEMO_COOPS, DEMO_STAFF } from "./demo-data.ts";

export { DEMO_COOPS, DEMO_STAFF } from "./demo-data.ts";

export interface DemoAccount {
  role: "staff" | "owner";
  email: string;
  password: string;
  note: string;
}

export interface SeedOptions {
  /** Hashes a password for storage (argon2id in the application). */
  hashPassword: (password: string) => Promise<string>;
  /** Makes the password for a demo account; random in every mode, never a constant. */
  newPassword: () => string;
}

/** True when the demo co-ops are already there (seeding runs once per database). */
export async function isDemoSeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("tenants").select("id").where("slug", "=", DEMO_COOPS[0]!.slug).executeTakeFirst();
  return row !== undefined;
}

/**
 * Creates the demo co-ops with their products and a regional staff account, as the
 * application role (so the seed obeys the same row-level security as the app).
 * Returns the demo accounts with their freshly made passwords, to be shown once.
 */
export async function seedDemoData(db: Kysely<Database>, options: SeedOptions): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const coop of DEMO_COOPS) {
    const province = await db
      .selectFrom("provinces")
      .select(["code", "region_id"])
      .where("code", "=", coop.provinceCode)
      .executeTakeFirstOrThrow();
    const tenant = await db
      .insertInto("tenants")
      .values({
        slug: coop.slug,
        name_th: coop.nameTh,
        name_en: coop.nameEn,
        registration_no: coop.registrationNo,
        story_th: coop.storyTh,
        story_en: coop.storyEn,
        status: "active",
        province_code: province.code,
        region_id: province.region_id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await withTenant(db, tenant.id, async (trx) => {
      for (const [index, p] of coop.products.entries()) {
        const product = await trx
          .insertInto("products")
          .values({
            tenant_id: tenant.id,
            name_th: p.nameTh,
            name_en: p.nameEn,
            description_th: p.descriptionTh,
            description_en: p.descriptionEn,
            price_satang: Math.round(p.priceBaht * 100),
            unit: p.unit,
            stock: p.stock,
            status: p.status,
            featured: p.featured ?? false,
            harvest_months: p.harvestMonths ?? [],
            // Keep the demo catalogue in the order it was written.
            created_at: sql<Date>`now() - make_interval(mins => ${index})`,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (p.stock > 0) {
          await trx
            .insertInto("stock_movements")
            .values({ tenant_id: tenant.id, product_id: product.id, delta: p.stock, reason: "initial_stock", stock_after: p.stock })
            .execute();
        }
      }
    });
    // Each demo co-op has an owner, so its back office can be tried at once.
    const email = `owner@${coop.slug}.example.test`;
    const password = options.newPassword();
    const owner = await db
      .insertInto("users")
      .values({ email, display_name: `ผู้ดูแล ${coop.nameTh}`, password_hash: await options.hashPassword(password), email_verified_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await withTenant(db, tenant.id, (trx) => trx.insertInto("memberships").values({ tenant_id: tenant.id, user_id: owner.id, role: "owner" }).execute());
    accounts.push({ role: "owner", email, password, note: `owner of ${coop.slug} — sign in at the co-op's /admin` });
  }

  for (const staff of DEMO_STAFF) {
    const password = options.newPassword();
    const user = await db
      .insertInto("users")
      .values({
        email: staff.email.toLowerCase(),
        display_name: staff.displayName,
        password_hash: await options.hashPassword(password),
        email_verified_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("staff_regions").values({ user_id: user.id, region_id: staff.regionId }).execute();
    accounts.push({ role: "staff", email: staff.email, password, note: `regional staff, region ${staff.regionId}` });
  }
  return accounts;
}
