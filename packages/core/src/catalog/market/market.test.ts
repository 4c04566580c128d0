import { type Database, type Kysely, sql, withTenant } from "@coop/db";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withStaffScope } from "../../staff/scope.ts";
import { archiveProduct } from "../admin/archive-product.ts";
import { createProduct } from "../admin/create-product.ts";
import { createProductInput } from "../admin/schemas.ts";
import { addMember, appErrorOf, makeCoop, makeUser } from "../admin/testing.ts";
import { listMarketProducts } from "./list-market.ts";
import { marketOptions } from "./options.ts";
import type { MarketQueryInput } from "./schemas.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let korat: string;
let khonKaen: string;
let closed: string;
let clerk: string;
const ids: Record<string, string> = {};

const create = (tenantId: string, input: Record<string, unknown>) => createProduct(db, tenantId, clerk, createProductInput.parse(input));
const names = async (query: MarketQueryInput = {}) => (await listMarketProducts(db, query)).items.map((p) => p.nameTh);


beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  korat = await makeCoop(db, "mk-korat");
  khonKaen = await makeCoop(db, "mk-khonkaen");
  closed = await makeCoop(db, "mk-closed");
  await sql`UPDATE tenants SET province_code = 40, region_id = 7 WHERE id = ${khonKaen}`.execute(t.owner());
  clerk = await makeUser(db, "market-clerk@example.com", "ผู้ขาย");
  for (const coop of [korat, khonKaen, closed]) await addMember(db, coop, clerk, "manager");
  ids.rice = (await create(korat, { nameTh: "ข้าวหอมมะลิ 105", nameEn: "Jasmine rice", price: "250", unit: "bag", categoryId: "rice", initialStock: "40" })).id;
  ids.mushroom = (await create(korat, { nameTh: "เห็ดนางฟ้าสด", price: "60", unit: "kg", categoryId: "mushrooms", initialStock: "10" })).id;
  ids.silk = (await create(khonKaen, { nameTh: "ผ้าไหมมัดหมี่", nameEn: "Mudmee silk", price: "1800", unit: "piece", categoryId: "textiles", initialStock: "3" })).id;
  ids.brown = (await create(khonKaen, { nameTh: "ข้าวกล้องงอก", price: "90", unit: "kg", categoryId: "rice", initialStock: "0", status: "sold_out" })).id;
  ids.hidden = (await create(korat, { nameTh: "ข้าวที่ซ่อนไว้", price: "10", unit: "kg", categoryId: "rice", status: "hidden", initialStock: "1" })).id;
  ids.archived = (await create(korat, { nameTh: "ข้าวเลิกขาย", price: "20", unit: "kg", categoryId: "rice", initialStock: "1" })).id;
  await archiveProduct(db, korat, clerk, ids.archived);
  ids.closed = (await create(closed, { nameTh: "ข้าวของสหกรณ์ที่ถูกระงับ", price: "30", unit: "kg", categoryId: "rice", initialStock: "5" })).id;
  await sql`UPDATE tenants SET status = 'suspended' WHERE id = ${closed}`.execute(t.owner());
  // The mushroom is in season now (Bangkok's month); the silk never is.
  await withTenant(db, korat, (trx) =>
    sql`UPDATE products SET harvest_months = ARRAY[extract(month FROM now() AT TIME ZONE 'Asia/Bangkok')::smallint] WHERE id = ${ids.mushroom}`.execute(trx),
  );
  await withTenant(db, korat, (trx) =>
    trx
      .insertInto("product_photos")
      .values({ tenant_id: korat, product_id: ids.rice!, position: 0, storage_key: "r", width: 800, height: 600, variants: JSON.stringify([{ width: 800, key: "r-800.webp" }]) })
      .execute(),
  );
});
afterAll(async () => t?.destroy());

