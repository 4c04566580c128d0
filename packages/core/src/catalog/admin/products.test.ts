import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPublicProducts } from "../list-public-products.ts";
import { archiveProduct } from "./archive-product.ts";
import { createProduct } from "./create-product.ts";
import { getAdminProduct } from "./get-admin-product.ts";
import { getDashboard } from "./get-dashboard.ts";
import { currentMonth } from "./harvest.ts";
import { listAdminProducts } from "./list-admin-products.ts";
import { listCategories } from "./list-categories.ts";
import { restoreProduct } from "./restore-product.ts";
import { createProductInput, listAdminProductsInput, updateProductInput } from "./schemas.ts";
import { addMember, appErrorOf, auditActions, makeCoop, makeUser } from "./testing.ts";
import { updateProduct } from "./update-product.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let coop: string;
let other: string;
let clerk: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coop = await makeCoop(db, "korat-rice");
  other = await makeCoop(db, "other-coop");
  clerk = await makeUser(db, "clerk@example.com", "น้ำฝน ใจดี");
  await addMember(db, coop, clerk, "manager");
});
afterAll(async () => {
  await t?.destroy();
});

const create = (input: Record<string, unknown>, tenantId = coop) => createProduct(db, tenantId, clerk, createProductInput.parse(input));
const update = (input: Record<string, unknown>) => updateProduct(db, coop, clerk, updateProductInput.parse(input));
const list = (input: Record<string, unknown> = {}) => listAdminProducts(db, coop, listAdminProductsInput.parse(input));


