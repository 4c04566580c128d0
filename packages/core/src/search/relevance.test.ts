import { randomUUID } from "node:crypto";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveProduct } from "../catalog/admin/archive-product.ts";
import { createProduct } from "../catalog/admin/create-product.ts";
import { restoreProduct } from "../catalog/admin/restore-product.ts";
import { createProductInput, updateProductInput } from "../catalog/admin/schemas.ts";
import { makeCoop, makeUser } from "../catalog/admin/testing.ts";
import { updateProduct } from "../catalog/admin/update-product.ts";
import { CORPUS, type Owner } from "./corpus.ts";
import { indexDocument, removeDocument } from "./index-document.ts";
import { reindexAllProducts } from "./products.ts";
import { searchNetwork, searchSite, type SearchResult } from "./search.ts";

let t: TestDatabase;
let db: Kysely<Database>;
const tenants: Record<Exclude<Owner, null>, string> = { korat: "", silk: "", suspended: "" };
const ids = new Map<string, string>();
const keyOf = new Map<string, string>();
let clerk: string;

function remember(key: string, id: string): void {
  ids.set(key, id);
  keyOf.set(id, key);
}
// A co-op may update only its own row (row-level security), so changes go through its session.
const setTenant = (id: string, set: { status?: "active" | "suspended"; province_code?: number }) =>
  withTenant(db, id, (trx) => trx.updateTable("tenants").set(set).where("id", "=", id).execute());
const keys = (result: SearchResult) => result.items.map((item) => keyOf.get(item.refId) ?? item.refId);
const network = (q: string, extra: Record<string, unknown> = {}) => searchNetwork(db, { q, pageSize: 50, ...extra });
const product = (tenantId: string, input: Record<string, unknown>) => createProduct(db, tenantId, clerk, createProductInput.parse({ price: "120", unit: "kg", initialStock: "5", ...input }));

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  tenants.korat = await makeCoop(db, "korat-search");
  tenants.silk = await makeCoop(db, "silk-search");
  tenants.suspended = await makeCoop(db, "gone-search");
  await setTenant(tenants.silk, { province_code: 36 });
  clerk = await makeUser(db, "clerk@example.com", "ผู้จัดการ");
  for (const doc of CORPUS) {
    const id = randomUUID();
    remember(doc.key, id);
    const input = {
      kind: doc.kind, refId: id, ownerTenantId: doc.owner ? tenants[doc.owner] : null, networkVisible: doc.networkVisible,
      title: doc.title, summary: doc.summary, body: doc.body, topic: doc.topic ?? null, crops: doc.crops ?? [],
      provinceCode: doc.provinceCode ?? null, publishedAt: new Date(Date.now() - doc.daysAgo * 86_400_000),
    };
    if (doc.owner) await withTenant(db, tenants[doc.owner], (trx) => indexDocument(trx, input));
    else await db.transaction().execute((trx) => indexDocument(trx, input));
  }
  remember("product-jasmine", (await product(tenants.korat, { nameTh: "ข้าวหอมมะลิอินทรีย์ 5 กก.", nameEn: "Organic jasmine rice", categoryId: "rice", descriptionTh: "ข้าวหอมมะลิใหม่จากทุ่งโนนสูง" })).id);
  remember("product-hidden", (await product(tenants.korat, { nameTh: "ข้าวหอมมะลิ ล็อตทดลอง", status: "hidden", categoryId: "rice" })).id);
  remember("product-silk", (await product(tenants.silk, { nameTh: "ผ้าไหมมัดหมี่ลายนาค", categoryId: "textiles" })).id);
  remember("product-suspended", (await product(tenants.suspended, { nameTh: "ข้าวกล้องหอมมะลิ", categoryId: "rice" })).id);
  await setTenant(tenants.suspended, { status: "suspended" });
});
afterAll(async () => {
  await t?.destroy();
});