describe(`the network marketplace (${TEST_ENGINE})`, () => {
  it("lists the listed products of active co-ops only, newest first, with their co-op and photo", async () => {
    const page = await listMarketProducts(db, {});
    expect(page.items.map((p) => p.nameTh)).toEqual(["ข้าวกล้องงอก", "ผ้าไหมมัดหมี่", "เห็ดนางฟ้าสด", "ข้าวหอมมะลิ 105"]);
    expect(page).toMatchObject({ total: 4, page: 1, pageCount: 1, sort: "newest", fuzzy: false });
    const rice = page.items.find((p) => p.id === ids.rice)!;
    expect(rice.coop).toMatchObject({ slug: "mk-korat", province: { code: 30 } });
    expect(rice.photo).toMatchObject({ src: "/media/r-800.webp" });
    expect(page.items.find((p) => p.id === ids.silk)!.coop.province.code).toBe(40);
  });

  it("filters by category, crop, province, co-op, price and season", async () => {
    expect(await names({ category: "rice" })).toEqual(["ข้าวกล้องงอก", "ข้าวหอมมะลิ 105"]);
    expect(await names({ crop: "silk" })).toEqual(["ผ้าไหมมัดหมี่"]);
    expect(await names({ crop: "cassava" })).toEqual([]);
    expect(await names({ provinceCode: 40 })).toEqual(["ข้าวกล้องงอก", "ผ้าไหมมัดหมี่"]);
    expect(await names({ coop: "mk-korat" })).toEqual(["เห็ดนางฟ้าสด", "ข้าวหอมมะลิ 105"]);
    expect(await names({ coop: "mk-closed" })).toEqual([]);
    expect(await names({ minBaht: 60, maxBaht: 250 })).toEqual(["ข้าวกล้องงอก", "เห็ดนางฟ้าสด", "ข้าวหอมมะลิ 105"]);
    expect(await names({ inSeason: true })).toEqual(["เห็ดนางฟ้าสด"]);
  });

  it("sorts by price both ways", async () => {
    expect(await names({ sort: "price_asc" })).toEqual(["เห็ดนางฟ้าสด", "ข้าวกล้องงอก", "ข้าวหอมมะลิ 105", "ผ้าไหมมัดหมี่"]);
    expect(await names({ sort: "price_desc" })).toEqual(["ผ้าไหมมัดหมี่", "ข้าวหอมมะลิ 105", "ข้าวกล้องงอก", "เห็ดนางฟ้าสด"]);
  });

  it("searches in Thai without spaces, in English, and forgives a misspelling", async () => {
    const thai = await listMarketProducts(db, { q: "ข้าวหอมมะลิ" });
    expect(thai.items.map((p) => p.id)).toEqual([ids.rice]);
    expect(thai).toMatchObject({ sort: "relevance", fuzzy: false });
    expect(await names({ q: "silk" })).toEqual(["ผ้าไหมมัดหมี่"]);
    expect(await names({ q: "ข้าว", sort: "price_asc" })).toEqual(["ข้าวกล้องงอก", "ข้าวหอมมะลิ 105"]);
    const misspelt = await listMarketProducts(db, { q: "เห็ดนางฟา" });
    expect(misspelt.items.map((p) => p.id)).toContain(ids.mushroom);
    expect(await names({ q: "ข้าวที่ซ่อนไว้" })).not.toContain("ข้าวที่ซ่อนไว้");
  });

  it("offers only categories, provinces and co-ops that have listed products", async () => {
    const options = await marketOptions(db);
    expect(options.coops.map((c) => [c.slug, c.count])).toEqual(
      expect.arrayContaining([["mk-korat", 2], ["mk-khonkaen", 2]]),
    );
    expect(options.coops.map((c) => c.slug)).not.toContain("mk-closed");
    expect(options.provinces.map((p) => p.code).sort()).toEqual([30, 40]);
    expect(options.categories.find((c) => c.id === "rice")?.count).toBe(2);
    expect(options.crops.map((c) => c.code)).toEqual(expect.arrayContaining(["rice", "silk"]));
  });

  it("refuses bad filters with a validation error naming the field", async () => {
    expect((await appErrorOf(listMarketProducts(db, { pageSize: 1000 }))).fields).toEqual({ pageSize: "validation.invalid" });
    expect((await appErrorOf(listMarketProducts(db, { minBaht: 500, maxBaht: 100 }))).fields).toEqual({ maxBaht: "market.errors.price_range" });
    expect((await appErrorOf(listMarketProducts(db, { coop: "../../etc" }))).code).toBe("VALIDATION");
  });
});

describe("the marketplace's read policy keeps co-ops apart", () => {
  it("shows no other co-op's product inside a co-op's own transaction, by id or by scan", async () => {
    const seen = await withTenant(db, korat, (trx) =>
      trx.selectFrom("products").select(["id", "tenant_id"]).where("id", "in", [ids.silk!, ids.brown!, ids.rice!]).execute(),
    );
    expect(seen.map((r) => r.id)).toEqual([ids.rice]);
    const photos = await withTenant(db, khonKaen, (trx) => trx.selectFrom("product_photos").select("product_id").execute());
    expect(photos).toEqual([]);
  });

  it("shows a staff member only their regions' products, as before", async () => {
    const seen = await withStaffScope(db, { userId: clerk, regionIds: [5], isAdmin: false }, (trx) => trx.selectFrom("products").select("id").execute());
    expect(seen.map((r) => r.id)).not.toContain(ids.silk);
    expect(seen.map((r) => r.id)).toContain(ids.rice);
  });

  it("shows listed products only, and never lets the network change one", async () => {
    const visible = await db.transaction().execute((trx) => trx.selectFrom("products").select("id").execute());
    expect(visible.map((r) => r.id).sort()).toEqual([ids.rice, ids.mushroom, ids.silk, ids.brown].sort());
    const changed = await db.transaction().execute((trx) => trx.updateTable("products").set({ price_satang: 1 }).where("id", "=", ids.rice!).executeTakeFirst());
    expect(Number(changed.numUpdatedRows)).toBe(0);
  });
});
