import { createProduct, createProductInput, findTenantBySlug, indexDocument, type PublicTenant } from "@coop/core";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "@coop/db/testing";
import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site } from "../../site.ts";
import { testContext } from "../../testing.ts";
import { createCallerFactory, router } from "../../trpc.ts";
import { searchRouter } from "./index.ts";

const createCaller = createCallerFactory(router({ search: searchRouter }));

let t: TestDatabase;
let db: Kysely<Database>;
let coopA: PublicTenant;
let coopB: PublicTenant;
const ids = { shared: randomUUID(), unshared: randomUUID(), productB: "" };

async function makeCoop(slug: string): Promise<PublicTenant> {
  await db.insertInto("tenants").values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status: "active" }).execute();
  return (await findTenantBySlug(db, slug))!;
}

async function article(tenant: PublicTenant, refId: string, title: string, shared: boolean): Promise<void> {
  await withTenant(db, tenant.id, (trx) =>
    indexDocument(trx, { kind: "article", refId, ownerTenantId: tenant.id, networkVisible: shared, title, body: "เนื้อหาเกี่ยวกับปุ๋ยหมักและดิน" }),
  );
}

const caller = async (site: Site) => createCaller(await testContext(db, site));

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
  coopA = await makeCoop("search-a");
  coopB = await makeCoop("search-b");
  await article(coopA, ids.shared, "วิธีทำปุ๋ยหมักจากฟางข้าว", true);
  await article(coopA, ids.unshared, "สูตรปุ๋ยหมักภายในสหกรณ์", false);
  const user = await db.insertInto("users").values({ email: "b@example.com", display_name: "บี", password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
  ids.productB = (await createProduct(db, coopB.id, user.id, createProductInput.parse({ nameTh: "ปุ๋ยหมักอินทรีย์ 25 กก.", price: "250", unit: "sack", initialStock: "3" }))).id;
});
afterAll(async () => {
  await t?.destroy();
});

describe(`search procedures (${TEST_ENGINE})`, () => {
  it("searches the network: shared articles and listed products, with links", async () => {
    const network = await caller({ kind: "network" });
    const result = await network.search.network({ q: "ปุ๋ยหมัก" });
    expect(result.items.map((i) => i.refId).sort()).toEqual([ids.shared, ids.productB].sort());
    expect(result.facets).toMatchObject({ article: 1, product: 1 });
    expect(result.items.find((i) => i.kind === "product")).toMatchObject({ coopSlug: "search-b", onCoopSite: true });
    expect((await network.search.network({ q: "ปุ๋ยหมัก", kinds: ["article"] })).items.map((i) => i.refId)).toEqual([ids.shared]);
  });

  it("searches a co-op's site only for its own content, taking the co-op from the Host", async () => {
    const a = await caller({ kind: "coop", tenant: coopA });
    expect((await a.search.site({ q: "ปุ๋ยหมัก" })).items.map((i) => i.refId).sort()).toEqual([ids.shared, ids.unshared].sort());
    const b = await caller({ kind: "coop", tenant: coopB });
    expect((await b.search.site({ q: "ปุ๋ยหมัก" })).items.map((i) => i.refId)).toEqual([ids.productB]);
    expect(await codeOf((await caller({ kind: "network" })).search.site({ q: "ปุ๋ยหมัก" }))).toBe("NOT_FOUND");
    expect(await codeOf((await caller({ kind: "suspended", tenant: coopA })).search.site({ q: "ปุ๋ยหมัก" }))).toBe("NOT_FOUND");
  });

  it("returns one network-visible document by id, never an unshared one", async () => {
    const network = await caller({ kind: "network" });
    expect(await network.search.document({ kind: "article", refId: ids.shared })).toMatchObject({ title: "วิธีทำปุ๋ยหมักจากฟางข้าว", coopSlug: "search-a" });
    expect(await codeOf(network.search.document({ kind: "article", refId: ids.unshared }))).toBe("NOT_FOUND");
    expect(await codeOf(network.search.document({ kind: "product", refId: ids.shared }))).toBe("NOT_FOUND");
  });

  it("refuses unbounded or malformed input with BAD_REQUEST, never a server error", async () => {
    const network = await caller({ kind: "network" });
    expect(await codeOf(network.search.network({ q: "ข".repeat(201) }))).toBe("BAD_REQUEST");
    expect(await codeOf(network.search.network({ q: "ข้าว", pageSize: 51 }))).toBe("BAD_REQUEST");
    expect(await codeOf(network.search.network({ q: "ข้าว", page: 0 }))).toBe("BAD_REQUEST");
    expect(await codeOf(network.search.network({ q: "ข้าว", kinds: ["secret" as "article"] }))).toBe("BAD_REQUEST");
    expect(await codeOf(network.search.network({ q: "ข้าว", crop: "'; DROP" }))).toBe("BAD_REQUEST");
    expect(await codeOf(network.search.document({ kind: "article", refId: "not-a-uuid" }))).toBe("BAD_REQUEST");
    expect(await codeOf(network.search.network({ q: "'&|!():*\\" }))).toBe("OK");
  });
});
