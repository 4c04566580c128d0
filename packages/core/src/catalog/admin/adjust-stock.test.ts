import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import { adjustStock } from "./adjust-stock.ts";
import { createProduct } from "./create-product.ts";
import { getAdminProduct } from "./get-admin-product.ts";
import { listStockMovements } from "./list-stock-movements.ts";
import { adjustStockInput, createProductInput } from "./schemas.ts";
import { addMember, auditActions, makeCoop, makeUser, messageKeyOf } from "./testing.ts";
import { updateProduct } from "./update-product.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let coop: string;
let other: string;
let clerk: string;
let helper: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coop = await makeCoop(db, "stock-coop");
  other = await makeCoop(db, "stock-other");
  clerk = await makeUser(db, "clerk@example.com", "น้ำฝน ใจดี");
  helper = await makeUser(db, "helper@example.com", "สมชาย ขยัน");
  await addMember(db, coop, clerk, "manager");
  await addMember(db, coop, helper, "editor");
});
afterAll(async () => {
  await t?.destroy();
});

const newProduct = (stock: number, extra: Record<string, unknown> = {}, tenantId = coop) =>
  createProduct(db, tenantId, clerk, createProductInput.parse({ nameTh: "ข้าวกล้อง", price: "50", unit: "bag", initialStock: String(stock), ...extra }));
const adjust = (productId: string, delta: number, reason = "นับสต็อก", actor = clerk, tenantId = coop) =>
  adjustStock(db, tenantId, actor, adjustStockInput.parse({ productId, delta, reason }));


describe("adjustStock", () => {
  it("adds and removes stock, recording each movement with the stock after it and who made it", async () => {
    const product = await newProduct(10);
    const added = await adjust(product.id, 15, "รับผลผลิตจากสมาชิก");
    expect(added.product.stock).toBe(25);
    expect(added.movement).toMatchObject({ delta: 15, stockAfter: 25, reason: "รับผลผลิตจากสมาชิก", actor: { id: clerk, displayName: "น้ำฝน ใจดี" } });
    await adjust(product.id, -4, "ขายหน้าร้าน", helper);

    const history = await listStockMovements(db, coop, { productId: product.id });
    expect(history.map((m) => [m.delta, m.stockAfter, m.reason, m.actor?.displayName])).toEqual([
      [-4, 21, "ขายหน้าร้าน", "สมชาย ขยัน"],
      [15, 25, "รับผลผลิตจากสมาชิก", "น้ำฝน ใจดี"],
      [10, 10, "initial_stock", "น้ำฝน ใจดี"],
    ]);
    expect(history.reduce((sum, m) => sum + m.delta, 0)).toBe(21);
  });

  it("refuses to go below zero with a clear message, and changes nothing", async () => {
    const product = await newProduct(3);
    const error = await adjust(product.id, -4).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", messageKey: "catalog.stock_negative", fields: { delta: "catalog.stock_negative" }, params: { stock: 3 } });
    expect((await getAdminProduct(db, coop, product.id)).stock).toBe(3);
    expect(await listStockMovements(db, coop, { productId: product.id })).toHaveLength(1);
    expect((await auditActions(db, coop, product.id)).map((a) => a.action)).toEqual(["product.create"]);
  });

  it("lets exactly one of two concurrent -7 adjustments on a stock of 10 through", async () => {
    const product = await newProduct(10);
    const results = await Promise.all([messageKeyOf(adjust(product.id, -7, "ขาย A")), messageKeyOf(adjust(product.id, -7, "ขาย B", helper))]);
    expect(results.sort()).toEqual(["catalog.stock_negative", "ok"]);
    expect((await getAdminProduct(db, coop, product.id)).stock).toBe(3);
    const history = await listStockMovements(db, coop, { productId: product.id });
    expect(history.map((m) => m.stockAfter)).toEqual([3, 10]);
  });

  it("never lets many racing adjustments take stock below zero", async () => {
    const product = await newProduct(20);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => messageKeyOf(adjust(product.id, -3, `ขาย ${i}`))));
    expect(results.filter((r) => r === "ok")).toHaveLength(6);
    const after = await getAdminProduct(db, coop, product.id);
    expect(after).toMatchObject({ stock: 2, status: "available" });
    const history = await listStockMovements(db, coop, { productId: product.id });
    expect(history.map((m) => m.stockAfter)).toEqual([2, 5, 8, 11, 14, 17, 20]);
  });

  it("makes an available product sold out at zero, and available again when stock comes in", async () => {
    const product = await newProduct(5);
    const empty = await adjust(product.id, -5, "ขายหมด");
    expect(empty.product).toMatchObject({ stock: 0, status: "sold_out" });
    const refilled = await adjust(product.id, 8, "รับของเข้า");
    expect(refilled.product).toMatchObject({ stock: 8, status: "available" });
    const audit = await auditActions(db, coop, product.id);
    expect(audit.slice(1)).toEqual([
      { action: "product.stock_adjust", actor: clerk, data: { delta: -5, reason: "ขายหมด", stock: { before: 5, after: 0 }, status: { before: "available", after: "sold_out" } } },
      { action: "product.stock_adjust", actor: clerk, data: { delta: 8, reason: "รับของเข้า", stock: { before: 0, after: 8 }, status: { before: "sold_out", after: "available" } } },
    ]);
  });

  it("leaves hidden and coming-soon products' status alone", async () => {
    const hidden = await newProduct(2, { status: "hidden" });
    expect((await adjust(hidden.id, -2)).product).toMatchObject({ stock: 0, status: "hidden" });
    expect((await adjust(hidden.id, 4)).product).toMatchObject({ stock: 4, status: "hidden" });
    const month = new Date().getUTCFullYear() + 1;
    const coming = await newProduct(0, { status: "coming_soon", expectedHarvest: `${month}-01` });
    expect((await adjust(coming.id, 30)).product).toMatchObject({ stock: 30, status: "coming_soon" });
    expect((await adjust(coming.id, -30)).product).toMatchObject({ stock: 0, status: "coming_soon" });
  });

  it("keeps a product the co-op marked sold out by hand sold out while stock only goes down", async () => {
    const product = await newProduct(6);
    await updateProduct(db, coop, clerk, { productId: product.id, status: "sold_out" });
    expect((await adjust(product.id, -1)).product).toMatchObject({ stock: 5, status: "sold_out" });
  });

  it("does not touch another co-op's product", async () => {
    const theirs = await newProduct(10, {}, other);
    expect(await messageKeyOf(adjust(theirs.id, -1))).toBe("catalog.product_not_found");
    expect(await messageKeyOf(listStockMovements(db, coop, { productId: theirs.id }))).toBe("catalog.product_not_found");
    expect((await getAdminProduct(db, other, theirs.id)).stock).toBe(10);
    const movements = await withTenant(db, other, (trx) => trx.selectFrom("stock_movements").select("delta").where("product_id", "=", theirs.id).execute());
    expect(movements).toEqual([{ delta: 10 }]);
  });
});
