import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../security/tokens.ts";
import { makeCoop, makeProduct, messageKeyOf } from "../orders/testing.ts";
import { addToCart, cartOrderLines, clearCart, getCart, removeFromCart, updateCartItem } from "./cart.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let coop: string;
let other: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coop = await makeCoop(db, "cart-coop");
  other = await makeCoop(db, "cart-other");
});
afterAll(async () => {
  await t?.destroy();
});


describe("guest cart", () => {
  it("is created on the first add, stored by token hash, and limited to stock", async () => {
    const rice = await makeProduct(db, coop, { stock: 5, price: 12000, name: "ข้าวหอมมะลิ" });
    const honey = await makeProduct(db, coop, { stock: 3, price: 20000, name: "น้ำผึ้ง" });
    expect(await getCart(db, coop, undefined)).toEqual({ items: [], subtotalSatang: 0, count: 0 });

    const first = await addToCart(db, coop, null, { productId: rice, quantity: 2 });
    expect(first.newToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const token = first.newToken!;
    const stored = await withTenant(db, coop, (trx) => trx.selectFrom("carts").select("token_hash").execute());
    expect(stored.map((c) => c.token_hash)).toEqual([hashToken(token)]);

    const again = await addToCart(db, coop, token, { productId: rice, quantity: 2 });
    expect(again.newToken).toBeNull();
    expect(again.cart.items).toEqual([
      expect.objectContaining({ productId: rice, nameTh: "ข้าวหอมมะลิ", unit: "kg", unitPriceSatang: 12000, quantity: 4, stock: 5, lineTotalSatang: 48000, photoUrl: null }),
    ]);
    expect(await messageKeyOf(addToCart(db, coop, token, { productId: rice, quantity: 2 }))).toBe("cart.not_enough_stock");
    await addToCart(db, coop, token, { productId: honey, quantity: 1 });
    expect(await getCart(db, coop, token)).toMatchObject({ subtotalSatang: 68000, count: 5 });

    expect((await updateCartItem(db, coop, token, { productId: honey, quantity: 3 })).cart.count).toBe(7);
    expect(await messageKeyOf(updateCartItem(db, coop, token, { productId: honey, quantity: 4 }))).toBe("cart.not_enough_stock");
    expect((await updateCartItem(db, coop, token, { productId: honey, quantity: 0 })).cart.items.map((i) => i.productId)).toEqual([rice]);
    expect((await removeFromCart(db, coop, token, { productId: rice })).cart).toEqual({ items: [], subtotalSatang: 0, count: 0 });
  });

  it("refuses products that cannot be bought now, with a reason", async () => {
    const { newToken } = await addToCart(db, coop, null, { productId: await makeProduct(db, coop, { stock: 1 }), quantity: 1 });
    for (const [extra, expected] of [
      [{ status: "hidden" as const }, "cart.product_not_found"],
      [{ archived: true }, "cart.product_not_found"],
      [{ status: "coming_soon" as const }, "cart.coming_soon"],
      [{ status: "sold_out" as const }, "cart.sold_out"],
    ] as const) {
      const p = await makeProduct(db, coop, { stock: 5, ...extra });
      expect(await messageKeyOf(addToCart(db, coop, newToken, { productId: p, quantity: 1 }))).toBe(expected);
    }
    expect(await messageKeyOf(addToCart(db, coop, newToken, { productId: await makeProduct(db, coop, { stock: 0 }), quantity: 1 }))).toBe("cart.sold_out");
  });

  it("shows a line that became unavailable without counting it, and empties after checkout", async () => {
    const p = await makeProduct(db, coop, { stock: 4, price: 1000 });
    const { newToken } = await addToCart(db, coop, null, { productId: p, quantity: 3 });
    await withTenant(db, coop, (trx) => trx.updateTable("products").set({ stock: 2 }).where("id", "=", p).execute());
    const cart = await getCart(db, coop, newToken);
    expect(cart.items[0]).toMatchObject({ quantity: 3, stock: 2, available: false });
    expect(cart.subtotalSatang).toBe(0);
    expect(await cartOrderLines(db, coop, newToken)).toEqual([{ productId: p, quantity: 3 }]);
    await clearCart(db, coop, newToken);
    expect((await getCart(db, coop, newToken)).items).toEqual([]);
  });

  it("belongs to one co-op: its token and another co-op's products mean nothing elsewhere", async () => {
    const mine = await makeProduct(db, coop, { stock: 5 });
    const theirs = await makeProduct(db, other, { stock: 5 });
    const { newToken } = await addToCart(db, coop, null, { productId: mine, quantity: 1 });
    expect(await getCart(db, other, newToken)).toEqual({ items: [], subtotalSatang: 0, count: 0 });
    expect(await messageKeyOf(addToCart(db, coop, newToken, { productId: theirs, quantity: 1 }))).toBe("cart.product_not_found");
    const elsewhere = await addToCart(db, other, newToken, { productId: theirs, quantity: 1 });
    expect(elsewhere.newToken).not.toBeNull();
    expect((await getCart(db, coop, newToken)).items.map((i) => i.productId)).toEqual([mine]);
  });
});
