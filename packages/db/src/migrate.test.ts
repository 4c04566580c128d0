import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDownToZero, migrateToLatest } from "./migrate.ts";
import { migrations } from "./migrations/index.ts";
import { PROVINCES } from "./reference/provinces.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ migrated: false });
});
afterAll(async () => {
  await t?.destroy();
});

async function publicTables(): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_%' ORDER BY 1`.execute(
    t.owner(),
  );
  return rows.map((r) => r.name);
}

describe("migrations", () => {
  it("go up, down to nothing, and up again identically", async () => {
    const applied = await migrateToLatest(t.owner());
    expect(applied).toEqual(Object.keys(migrations));
    const tables = await publicTables();
    expect(tables).toEqual(expect.arrayContaining(["products", "provinces", "regions", "stock_movements", "tenants", "users"]));

    const reverted = await migrateDownToZero(t.owner());
    expect(reverted).toEqual(Object.keys(migrations).reverse());
    expect(await publicTables()).toEqual([]);

    await migrateToLatest(t.owner());
    expect(await publicTables()).toEqual(tables);
  });

  it("are idempotent and load all 77 provinces", async () => {
    expect(await migrateToLatest(t.owner())).toEqual([]);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM provinces`.execute(t.owner());
    expect(rows[0]?.n).toBe(77);
    expect(PROVINCES).toHaveLength(77);
  });
});
