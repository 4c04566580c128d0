import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCoop, makeProduct } from "../orders/testing.ts";
import { hashToken } from "../security/tokens.ts";
import { addToCart, getCart } from "./cart.ts";
import { purgeStaleCarts } from "./purge.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let coop: string;
let other: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coop = await makeCoop(db, "purge-coop");
  other = await makeCoop(db, "purge-other");
});
afterAll(async () => {
  await t?.destroy();
});

async function cartWith(tenantId: string, touchedDaysAgo: number): Promise<string> {
  const product = await makeProduct(db, tenantId, { stock: 10 });
  const { newToken: token } = await addToCart(db, tenantId, null, { productId: product, quantity: 1 });
  await withTenant(db, tenantId, (trx) =>
    trx
      .updateTable("carts")
      .set({ updated_at: new Date(Date.now() - touchedDaysAgo * 86_400_000) })
      .where("tenant_id", "=", tenantId)
      .where("token_hash", "=", hashToken(token!))
      .execute(),
  );
  return token!;
}

const count = (tenantId: string, table: "carts" | "cart_items") =>
  withTenant(db, tenantId, async (trx) => Number((await trx.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n));

describe("purgeStaleCarts", () => {
  it("deletes carts (and their items) untouched for 30 days in every co-op, keeping recent ones", async () => {
    const staleA = await cartWith(coop, 31);
    const staleB = await cartWith(other, 45);
    const fresh = await cartWith(coop, 29);
    expect(await purgeStaleCarts(db)).toBe(2);
    expect(await count(coop, "carts")).toBe(1);
    expect(await count(coop, "cart_items")).toBe(1);
    expect(await count(other, "carts")).toBe(0);
    expect((await getCart(db, coop, staleA)).count).toBe(0);
    expect((await getCart(db, other, staleB)).count).toBe(0);
    expect((await getCart(db, coop, fresh)).count).toBe(1);
    expect(await purgeStaleCarts(db)).toBe(0);
  });
});
