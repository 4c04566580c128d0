import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import { makeCoop, makeProduct, makeUser } from "../../orders/testing.ts";
import { setProductShowcase } from "../admin/showcase.ts";
import { bangkokMonth, listHomeProducts } from "./home.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let coop: string;
let other: string;
let owner: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coop = await makeCoop(db, "home-coop");
  other = await makeCoop(db, "home-other");
  owner = await makeUser(db, "owner@home.example", "สมชาย");
});
afterAll(async () => {
  await t?.destroy();
});

// 2026-11-30 20:00 UTC is already December in Bangkok.
const NOW = new Date("2026-11-30T20:00:00Z");

async function setHarvest(tenantId: string, productId: string, date: string) {
  await withTenant(db, tenantId, (trx) => trx.updateTable("products").set({ expected_harvest: date }).where("id", "=", productId).execute());
}

describe("home page products", () => {
  it("uses the Bangkok month", () => {
    expect(bangkokMonth(NOW)).toEqual({ month: 12, firstDay: "2026-12-01" });
  });

  it("shows featured products and what is in season, never hidden, archived or another co-op's", async () => {
    const rice = await makeProduct(db, coop, { stock: 5, name: "ข้าวใหม่" });
    const longan = await makeProduct(db, coop, { stock: 5, name: "ลำไย" });
    const durian = await makeProduct(db, coop, { stock: 0, name: "ทุเรียน", status: "coming_soon" });
    const mango = await makeProduct(db, coop, { stock: 0, name: "มะม่วง", status: "coming_soon" });
    const hidden = await makeProduct(db, coop, { stock: 5, name: "ซ่อน", status: "hidden" });
    const archived = await makeProduct(db, coop, { stock: 5, name: "เก็บแล้ว", archived: true });
    const theirs = await makeProduct(db, other, { stock: 5, name: "ของคนอื่น" });
    await setProductShowcase(db, { tenantId: coop, actorUserId: owner, productId: rice, featured: true, harvestMonths: [12, 11, 12] });
    await setProductShowcase(db, { tenantId: coop, actorUserId: owner, productId: longan, featured: false, harvestMonths: [7, 8] });
    await setProductShowcase(db, { tenantId: coop, actorUserId: owner, productId: hidden, featured: true, harvestMonths: [12] });
    await setProductShowcase(db, { tenantId: coop, actorUserId: owner, productId: archived, featured: true, harvestMonths: [12] });
    await setHarvest(coop, durian, "2027-01-01"); // next month: in season soon
    await setHarvest(coop, mango, "2027-03-01"); // too far ahead

    const home = await listHomeProducts(db, coop, NOW);
    expect(home.featured.map((p) => p.nameTh)).toEqual(["ข้าวใหม่"]);
    expect(home.inSeason.map((p) => p.nameTh)).toEqual(["ข้าวใหม่", "ทุเรียน"]);
    expect(await listHomeProducts(db, coop, new Date("2026-07-15T00:00:00Z"))).toMatchObject({ inSeason: [{ nameTh: "ลำไย" }] });
    // Another co-op's product cannot be changed from this co-op, and its home shows nothing of ours.
    await expect(setProductShowcase(db, { tenantId: coop, actorUserId: owner, productId: theirs, featured: true, harvestMonths: [] })).rejects.toBeInstanceOf(AppError);
    expect(await listHomeProducts(db, other, NOW)).toEqual({ featured: [], inSeason: [] });
  });

  it("refuses months outside 1–12", async () => {
    const p = await makeProduct(db, coop, { stock: 1 });
    await expect(setProductShowcase(db, { tenantId: coop, actorUserId: owner, productId: p, featured: false, harvestMonths: [13] })).rejects.toThrow();
  });
});
