import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveProduct } from "../admin/archive-product.ts";
import { createProduct } from "../admin/create-product.ts";
import { createProductInput } from "../admin/schemas.ts";
import { addMember, appErrorOf, makeCoop, makeUser } from "../admin/testing.ts";
import { listCatalogueCategories } from "./categories.ts";
import { getCoopContact } from "./contact.ts";
import { getPublicProduct } from "./get-public-product.ts";
import { listCatalogue } from "./list-catalogue.ts";
import type { CatalogueQuery } from "./types.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let coop: string;
let other: string;
let clerk: string;
const ids: Record<string, string> = {};

const create = (input: Record<string, unknown>, tenantId = coop) => createProduct(db, tenantId, clerk, createProductInput.parse(input));
const page = (query: Partial<CatalogueQuery> = {}, tenantId = coop) => listCatalogue(db, tenantId, { sort: "newest", page: 1, pageSize: 24, ...query });
const names = async (query: Partial<CatalogueQuery> = {}) => (await page(query)).items.map((p) => p.nameTh);


beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coop = await makeCoop(db, "korat-rice");
  other = await makeCoop(db, "other-coop");
  clerk = await makeUser(db, "clerk@example.com", "น้ำฝน ใจดี");
  await addMember(db, coop, clerk, "manager");
  await addMember(db, other, clerk, "manager");
  ids.rice = (await create({ nameTh: "ข้าวหอมมะลิ", nameEn: "Jasmine rice", price: "250", unit: "bag", categoryId: "rice", initialStock: "40", descriptionTh: "ข้าวใหม่ 100%" })).id;
  ids.mango = (await create({ nameTh: "มะม่วงน้ำดอกไม้", price: "80", unit: "kg", categoryId: "fruit", initialStock: "5", descriptionEn: "Sweet mango" })).id;
  ids.egg = (await create({ nameTh: "ไข่ไก่", price: "120", unit: "tray" })).id;
  ids.hidden = (await create({ nameTh: "ข้าวลับ", price: "10", unit: "kg", categoryId: "vegetables", status: "hidden", initialStock: "3" })).id;
  ids.archived = (await create({ nameTh: "ข้าวเก่า", price: "20", unit: "kg", categoryId: "herbs", initialStock: "3" })).id;
  await archiveProduct(db, coop, clerk, ids.archived);
  ids.foreign = (await create({ nameTh: "ข้าวของสหกรณ์อื่น", price: "30", unit: "kg", categoryId: "rice", initialStock: "9" }, other)).id;
  await withTenant(db, coop, (trx) =>
    trx.insertInto("product_photos").values([
      { tenant_id: coop, product_id: ids.rice!, position: 1, storage_key: "b", width: 1200, height: 900, variants: JSON.stringify([{ width: 1200, key: "b-1200.webp" }, { width: 640, key: "b-640.webp" }]) },
      { tenant_id: coop, product_id: ids.rice!, position: 0, storage_key: "a", width: 800, height: 600, variants: JSON.stringify([{ width: 320, key: "a-320.webp" }, { width: 800, key: "a-800.webp" }]) },
    ]).execute(),
  );
});
afterAll(async () => {
  await t?.destroy();
});