function nextMonth(): string {
  const [y, m] = currentMonth().split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

describe("createProduct", () => {
  it("stores the product with exact satang, its opening stock movement and an audit row", async () => {
    const product = await create({ nameTh: "ข้าวหอมมะลิ", nameEn: "Jasmine rice", price: "1,250.50", unit: "sack", categoryId: "rice", initialStock: "12" });
    expect(product).toMatchObject({ nameTh: "ข้าวหอมมะลิ", nameEn: "Jasmine rice", priceSatang: 125050, unit: "sack", stock: 12, status: "available", categoryId: "rice", archivedAt: null });
    const movements = await withTenant(db, coop, (trx) => trx.selectFrom("stock_movements").selectAll().where("product_id", "=", product.id).execute());
    expect(movements).toMatchObject([{ delta: 12, stock_after: 12, actor_user_id: clerk, reason: "initial_stock" }]);
    expect(await auditActions(db, coop, product.id)).toMatchObject([{ action: "product.create", actor: clerk, data: { priceSatang: 125050, stock: 12 } }]);
  });

  it("makes a product with no stock sold out rather than available", async () => {
    const product = await create({ nameTh: "ไข่ไก่", price: "120", unit: "tray" });
    expect(product).toMatchObject({ stock: 0, status: "sold_out" });
  });

  it("keeps the harvest month of a coming-soon product", async () => {
    const month = nextMonth();
    const product = await create({ nameTh: "ลำไยอีดอ", price: "60", unit: "kg", status: "coming_soon", expectedHarvest: month });
    expect(product).toMatchObject({ status: "coming_soon", expectedHarvest: month });
    const raw = await withTenant(db, coop, (trx) => trx.selectFrom("products").select("expected_harvest").where("id", "=", product.id).executeTakeFirstOrThrow());
    expect(raw.expected_harvest).not.toBeNull();
  });

  it("refuses a category that does not exist, as a field error", async () => {
    const error = await appErrorOf(create({ nameTh: "ผักบุ้ง", price: "20", unit: "bunch", categoryId: "spaceships" }));
    expect(error).toMatchObject({ code: "VALIDATION", fields: { categoryId: "catalog.category_invalid" } });
  });
});

describe("updateProduct", () => {
  it("writes only the fields that changed and audits their before and after", async () => {
    const product = await create({ nameTh: "มะม่วงน้ำดอกไม้", price: "80", unit: "kg", initialStock: "5", descriptionTh: "หวาน" });
    const updated = await update({
      productId: product.id, nameTh: "มะม่วงน้ำดอกไม้", price: "85.50", unit: "kg", descriptionTh: "หวานมาก", nameEn: "", status: "available", categoryId: "fruit",
    });
    expect(updated).toMatchObject({ priceSatang: 8550, descriptionTh: "หวานมาก", categoryId: "fruit", nameEn: null });
    const audit = await auditActions(db, coop, product.id);
    expect(audit.at(-1)).toEqual({
      action: "product.update",
      actor: clerk,
      data: {
        changes: {
          priceSatang: { before: 8000, after: 8550 },
          descriptionTh: { before: "หวาน", after: "หวานมาก" },
          categoryId: { before: null, after: "fruit" },
        },
      },
    });
  });

  it("writes nothing (and no audit row) when nothing changed", async () => {
    const product = await create({ nameTh: "กล้วยหอม", price: "35", unit: "bunch", initialStock: "3" });
    const again = await update({ productId: product.id, nameTh: "กล้วยหอม", price: "35.00", unit: "bunch" });
    expect(again.updatedAt).toBe(product.updatedAt);
    expect((await auditActions(db, coop, product.id)).map((a) => a.action)).toEqual(["product.create"]);
  });

  it("needs a future harvest month when a product becomes coming soon, but leaves an old month alone otherwise", async () => {
    const product = await create({ nameTh: "ทุเรียน", price: "150", unit: "kg", initialStock: "2" });
    expect(await appErrorOf(update({ productId: product.id, status: "coming_soon" }))).toMatchObject({ fields: { expectedHarvest: "catalog.harvest_required" } });
    expect(await appErrorOf(update({ productId: product.id, status: "coming_soon", expectedHarvest: "2020-01" }))).toMatchObject({ fields: { expectedHarvest: "catalog.harvest_past" } });
    const coming = await update({ productId: product.id, status: "coming_soon", expectedHarvest: nextMonth() });
    expect(coming).toMatchObject({ status: "coming_soon", expectedHarvest: nextMonth() });

    // A month that has since passed does not block editing the rest of the product.
    await withTenant(db, coop, (trx) => trx.updateTable("products").set({ expected_harvest: "2020-01-01" }).where("id", "=", product.id).execute());
    const renamed = await update({ productId: product.id, nameTh: "ทุเรียนหมอนทอง", status: "coming_soon", expectedHarvest: "2020-01" });
    expect(renamed).toMatchObject({ nameTh: "ทุเรียนหมอนทอง", expectedHarvest: "2020-01" });
  });

  it("does not find another co-op's product", async () => {
    const theirs = await create({ nameTh: "ของสหกรณ์อื่น", price: "10", unit: "piece", initialStock: "1" }, other);
    expect(await appErrorOf(update({ productId: theirs.id, nameTh: "แก้ไขแล้ว" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await appErrorOf(getAdminProduct(db, coop, theirs.id))).toMatchObject({ code: "NOT_FOUND" });
    expect((await getAdminProduct(db, other, theirs.id)).nameTh).toBe("ของสหกรณ์อื่น");
  });
});

describe("archiveProduct and restoreProduct", () => {
  it("hide a product from the public list and bring it back, audited once each", async () => {
    const product = await create({ nameTh: "น้ำผึ้งป่า", price: "250", unit: "bottle", initialStock: "8" });
    const publicNames = async () => (await listPublicProducts(db, coop, { limit: 100, offset: 0 })).map((p) => p.nameTh);
    expect(await publicNames()).toContain("น้ำผึ้งป่า");

    const archived = await archiveProduct(db, coop, clerk, product.id);
    expect(archived.archivedAt).not.toBeNull();
    expect(await publicNames()).not.toContain("น้ำผึ้งป่า");
    await archiveProduct(db, coop, clerk, product.id); // again: nothing to do
    expect((await list({ q: "น้ำผึ้ง" })).items).toHaveLength(0);
    expect((await list({ q: "น้ำผึ้ง", archived: "archived" })).items.map((p) => p.id)).toEqual([product.id]);

    const restored = await restoreProduct(db, coop, clerk, product.id);
    expect(restored).toMatchObject({ archivedAt: null, status: "available" });
    expect(await publicNames()).toContain("น้ำผึ้งป่า");
    expect((await auditActions(db, coop, product.id)).map((a) => a.action)).toEqual(["product.create", "product.archive", "product.restore"]);
  });
});

describe("listAdminProducts", () => {
  let shop: string;
  beforeAll(async () => {
    shop = await makeCoop(db, "list-coop");
    const add = (nameTh: string, nameEn: string | null, price: string, stock: string, extra: Record<string, unknown> = {}) =>
      createProduct(db, shop, clerk, createProductInput.parse({ nameTh, nameEn: nameEn ?? "", price, unit: "kg", initialStock: stock, ...extra }));
    await add("ข้าวเหนียว", "Sticky rice", "40", "30", { categoryId: "rice" });
    await add("ข้าวไรซ์เบอร์รี่", "Riceberry", "90", "4", { categoryId: "rice" });
    await add("มันสำปะหลัง", "Cassava", "8", "0", { categoryId: "field-crops" });
    await add("ผงขมิ้น 100%", "Turmeric_powder", "55", "9", { categoryId: "herbs", status: "hidden" });
  });
  const names = async (input: Record<string, unknown>) =>
    (await listAdminProducts(db, shop, listAdminProductsInput.parse(input))).items.map((p) => p.nameTh);

  it("searches Thai and English names, case-insensitively", async () => {
    expect((await names({ q: "ข้าว", sort: "name" })).sort()).toEqual(["ข้าวเหนียว", "ข้าวไรซ์เบอร์รี่"].sort());
    expect(await names({ q: "RICEBERRY" })).toEqual(["ข้าวไรซ์เบอร์รี่"]);
    expect(await names({ q: "cassava" })).toEqual(["มันสำปะหลัง"]);
  });

  it("treats % and _ in a search as letters", async () => {
    expect(await names({ q: "100%" })).toEqual(["ผงขมิ้น 100%"]);
    expect(await names({ q: "%" })).toEqual(["ผงขมิ้น 100%"]);
    expect(await names({ q: "c_ssava" })).toEqual([]); // as a wildcard, _ would match "Cassava"
    expect(await names({ q: "c_p" })).toEqual(["ผงขมิ้น 100%"]); // "Turmeric_powder"
  });

  it("filters by status and category and sorts", async () => {
    expect(await names({ status: "sold_out" })).toEqual(["มันสำปะหลัง"]);
    expect(await names({ status: "hidden" })).toEqual(["ผงขมิ้น 100%"]);
    expect(await names({ categoryId: "rice", sort: "price_desc" })).toEqual(["ข้าวไรซ์เบอร์รี่", "ข้าวเหนียว"]);
    expect(await names({ sort: "price_asc" })).toEqual(["มันสำปะหลัง", "ข้าวเหนียว", "ผงขมิ้น 100%", "ข้าวไรซ์เบอร์รี่"]);
    expect(await names({ sort: "stock" })).toEqual(["มันสำปะหลัง", "ข้าวไรซ์เบอร์รี่", "ผงขมิ้น 100%", "ข้าวเหนียว"]);
  });

  it("pages with a total", async () => {
    const page = await listAdminProducts(db, shop, listAdminProductsInput.parse({ sort: "price_asc", limit: 2, offset: 2 }));
    expect(page.total).toBe(4);
    expect(page.items.map((p) => p.nameTh)).toEqual(["ผงขมิ้น 100%", "ข้าวไรซ์เบอร์รี่"]);
    expect(page.items[0]).not.toHaveProperty("descriptionTh");
  });
});

describe("listCategories", () => {
  it("lists the shared taxonomy", async () => {
    const categories = await listCategories(db);
    expect(categories.length).toBeGreaterThan(10);
    expect(categories.find((c) => c.id === "rice")).toMatchObject({ nameTh: "ข้าวและผลิตภัณฑ์จากข้าว", nameEn: "Rice and rice products" });
  });
});

describe("getDashboard", () => {
  it("shows low stock, counts by status, the setup checklist and no fake orders", async () => {
    const shop = await makeCoop(db, "dash-coop", { story_th: "   " });
    const add = (nameTh: string, stock: string, extra: Record<string, unknown> = {}) =>
      createProduct(db, shop, clerk, createProductInput.parse({ nameTh, price: "10", unit: "kg", initialStock: stock, ...extra }));
    await add("เหลือ 5", "5");
    await add("เหลือ 1", "1");
    await add("มีเยอะ", "50");
    await add("ซ่อนไว้", "2", { status: "hidden" });
    const gone = await add("เก็บแล้ว", "1");
    await archiveProduct(db, shop, clerk, gone.id);

    const dashboard = await getDashboard(db, shop);
    expect(dashboard.lowStock.map((p) => [p.nameTh, p.stock])).toEqual([["เหลือ 1", 1], ["เหลือ 5", 5]]);
    expect(dashboard.productCounts).toEqual({ available: 3, sold_out: 0, coming_soon: 0, hidden: 1, archived: 1, total: 4 });
    expect(dashboard.orders).toEqual({ today: { count: 0, salesSatang: 0 }, month: { count: 0, salesSatang: 0 }, awaitingPayment: 0 });
    expect(dashboard.checklist).toEqual([
      { key: "logo", done: false, available: true },
      { key: "story", done: false, available: true },
      { key: "promptpay", done: false, available: true },
      { key: "products", done: true, available: true, progress: { current: 3, target: 3 } },
      { key: "first_article", done: false, available: false },
    ]);

    await withTenant(db, shop, (trx) =>
      trx.updateTable("tenants").set({ logo_key: "logos/x.webp", story_th: "เรื่องของเรา", promptpay_id: "0812345678" }).where("id", "=", shop).execute(),
    );
    const done = await getDashboard(db, shop);
    expect(done.checklist.filter((i) => i.available).every((i) => i.done)).toBe(true);
    expect((await getDashboard(db, other)).lowStock.map((p) => p.nameTh)).not.toContain("เหลือ 1");
  });
});
