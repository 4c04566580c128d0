import { findTenantBySlug, type PublicTenant } from "@coop/core";
import { withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site } from "./site.ts";
import { testCaller } from "./testing.ts";

let t: TestDatabase;
let coopA: PublicTenant;
let coopB: PublicTenant;

async function makeCoop(slug: string, status: "active" | "suspended" | "pending", products: Array<[string, "available" | "hidden"]>) {
  const { id } = await t.db
    .insertInto("tenants")
    .values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status })
    .returning("id")
    .executeTakeFirstOrThrow();
  await withTenant(t.db, id, async (trx) => {
    for (const [name, productStatus] of products) {
      await trx.insertInto("products").values({ tenant_id: id, name_th: name, price_satang: 4500, unit: "kg", stock: 3, status: productStatus }).execute();
    }
  });
  return (await findTenantBySlug(t.db, slug))!;
}

type Caller = Awaited<ReturnType<typeof testCaller>>;
const callers = new Map<string, Caller>();
let caller: (site: Site) => Caller;

beforeAll(async () => {
  t = await createTestDatabase();
  coopA = await makeCoop("coop-a", "active", [["ข้าว A", "available"], ["ซ่อน A", "hidden"]]);
  coopB = await makeCoop("coop-b", "active", [["ข้าว B", "available"]]);
  await makeCoop("coop-off", "suspended", [["ของปิด", "available"]]);
  await makeCoop("coop-wait", "pending", []);
  const sites: Site[] = [{ kind: "network" }, { kind: "unknown", slug: "nope" }, { kind: "coop", tenant: coopA }, { kind: "coop", tenant: coopB }, { kind: "suspended", tenant: coopA }, { kind: "suspended", tenant: coopB }];
  for (const site of sites) callers.set(JSON.stringify(site), await testCaller(t.db, site));
  caller = (site) => callers.get(JSON.stringify(site))!;
});
afterAll(async () => {
  await t?.destroy();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

describe("site.current", () => {
  it("answers with the co-op of the Host and nothing else", async () => {
    expect((await caller({ kind: "coop", tenant: coopA }).site.current()).slug).toBe("coop-a");
    expect(await codeOf(caller({ kind: "network" }).site.current())).toBe("NOT_FOUND");
    expect(await codeOf(caller({ kind: "unknown", slug: "nope" }).site.current())).toBe("NOT_FOUND");
    expect(await codeOf(caller({ kind: "suspended", tenant: coopA }).site.current())).toBe("NOT_FOUND");
  });
});

describe("catalog.listPublicProducts", () => {
  it("lists the Host co-op's visible products only", async () => {
    const a = await caller({ kind: "coop", tenant: coopA }).catalog.listPublicProducts();
    expect(a.items.map((p) => p.nameTh)).toEqual(["ข้าว A"]);
    const b = await caller({ kind: "coop", tenant: coopB }).catalog.listPublicProducts();
    expect(b.items.map((p) => p.nameTh)).toEqual(["ข้าว B"]);
  });

  it("takes no tenant from the client: extra input cannot select another co-op", async () => {
    const sneaky = { limit: 10, offset: 0, tenantId: coopB.id } as unknown as { limit: number };
    const a = await caller({ kind: "coop", tenant: coopA }).catalog.listPublicProducts(sneaky);
    expect(a.items.every((p) => p.nameTh.endsWith("A"))).toBe(true);
  });

  it("refuses unbounded pages and non-co-op hosts", async () => {
    expect(await codeOf(caller({ kind: "coop", tenant: coopA }).catalog.listPublicProducts({ limit: 5000 }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller({ kind: "network" }).catalog.listPublicProducts())).toBe("NOT_FOUND");
    expect(await codeOf(caller({ kind: "suspended", tenant: coopB }).catalog.listPublicProducts())).toBe("NOT_FOUND");
  });
});

describe("catalog.listPublicProducts photos", () => {
  it("gives each product its first photo with a srcset of its WebP variants", async () => {
    const product = await withTenant(t.db, coopA.id, (trx) =>
      trx.selectFrom("products").select("id").where("name_th", "=", "ข้าว A").executeTakeFirstOrThrow(),
    );
    const variants = (name: string) => JSON.stringify([320, 640, 1280].map((width) => ({ width, key: `t/${coopA.id}/p/${name}-${width}.webp` })));
    await withTenant(t.db, coopA.id, (trx) =>
      trx
        .insertInto("product_photos")
        .values([
          { tenant_id: coopA.id, product_id: product.id, position: 1, storage_key: "second", width: 1600, height: 1200, variants: variants("second") },
          { tenant_id: coopA.id, product_id: product.id, position: 0, storage_key: "first", width: 1600, height: 1200, variants: variants("first") },
        ])
        .execute(),
    );
    const { items } = await caller({ kind: "coop", tenant: coopA }).catalog.listPublicProducts();
    expect(items[0]?.photo).toEqual({
      width: 1600,
      height: 1200,
      src: `/media/t/${coopA.id}/p/first-640.webp`,
      srcSet: [320, 640, 1280].map((w) => `/media/t/${coopA.id}/p/first-${w}.webp ${w}w`).join(", "),
    });
    const b = await caller({ kind: "coop", tenant: coopB }).catalog.listPublicProducts();
    expect(b.items.every((p) => p.photo === null)).toBe(true);
  });
});

describe("network.listCoops", () => {
  it("lists active co-ops only, with province and region", async () => {
    const { items } = await caller({ kind: "network" }).network.listCoops();
    expect(items.map((c) => c.slug).sort()).toEqual(["coop-a", "coop-b"]);
    expect(items[0]?.province.nameTh).toBe("นครราชสีมา");
    expect(items[0]?.region.id).toBe(5);
  });
});