describe("listCatalogue", () => {
  it("lists only this co-op's visible products, newest first, with totals", async () => {
    const result = await page();
    expect(result.items.map((p) => p.nameTh)).toEqual(["ไข่ไก่", "มะม่วงน้ำดอกไม้", "ข้าวหอมมะลิ"]);
    expect(result).toMatchObject({ total: 3, page: 1, pageCount: 1 });
    expect(result.items.find((p) => p.id === ids.rice)?.photo).toMatchObject({ src: "/media/a-800.webp", srcSet: "/media/a-320.webp 320w, /media/a-800.webp 800w" });
  });

  it("sorts by price both ways and by name", async () => {
    expect(await names({ sort: "price_asc" })).toEqual(["มะม่วงน้ำดอกไม้", "ไข่ไก่", "ข้าวหอมมะลิ"]);
    expect(await names({ sort: "price_desc" })).toEqual(["ข้าวหอมมะลิ", "ไข่ไก่", "มะม่วงน้ำดอกไม้"]);
    expect(await names({ sort: "name" })).toHaveLength(3);
  });

  it("searches Thai and English names and descriptions, trimmed, with wildcards taken literally", async () => {
    expect(await names({ q: "  ข้าว " })).toEqual(["ข้าวหอมมะลิ"]);
    expect(await names({ q: "JASMINE" })).toEqual(["ข้าวหอมมะลิ"]);
    expect(await names({ q: "sweet" })).toEqual(["มะม่วงน้ำดอกไม้"]);
    expect(await names({ q: "100%" })).toEqual(["ข้าวหอมมะลิ"]);
    expect(await names({ q: "%" })).toEqual(["ข้าวหอมมะลิ"]);
    expect(await names({ q: "_" })).toEqual([]);
    expect(await names({ q: "   " })).toHaveLength(3);
  });

  it("filters by category, a parent including its children", async () => {
    expect(await names({ categoryId: "rice" })).toEqual(["ข้าวหอมมะลิ"]);
    expect(await names({ categoryId: "vegetables" })).toEqual([]);
    const parent = await db.selectFrom("product_categories").select("parent_id").where("id", "=", "fruit").executeTakeFirst();
    if (parent?.parent_id) expect(await names({ categoryId: parent.parent_id })).toContain("มะม่วงน้ำดอกไม้");
  });

  it("pages with a bounded size", async () => {
    const first = await page({ pageSize: 2 });
    const second = await page({ pageSize: 2, page: 2 });
    expect(first).toMatchObject({ total: 3, pageCount: 2 });
    expect([...first.items, ...second.items].map((p) => p.id).sort()).toEqual([ids.rice, ids.mango, ids.egg].sort());
    expect((await page({ page: 9 })).items).toEqual([]);
  });
});

describe("listCatalogueCategories", () => {
  it("lists only categories with visible products of this co-op", async () => {
    const categories = await listCatalogueCategories(db, coop);
    expect(categories.map((c) => [c.id, c.count]).sort()).toEqual([["fruit", 1], ["rice", 1]]);
    expect((await listCatalogueCategories(db, other)).map((c) => c.id)).toEqual(["rice"]);
  });
});

describe("getPublicProduct", () => {
  it("returns every photo in order, the category and the harvest month", async () => {
    const product = await getPublicProduct(db, coop, ids.rice!);
    expect(product).toMatchObject({ nameTh: "ข้าวหอมมะลิ", priceSatang: 25000, unit: "bag", stock: 40, status: "available", category: { id: "rice" } });
    expect(product.photos.map((p) => p.src)).toEqual(["/media/a-800.webp", "/media/b-640.webp"]);
    expect(product.photo).toEqual(product.photos[0]);
    const month = `${new Date().getUTCFullYear() + 1}-03`;
    const coming = await create({ nameTh: "ลำไย", price: "60", unit: "kg", status: "coming_soon", expectedHarvest: month });
    expect(await getPublicProduct(db, coop, coming.id)).toMatchObject({ status: "coming_soon", expectedHarvest: month, photos: [], category: null });
  });

  it("is NOT_FOUND for another co-op's product, hidden, archived and malformed ids", async () => {
    for (const id of [ids.foreign!, ids.hidden!, ids.archived!, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect(await appErrorOf(getPublicProduct(db, coop, id))).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await getPublicProduct(db, other, ids.foreign!)).toMatchObject({ nameTh: "ข้าวของสหกรณ์อื่น" });
  });
});

describe("getCoopContact", () => {
  it("returns the published contact details, blanks as null, only https Facebook links", async () => {
    const set = (tenantId: string, values: Record<string, unknown>) =>
      withTenant(db, tenantId, (trx) => trx.updateTable("tenants").set(values).where("id", "=", tenantId).execute());
    await set(coop, { phone: "044 123 456", line_id: "@koratrice", facebook_url: "https://www.facebook.com/koratrice", opening_hours: " ", address_line: "99 หมู่ 1", address_province_code: 30, address_postcode: "30000" });
    expect(await getCoopContact(db, coop)).toMatchObject({
      phone: "044 123 456", lineId: "@koratrice", facebookUrl: "https://www.facebook.com/koratrice", openingHours: null, email: null,
      address: { line: "99 หมู่ 1", province: { code: 30 }, postcode: "30000", district: null },
    });
    await set(other, { facebook_url: "javascript:alert(1)" });
    expect(await getCoopContact(db, other)).toMatchObject({ facebookUrl: null, address: { province: null } });
  });
});