describe(`Thai search relevance (${TEST_ENGINE})`, () => {
  it("finds the same top result with and without spaces", async () => {
    const spaced = await network("ปลูกข้าว หอมมะลิ");
    const joined = await network("ปลูกข้าวหอมมะลิ");
    expect(keys(spaced)[0]).toBe("rice-jasmine");
    expect(keys(joined)).toEqual(keys(spaced));
    expect(keys(spaced)).toContain("seminar-rice");
    // Every word must be there: the sticky-rice article has ปลูกข้าว but no หอมมะลิ.
    expect(keys(spaced)).not.toContain("rice-sticky");
    expect(spaced.fuzzy).toBe(false);
  });

  it("forgives misspellings through title similarity", async () => {
    const compost = await network("ปุ๋ยหมัด");
    expect(compost.fuzzy).toBe(true);
    expect(keys(compost).slice(0, 2).sort()).toEqual(["compost-home", "sage-compost"]);
    const cassava = await network("มันสัมปะหลัง");
    expect(keys(cassava).slice(0, 2).sort()).toEqual(["cassava-disease", "cassava-plant"]);
  });

  it("matches partial words", async () => {
    expect(keys(await network("หอมมะ"))).toContain("rice-jasmine");
    expect(keys(await network("ทุเรีย")).slice(0, 2).sort()).toEqual(["durian-care", "durian-market"]);
    expect(keys(await network("Compo"))[0]).toBe("compost-en");
  });

  it("understands English, and Thai and English mixed", async () => {
    const compost = keys(await network("compost"));
    expect(compost[0]).toBe("compost-en");
    expect(compost).toContain("compost-home"); // through the Thai ↔ English synonyms
    expect(keys(await network("durian")).slice(0, 2).sort()).toEqual(["durian-care", "durian-market"]);
    // The organic rice product (its English name says so) and the organic rice article.
    expect(keys(await network("ข้าว organic")).slice(0, 2).sort()).toEqual(["product-jasmine", "rice-organic"]);
    expect(keys(await network("LINE"))[0]).toBe("line-marketing");
    expect(keys(await network("บัญชี")).slice(0, 2).sort()).toEqual(["accounting", "accounting-home"]);
  });

  it("ranks title matches above body matches", async () => {
    const weaving = keys(await network("ทอผ้า"));
    expect(weaving.slice(0, 2).sort()).toEqual(["sage-silk", "silk-weave"]);
    expect(weaving).toContain("centre-chaiyaphum"); // "ทอผ้า" in its body only
  });

  it("never breaks on tsquery syntax in the input", async () => {
    for (const q of ["'", "''", "\\", "a:*", "!", "!!ข้าว", "&|", "(()", "ข้าว & | !", "<->", "ข้าว:*A", "'ข้าว' | 'x'", "ข้าว\u0000", "%_", "   ", ""]) {
      await expect(network(q), q).resolves.toBeDefined();
    }
    expect(keys(await network("\"ข้าว\" & (เหนียว)"))).toContain("rice-sticky");
    expect((await network("!!!")).total).toBe(0);
  });

  it("filters by kind, topic, crop and province, and counts each kind", async () => {
    const all = await network("ข้าว");
    expect(all.facets.article).toBeGreaterThan(5);
    expect(all.facets.product).toBe(1);
    expect(all.facets.centre).toBe(1);
    expect(all.total).toBe(Object.values(all.facets).reduce((a, b) => a + b, 0));
    const products = await network("ข้าว", { kinds: ["product"] });
    expect(keys(products)).toEqual(["product-jasmine"]);
    expect(products.facets).toEqual(all.facets);
    expect(products.items[0]).toMatchObject({ onCoopSite: true, coopSlug: "korat-search", path: `/products/${ids.get("product-jasmine")}` });
    const article = all.items.find((item) => keyOf.get(item.refId) === "rice-jasmine")!;
    expect(article).toMatchObject({ path: `/knowledge/korat-search/${ids.get("rice-jasmine")}`, onCoopSite: false, coopNameTh: "สหกรณ์ korat-search" });
    expect(keys(await network("ข้าว", { topic: "processing" }))).toEqual(["rice-mill"]);
    expect(keys(await network("มัด", { crop: "silk" }))).toEqual(expect.arrayContaining(["silk-weave", "product-silk"]));
    const korat = await network("ผ้าไหม", { provinceCode: 30 });
    expect(korat.items.every((item) => item.provinceCode === 30)).toBe(true);
    expect(keys(await network("ผ้าไหม", { provinceCode: 36 }))).toEqual(expect.arrayContaining(["silk-weave", "sage-silk", "product-silk"]));
  });

  it("pages through results in a stable order", async () => {
    const all = await network("ข้าว");
    const pages = [];
    for (let page = 1; page <= Math.ceil(all.total / 4); page++) pages.push(...keys(await network("ข้าว", { page, pageSize: 4 })));
    expect(pages).toEqual(keys(all));
    const beyond = await network("ข้าว", { page: 200, pageSize: 4 });
    expect(beyond.page).toBe(Math.ceil(all.total / 4));
  });

  it("highlights the query words in title and snippet", async () => {
    const [first] = (await network("ปุ๋ยหมัก")).items;
    expect(first!.titleSegments.some((s) => s.match && s.text.includes("ปุ๋ยหมัก"))).toBe(true);
    expect(first!.snippet.some((s) => s.match)).toBe(true);
  });
});

