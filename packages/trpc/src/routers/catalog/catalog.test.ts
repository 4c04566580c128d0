import { findTenantBySlug, type PublicTenant } from "@coop/core";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site } from "../../site.ts";
import { testContext } from "../../testing.ts";
import { createCallerFactory, router } from "../../trpc.ts";
import { catalogRouter } from "./index.ts";

const createCaller = createCallerFactory(router({ catalog: catalogRouter }));

let t: TestDatabase;
let db: Kysely<Database>;
let coopA: PublicTenant;
let coopB: PublicTenant;
const ids: Record<"a" | "hiddenA" | "archivedA" | "b", string> = { a: "", hiddenA: "", archivedA: "", b: "" };

async function makeCoop(slug: string): Promise<PublicTenant> {
  await db.insertInto("tenants").values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status: "active" }).execute();
  return (await findTenantBySlug(db, slug))!;
}

async function product(tenant: PublicTenant, values: { name_th: string; status?: "available" | "hidden"; archived?: boolean; category_id?: string }): Promise<string> {
  const { archived, ...rest } = values;
  const row = await withTenant(db, tenant.id, (trx) =>
    trx
      .insertInto("products")
      .values({ tenant_id: tenant.id, price_satang: 5000, unit: "kg", stock: 20, ...rest, archived_at: archived ? new Date() : null })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

async function caller(site: Site) {
  return createCaller(await testContext(db, site));
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coopA = await makeCoop("coop-a");
  coopB = await makeCoop("coop-b");
  ids.a = await product(coopA, { name_th: "ข้าวกล้อง", category_id: "rice" });
  ids.hiddenA = await product(coopA, { name_th: "ข้าวซ่อน", status: "hidden", category_id: "fruit" });
  ids.archivedA = await product(coopA, { name_th: "ข้าวเลิกขาย", archived: true, category_id: "herbs" });
  ids.b = await product(coopB, { name_th: "ข้าวของบี", category_id: "vegetables" });
});
afterAll(async () => {
  await t?.destroy();
});

describe("catalog (public)", () => {
  it("shows a co-op only its own visible products, categories and product pages", async () => {
    const a = await caller({ kind: "coop", tenant: coopA });
    const page = await a.catalog.listCatalogue({ q: "ข้าว" });
    expect(page.items.map((p) => p.id)).toEqual([ids.a]);
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 24 });
    expect((await a.catalog.categories()).map((c) => c.id)).toEqual(["rice"]);
    expect(await a.catalog.getPublicProduct({ productId: ids.a })).toMatchObject({ id: ids.a, nameTh: "ข้าวกล้อง" });
    expect(await a.catalog.contact()).toMatchObject({ phone: null, address: { province: null } });
  });

  it("is NOT_FOUND for another co-op's product id on this host, and for hidden or archived products", async () => {
    const a = await caller({ kind: "coop", tenant: coopA });
    for (const id of [ids.b, ids.hiddenA, ids.archivedA, "x"]) {
      expect(await codeOf(a.catalog.getPublicProduct({ productId: id }))).toBe("NOT_FOUND");
    }
    expect(await codeOf(a.catalog.listCatalogue({ categoryId: "vegetables" }))).toBe("OK");
    expect((await a.catalog.listCatalogue({ categoryId: "vegetables" })).items).toEqual([]);
  });

  it("answers only on a co-op host", async () => {
    const network = await caller({ kind: "network" });
    expect(await codeOf(network.catalog.listCatalogue())).toBe("NOT_FOUND");
    expect(await codeOf(network.catalog.getPublicProduct({ productId: ids.a }))).toBe("NOT_FOUND");
    expect(await codeOf(network.catalog.categories())).toBe("NOT_FOUND");
    expect(await codeOf(network.catalog.contact())).toBe("NOT_FOUND");
  });

  it("bounds the page and the sort", async () => {
    const a = await caller({ kind: "coop", tenant: coopA });
    expect(await codeOf(a.catalog.listCatalogue({ page: 0 }))).toBe("BAD_REQUEST");
    expect(await codeOf(a.catalog.listCatalogue({ pageSize: 1000 }))).toBe("BAD_REQUEST");
    expect(await codeOf(a.catalog.listCatalogue({ sort: "random" as "name" }))).toBe("BAD_REQUEST");
    expect(await codeOf(a.catalog.listCatalogue({ q: "ข".repeat(300) }))).toBe("OK");
  });
});
