import { type Kysely, type MigrationResultSet, Migrator, sql } from "kysely";
import { migrationProvider, migrations } from "./migrations/index.ts";
import { CROPS } from "./reference/crops.ts";
import { PRODUCT_CATEGORIES } from "./reference/product-categories.ts";
import { PROVINCES } from "./reference/provinces.ts";
import { REGIONS } from "./reference/regions.ts";

function migrator(owner: Kysely<unknown>) {
  return new Migrator({ db: owner, provider: migrationProvider, migrationTableName: "kysely_migration" });
}

function unwrap(result: MigrationResultSet, what: string): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`${what} failed at migration ${failed}: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Brings the schema to the latest migration and refreshes reference data. Safe to repeat. */
export async function migrateToLatest(owner: Kysely<unknown>): Promise<string[]> {
  const applied = unwrap(await migrator(owner).migrateToLatest(), "Migrating up");
  await syncReferenceData(owner);
  return applied;
}

/** Reverts every migration (tests and disaster drills only). */
export async function migrateDownToZero(owner: Kysely<unknown>): Promise<string[]> {
  const reverted: string[] = [];
  for (let i = 0; i < Object.keys(migrations).length; i++) {
    const result = await migrator(owner).migrateDown();
    const names = unwrap(result, "Migrating down");
    if (names.length === 0) break;
    reverted.push(...names);
  }
  return reverted;
}

/**
 * Upserts the Department's regional centres, the 77 provinces, the farm-product taxonomy and the crop tags. Reference data is kept in
 * code (reviewed like code) rather than in a migration, so a correction needs no new migration.
 */
export async function syncReferenceData(owner: Kysely<unknown>): Promise<void> {
  await owner.transaction().execute(async (trx) => {
    for (const r of REGIONS) {
      await sql`INSERT INTO regions (id, name_th, name_en, seat_province_code)
                VALUES (${r.id}, ${r.nameTh}, ${r.nameEn}, ${r.seatProvinceCode})
                ON CONFLICT (id) DO UPDATE SET name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en,
                  seat_province_code = EXCLUDED.seat_province_code`.execute(trx);
    }
    for (const p of PROVINCES) {
      await sql`INSERT INTO provinces (code, name_th, name_en, region_id)
                VALUES (${p.code}, ${p.nameTh}, ${p.nameEn}, ${p.regionId})
                ON CONFLICT (code) DO UPDATE SET name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en,
                  region_id = EXCLUDED.region_id`.execute(trx);
    }
    for (const [position, c] of PRODUCT_CATEGORIES.entries()) {
      await sql`INSERT INTO product_categories (id, parent_id, name_th, name_en, position)
                VALUES (${c.id}, ${c.parentId}, ${c.nameTh}, ${c.nameEn}, ${position})
                ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, name_th = EXCLUDED.name_th,
                  name_en = EXCLUDED.name_en, position = EXCLUDED.position`.execute(trx);
    }
    for (const [position, c] of CROPS.entries()) {
      await sql`INSERT INTO crops (code, name_th, name_en, position)
                VALUES (${c.code}, ${c.nameTh}, ${c.nameEn}, ${position})
                ON CONFLICT (code) DO UPDATE SET name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en,
                  position = EXCLUDED.position`.execute(trx);
    }
  });
}