describe(`search isolation (${TEST_ENGINE})`, () => {
  it("keeps unshared content, suspended co-ops and hidden products off the network", async () => {
    const found = keys(await network("ปุ๋ยหมัก"));
    expect(found).not.toContain("compost-secret");
    expect(found).not.toContain("compost-suspended");
    const rice = keys(await network("ข้าวหอมมะลิ"));
    expect(rice).not.toContain("product-hidden");
    expect(rice).not.toContain("product-suspended");
    expect(keys(await network("เสวนาตลาดผ้าไหม"))).not.toContain("seminar-cancelled");
  });

  it("searches a co-op's own site, shared or not, and never another co-op's", async () => {
    const own = keys(await searchSite(db, tenants.korat, { q: "ปุ๋ยหมัก", pageSize: 50 }));
    expect(own).toEqual(expect.arrayContaining(["compost-home", "compost-secret"]));
    expect(own).not.toContain("sage-compost"); // directory entries belong to the network
    expect(own).not.toContain("compost-suspended");
    const silk = keys(await searchSite(db, tenants.silk, { q: "ปุ๋ยหมัก", pageSize: 50 }));
    expect(silk).not.toContain("compost-secret");
    expect(silk).not.toContain("compost-home");
    expect(keys(await searchSite(db, tenants.silk, { q: "ตลาดผ้าไหม" }))).toContain("seminar-cancelled");
    expect(keys(await searchSite(db, tenants.korat, { q: "ตลาดผ้าไหม" }))).toEqual([]);
    const site = await searchSite(db, tenants.korat, { q: "ข้าวหอมมะลิ", kinds: ["product"] });
    expect(keys(site)).toEqual(["product-jasmine"]);
    expect(site.items[0]!.path).toBe(`/products/${ids.get("product-jasmine")}`);
  });

  it("follows a product through edits, archiving and restoring", async () => {
    const id = ids.get("product-silk")!;
    await updateProduct(db, tenants.silk, clerk, updateProductInput.parse({ productId: id, nameTh: "ผ้าไหมแพรวา ทอมือ" }));
    expect(keys(await network("แพรวา"))).toEqual(["product-silk"]);
    await archiveProduct(db, tenants.silk, clerk, id);
    expect(keys(await network("แพรวา"))).toEqual([]);
    expect(keys(await searchSite(db, tenants.silk, { q: "แพรวา" }))).toEqual([]);
    await restoreProduct(db, tenants.silk, clerk, id);
    expect(keys(await network("แพรวา"))).toEqual(["product-silk"]);
    await updateProduct(db, tenants.silk, clerk, updateProductInput.parse({ productId: id, status: "hidden" }));
    expect(keys(await network("แพรวา"))).toEqual([]);
  });

  it("rebuilds the product rows from the products", async () => {
    await withTenant(db, tenants.korat, (trx) => removeDocument(trx, "product", ids.get("product-jasmine")!));
    expect(keys(await network("ข้าวหอมมะลิ", { kinds: ["product"] }))).toEqual([]);
    const counts = await reindexAllProducts(db);
    expect(counts.products).toBe(4);
    expect(keys(await network("ข้าวหอมมะลิ", { kinds: ["product"] }))).toEqual(["product-jasmine"]);
    // A co-op activated again is found again, without reindexing.
    await setTenant(tenants.suspended, { status: "active" });
    expect(keys(await network("ข้าวกล้อง", { kinds: ["product"] }))).toEqual(["product-suspended"]);
    await setTenant(tenants.suspended, { status: "suspended" });
  });
});
