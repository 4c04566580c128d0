import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertSafeAppRole } from "./create-database.ts";
import { TENANT_TABLES } from "./schema.ts";
import { InvalidTenantIdError, withTenant } from "./tenant.ts";
import { createTestDatabase, type TestDatabase, TEST_ENGINE } from "./testing.ts";
import { sql } from "kysely";

let t: TestDatabase;
let tenantA: string;
let tenantB: string;
let productA: string;
let productB: string;

async function makeTenant(slug: string): Promise<string> {
  const row = await t.db
    .insertInto("tenants")
    .values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function makeProduct(tenantId: string, name: string): Promise<string> {
  return withTenant(t.db, tenantId, async (trx) => {
    const row = await trx
      .insertInto("products")
      .values({ tenant_id: tenantId, name_th: name, price_satang: 5000, unit: "kg", stock: 10 })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  tenantA = await makeTenant("coop-a");
  tenantB = await makeTenant("coop-b");
  productA = await makeProduct(tenantA, "ข้าวหอมมะลิ A");
  productB = await makeProduct(tenantB, "ข้าวไรซ์เบอร์รี่ B");
});

afterAll(async () => {
  await t?.destroy();
});

describe(`withTenant on ${TEST_ENGINE}`, () => {
  it("runs application queries as a role that cannot bypass row-level security", async () => {
    await expect(assertSafeAppRole(t.db)).resolves.toBeUndefined();
  });

  it("sees only the current tenant's rows", async () => {
    const seenByA = await withTenant(t.db, tenantA, (trx) => trx.selectFrom("products").select(["id", "tenant_id"]).execute());
    expect(seenByA).toEqual([{ id: productA, tenant_id: tenantA }]);
    const byIdOfB = await withTenant(t.db, tenantA, (trx) =>
      trx.selectFrom("products").selectAll().where("id", "=", productB).execute(),
    );
    expect(byIdOfB).toEqual([]);
  });

  it("cannot change or delete another tenant's rows, even by id", async () => {
    const updated = await withTenant(t.db, tenantA, (trx) =>
      trx.updateTable("products").set({ stock: 0 }).where("id", "=", productB).executeTakeFirst(),
    );
    expect(updated.numUpdatedRows).toBe(0n);
    const deleted = await withTenant(t.db, tenantA, (trx) =>
      trx.deleteFrom("products").where("tenant_id", "=", tenantB).executeTakeFirst(),
    );
    expect(deleted.numDeletedRows).toBe(0n);
    const b = await withTenant(t.db, tenantB, (trx) =>
      trx.selectFrom("products").select("stock").where("id", "=", productB).executeTakeFirstOrThrow(),
    );
    expect(b.stock).toBe(10);
  });

  it("refuses to insert a row carrying another tenant's id", async () => {
    await expect(
      withTenant(t.db, tenantA, (trx) =>
        trx.insertInto("products").values({ tenant_id: tenantB, name_th: "แอบใส่", price_satang: 1, unit: "kg" }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withTenant(t.db, tenantA, (trx) =>
        trx.insertInto("stock_movements").values({ tenant_id: tenantB, product_id: productB, delta: 5, reason: "x" }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("cannot move a row to another tenant", async () => {
    await expect(
      withTenant(t.db, tenantA, (trx) => trx.updateTable("products").set({ tenant_id: tenantB }).where("id", "=", productA).execute()),
    ).rejects.toThrow(/row-level security/);
  });

  it("cannot reference another tenant's row through a foreign key", async () => {
    // The composite key (tenant_id, product_id) makes a cross-tenant reference impossible.
    await expect(
      withTenant(t.db, tenantA, (trx) =>
        trx.insertInto("stock_movements").values({ tenant_id: tenantA, product_id: productB, delta: 1, reason: "x" }).execute(),
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it("shows no tenant rows when no tenant is set (but the marketplace's listed products), and the setting does not outlive the transaction", async () => {
    expect(await t.db.selectFrom("stock_movements").selectAll().execute()).toEqual([]);
    // Listed products of active co-ops are the network marketplace's (ADR 023); nothing else is.
    const unlisted = await t.db.selectFrom("products").select("id").where((eb) => eb.or([eb("status", "=", "hidden"), eb("archived_at", "is not", null)])).execute();
    expect(unlisted).toEqual([]);
    await withTenant(t.db, tenantA, (trx) => trx.selectFrom("stock_movements").selectAll().execute());
    expect(await t.db.selectFrom("stock_movements").selectAll().execute()).toEqual([]);
    const setting = await sql<{ v: string | null }>`SELECT current_setting('app.tenant_id', true) AS v`.execute(t.db);
    expect(setting.rows[0]?.v ?? "").toBe("");
    await expect(
      t.db.insertInto("products").values({ tenant_id: tenantA, name_th: "ไม่มีผู้เช่า", price_satang: 1, unit: "kg" }).execute(),
    ).rejects.toThrow(/row-level security/);
  });

  it("rolls the whole transaction back when the function fails", async () => {
    await expect(
      withTenant(t.db, tenantA, async (trx) => {
        await trx.updateTable("products").set({ stock: 99 }).where("id", "=", productA).execute();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const a = await withTenant(t.db, tenantA, (trx) =>
      trx.selectFrom("products").select("stock").where("id", "=", productA).executeTakeFirstOrThrow(),
    );
    expect(a.stock).toBe(10);
  });

  it("rejects a tenant id that is not a uuid", async () => {
    await expect(withTenant(t.db, "'; drop table products; --", async () => 1)).rejects.toBeInstanceOf(InvalidTenantIdError);
  });

  it("a co-op may update only its own tenants row", async () => {
    const r = await withTenant(t.db, tenantA, (trx) =>
      trx.updateTable("tenants").set({ story_th: "แก้ของคนอื่น" }).where("id", "=", tenantB).executeTakeFirst(),
    );
    expect(r.numUpdatedRows).toBe(0n);
    const own = await withTenant(t.db, tenantA, (trx) =>
      trx.updateTable("tenants").set({ story_th: "เรื่องของเรา" }).where("id", "=", tenantA).executeTakeFirst(),
    );
    expect(own.numUpdatedRows).toBe(1n);
  });
});

describe("schema rules for tenant tables", () => {
  it.each(TENANT_TABLES)("%s has RLS enabled and forced, and tenant_id leads its primary key", async (table) => {
    const { rows } = await sql<{ rls: boolean; forced: boolean; pk: string }>`
      SELECT c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
             pg_get_constraintdef(k.oid) AS pk
      FROM pg_class c JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype = 'p'
      WHERE c.relname = ${table} AND c.relnamespace = 'public'::regnamespace`.execute(t.owner());
    expect(rows[0]).toMatchObject({ rls: true, forced: true });
    expect(rows[0]?.pk).toMatch(/^PRIMARY KEY \(tenant_id, /);
  });

  it("every foreign key between tenant tables carries tenant_id", async () => {
    const { rows } = await sql<{ table: string; def: string }>`
      SELECT c.relname AS table, pg_get_constraintdef(k.oid) AS def
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
      WHERE k.contype = 'f' AND c.relname = ANY(${[...TENANT_TABLES]}) AND r.relname = ANY(${[...TENANT_TABLES]})`.execute(
      t.owner(),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.def, `${row.table}: ${row.def}`).toMatch(/^FOREIGN KEY \(tenant_id\b/);
  });

  it("every table with a tenant_id column is listed as a tenant table", async () => {
    const { rows } = await sql<{ table: string }>`
      SELECT table_name AS table FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY 1`.execute(t.owner());
    expect(rows.map((r) => r.table).sort()).toEqual([...TENANT_TABLES].sort());
  });
});
