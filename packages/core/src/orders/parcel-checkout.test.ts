import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCheckoutOptions, placeOrder } from "./place-order.ts";
import { getOrder } from "./queries.ts";
import { appErrorOf, checkout, countRows, makeCoop, makeProduct, openForOrders, stockOf } from "./testing.ts";

let t: TestDatabase;
let db: Kysely<Database>;
/** A co-op in Nakhon Ratchasima (30) sending parcels in its province, to Bangkok and vicinity and its region, not further. */
let coop: string;

const address = (provinceCode: number) => ({ line: "1 หมู่ 2", subdistrict: "ในเมือง", district: "เมือง", provinceCode, postcode: "30000" });

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coop = await makeCoop(db, "zone-coop");
  await openForOrders(db, coop);
  await withTenant(db, coop, (trx) =>
    trx
      .updateTable("tenants")
      .set({ parcel_fee_province_satang: 4000, parcel_fee_bangkok_satang: 7000, parcel_fee_region_satang: 5500, parcel_fee_country_satang: null })
      .where("id", "=", coop)
      .execute(),
  );
});
afterAll(async () => {
  await t?.destroy();
});


describe("parcel fee by zone", () => {
  it("offers parcels from the lowest zone fee, and the exact fee once the province is known", async () => {
    const offer = await getCheckoutOptions(db, coop);
    expect(offer.delivery.find((d) => d.method === "parcel")).toEqual({ method: "parcel", feeSatang: 4000, feeFrom: true });
    expect(offer.parcelFeeByProvince).toMatchObject({ 30: 4000, 10: 7000, 74: 7000, 40: 5500, 50: null, 90: null });
    const toBangkok = await getCheckoutOptions(db, coop, { provinceCode: 10 });
    expect(toBangkok.delivery.find((d) => d.method === "parcel")).toEqual({ method: "parcel", feeSatang: 7000 });
  });

  it("charges the order the fee of the customer's zone and stores it", async () => {
    const product = await makeProduct(db, coop, { stock: 10, price: 10000 });
    for (const [provinceCode, fee] of [[30, 4000], [12, 7000], [40, 5500]] as const) {
      const placed = await placeOrder(db, coop, checkout([{ productId: product, quantity: 1 }], { deliveryMethod: "parcel", address: address(provinceCode) }));
      expect(placed.totalSatang).toBe(10000 + fee);
      expect(await getOrder(db, coop, placed.orderId)).toMatchObject({ deliveryFeeSatang: fee, totalSatang: 10000 + fee });
    }
  });

  it("never trusts a fee sent by the client", async () => {
    const product = await makeProduct(db, coop, { stock: 10, price: 10000 });
    const input = { ...checkout([{ productId: product, quantity: 1 }], { deliveryMethod: "parcel", address: address(40) }), deliveryFeeSatang: 0, deliveryFee: 0, totalSatang: 1 };
    const placed = await placeOrder(db, coop, input as Parameters<typeof placeOrder>[2]);
    expect(await getOrder(db, coop, placed.orderId)).toMatchObject({ deliveryFeeSatang: 5500, totalSatang: 15500 });
  });

  it("refuses parcels to a zone without a fee (naming the province) and to an unknown province, changing nothing", async () => {
    const product = await makeProduct(db, coop, { stock: 3 });
    const before = await countRows(db, coop, "orders");
    const toChiangMai = await appErrorOf(placeOrder(db, coop, checkout([{ productId: product, quantity: 1 }], { deliveryMethod: "parcel", address: address(50) })));
    expect(toChiangMai).toMatchObject({ code: "VALIDATION", messageKey: "checkout.parcel_not_to_province", params: { province: "เชียงใหม่" } });
    expect(toChiangMai.fields).toEqual({ deliveryMethod: "checkout.parcel_not_to_province" });
    const nowhere = await appErrorOf(placeOrder(db, coop, checkout([{ productId: product, quantity: 1 }], { deliveryMethod: "parcel", address: address(99) })));
    expect(nowhere).toMatchObject({ code: "VALIDATION", messageKey: "validation.province" });
    expect(await countRows(db, coop, "orders")).toBe(before);
    expect(await stockOf(db, coop, product)).toEqual({ stock: 3, status: "available" });
    // Local delivery to the same address is still fine.
    await placeOrder(db, coop, checkout([{ productId: product, quantity: 1 }], { deliveryMethod: "local", address: address(50) }));
  });

  it("does not offer parcels when no zone has a fee", async () => {
    const bare = await makeCoop(db, "zone-bare");
    await openForOrders(db, bare);
    await withTenant(db, bare, (trx) =>
      trx
        .updateTable("tenants")
        .set({ parcel_fee_province_satang: null, parcel_fee_bangkok_satang: null, parcel_fee_region_satang: null, parcel_fee_country_satang: null })
        .where("id", "=", bare)
        .execute(),
    );
    const offer = await getCheckoutOptions(db, bare);
    expect(offer.delivery.map((d) => d.method)).toEqual(["pickup", "local"]);
    expect(offer.parcelFeeByProvince).toEqual({});
  });
});
