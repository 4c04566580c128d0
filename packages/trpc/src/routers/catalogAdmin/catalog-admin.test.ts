import { findTenantBySlug, type PublicTenant } from "@coop/core";
import { type Database, type Kysely, type MemberRole, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site } from "../../site.ts";
import { testContext } from "../../testing.ts";
import { createCallerFactory, router } from "../../trpc.ts";
import { dashboardRouter } from "../dashboard/index.ts";
import { catalogAdminRouter } from "./index.ts";

// The routers under test, mounted as root.ts mounts them.
const createCaller = createCallerFactory(router({ catalogAdmin: catalogAdminRouter, dashboard: dashboardRouter }));
type Caller = ReturnType<typeof createCaller>;

let t: TestDatabase;
let db: Kysely<Database>;
let coopA: PublicTenant;
let coopB: PublicTenant;
const users: Record<"managerA" | "editorA" | "ownerB" | "outsider", string> = { managerA: "", editorA: "", ownerB: "", outsider: "" };
let productA: string;
let productB: string;
let archivedB: string;

async function makeCoop(slug: string): Promise<PublicTenant> {
  await db.insertInto("tenants").values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status: "active" }).execute();
  return (await findTenantBySlug(db, slug))!;
}

async function makeUser(email: string, name: string, membership?: [PublicTenant, MemberRole]): Promise<string> {
  const { id } = await db.insertInto("users").values({ email, display_name: name, password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
  if (membership) {
    const [tenant, role] = membership;
    await withTenant(db, tenant.id, (trx) => trx.insertInto("memberships").values({ tenant_id: tenant.id, user_id: id, role }).execute());
  }
  return id;
}

async function caller(tenant: PublicTenant | null, userId?: string): Promise<Caller> {
  const site: Site = tenant ? { kind: "coop", tenant } : { kind: "network" };
  return createCaller(await testContext(db, site, userId ? { userId } : {}));
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

/** Everything of co-op B that A's calls must never change. */
async function snapshotB() {
  return withTenant(db, coopB.id, async (trx) => ({
    products: await trx.selectFrom("products").selectAll().orderBy("id").execute(),
    movements: await trx.selectFrom("stock_movements").selectAll().orderBy("id").execute(),
    audit: await trx.selectFrom("audit_events").select(["id", "action"]).orderBy("id").execute(),
  }));
}

const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-06`;

/** One call of every procedure, aimed at `id`. */
const CALLS: Record<string, (c: Caller, id: string) => Promise<unknown>> = {
  "catalogAdmin.list": (c) => c.catalogAdmin.list({ q: "ของ B" }),
  "catalogAdmin.get": (c, id) => c.catalogAdmin.get({ productId: id }),
  "catalogAdmin.create": (c) => c.catalogAdmin.create({ nameTh: "สินค้าใหม่", price: "10", unit: "kg", initialStock: "1" }),
  "catalogAdmin.update": (c, id) => c.catalogAdmin.update({ productId: id, nameTh: "ถูกแก้", price: "1" }),
  "catalogAdmin.archive": (c, id) => c.catalogAdmin.archive({ productId: id }),
  "catalogAdmin.restore": (c, id) => c.catalogAdmin.restore({ productId: id }),
  "catalogAdmin.adjustStock": (c, id) => c.catalogAdmin.adjustStock({ productId: id, delta: -1, reason: "ทดสอบ" }),
  "catalogAdmin.stockHistory": (c, id) => c.catalogAdmin.stockHistory({ productId: id }),
  "catalogAdmin.categories": (c) => c.catalogAdmin.categories(),
  "dashboard.get": (c) => c.dashboard.get(),
};

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coopA = await makeCoop("coop-a");
  coopB = await makeCoop("coop-b");
  users.managerA = await makeUser("manager-a@example.com", "ผู้จัดการ A", [coopA, "manager"]);
  users.editorA = await makeUser("editor-a@example.com", "บรรณาธิการ A", [coopA, "editor"]);
  users.ownerB = await makeUser("owner-b@example.com", "เจ้าของ B", [coopB, "owner"]);
  users.outsider = await makeUser("outsider@example.com", "คนนอก");

  const a = await caller(coopA, users.managerA);
  productA = (await a.catalogAdmin.create({ nameTh: "ของ A", price: "45", unit: "kg", initialStock: "10" })).id;
  const b = await caller(coopB, users.ownerB);
  productB = (await b.catalogAdmin.create({ nameTh: "ของ B", nameEn: "B goods", price: "99", unit: "bag", initialStock: "4", categoryId: "rice" })).id;
  archivedB = (await b.catalogAdmin.create({ nameTh: "ของ B เก็บแล้ว", price: "5", unit: "piece", initialStock: "2" })).id;
  await b.catalogAdmin.archive({ productId: archivedB });
});
afterAll(async () => {
  await t?.destroy();
});

describe("catalogAdmin and dashboard: tenant isolation", () => {
  it("a manager of co-op A on A's host cannot see or change co-op B's products through any procedure", async () => {
    const before = await snapshotB();
    const a = await caller(coopA, users.managerA);
    for (const id of [productB, archivedB]) {
      for (const name of ["catalogAdmin.get", "catalogAdmin.update", "catalogAdmin.archive", "catalogAdmin.restore", "catalogAdmin.adjustStock", "catalogAdmin.stockHistory"]) {
        expect(await codeOf(CALLS[name]!(a, id)), `${name}(${id === productB ? "productB" : "archivedB"})`).toBe("NOT_FOUND");
      }
    }

    const searched = await a.catalogAdmin.list({ q: "ของ B", archived: "all" });
    expect(searched).toEqual({ items: [], total: 0 });
    const all = await a.catalogAdmin.list({ archived: "all", limit: 100 });
    expect(all.items.map((p) => p.id)).not.toContain(productB);
    expect(all.items.every((p) => !p.nameTh.includes("B"))).toBe(true);

    // Extra input naming another co-op is ignored: the co-op always comes from the Host.
    const sneaky = { nameTh: "ของแอบ", price: "1", unit: "kg", tenantId: coopB.id } as Parameters<Caller["catalogAdmin"]["create"]>[0];
    const created = await a.catalogAdmin.create(sneaky);
    expect((await a.catalogAdmin.get({ productId: created.id })).nameTh).toBe("ของแอบ");
    const sneakyList = { tenantId: coopB.id, archived: "all" } as Parameters<Caller["catalogAdmin"]["list"]>[0];
    expect((await a.catalogAdmin.list(sneakyList)).items.map((p) => p.id)).not.toContain(productB);

    const dashboard = await a.dashboard.get();
    expect(dashboard.lowStock.map((p) => p.id)).not.toContain(productB);
    expect(dashboard.productCounts.archived).toBe(0);

    const categories = await a.catalogAdmin.categories();
    expect(categories.items.some((c) => c.id === "rice")).toBe(true);

    expect(await snapshotB()).toEqual(before);
  });

  it("co-op B still sees its own data through the same procedures", async () => {
    const b = await caller(coopB, users.ownerB);
    expect((await b.catalogAdmin.get({ productId: productB })).nameTh).toBe("ของ B");
    expect((await b.catalogAdmin.stockHistory({ productId: productB })).items).toHaveLength(1);
    expect((await b.dashboard.get()).lowStock.map((p) => p.id)).toEqual([productB]);
    expect((await b.catalogAdmin.list({ archived: "archived" })).items.map((p) => p.id)).toEqual([archivedB]);
  });

  it("a signed-in user who is not a member gets FORBIDDEN from every procedure, a member of another co-op too", async () => {
    const before = await snapshotB();
    for (const userId of [users.outsider, users.ownerB]) {
      const c = await caller(coopA, userId);
      for (const [name, call] of Object.entries(CALLS)) expect(await codeOf(call(c, productA)), name).toBe("FORBIDDEN");
    }
    expect(await snapshotB()).toEqual(before);
  });

  it("signed-out callers get UNAUTHORIZED from every procedure", async () => {
    const c = await caller(coopA);
    for (const [name, call] of Object.entries(CALLS)) expect(await codeOf(call(c, productA)), name).toBe("UNAUTHORIZED");
  });

  it("nothing answers on the network host", async () => {
    const c = await caller(null, users.managerA);
    for (const [name, call] of Object.entries(CALLS)) expect(await codeOf(call(c, productA)), name).toBe("NOT_FOUND");
  });
});

describe("catalogAdmin: editors", () => {
  it("an editor can create, edit, adjust stock, archive and restore products, and see the dashboard", async () => {
    const c = await caller(coopA, users.editorA);
    const product = await c.catalogAdmin.create({ nameTh: "ผักสลัด", price: "25.50", unit: "pack", initialStock: "6", categoryId: "vegetables" });
    expect(product).toMatchObject({ priceSatang: 2550, stock: 6, status: "available" });
    const edited = await c.catalogAdmin.update({ productId: product.id, status: "coming_soon", expectedHarvest: NEXT_YEAR });
    expect(edited).toMatchObject({ status: "coming_soon", expectedHarvest: NEXT_YEAR });
    expect((await c.catalogAdmin.adjustStock({ productId: product.id, delta: "-6", reason: "ขายหมด" })).product.stock).toBe(0);
    expect((await c.catalogAdmin.archive({ productId: product.id })).archivedAt).not.toBeNull();
    expect((await c.catalogAdmin.restore({ productId: product.id })).archivedAt).toBeNull();
    const history = await c.catalogAdmin.stockHistory({ productId: product.id });
    expect(history.items[0]).toMatchObject({ delta: -6, stockAfter: 0, actor: { displayName: "บรรณาธิการ A" } });
    expect((await c.dashboard.get()).orders).toMatchObject({ today: { count: 0 }, month: { count: 0 } });
  });
});

describe("catalogAdmin: errors forms can show", () => {
  it("bad input is BAD_REQUEST carrying the field issues", async () => {
    const c = await caller(coopA, users.managerA);
    const error = await c.catalogAdmin.create({ nameTh: "", price: "12,50", unit: "kg" }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    const issues = ((error as TRPCError).cause as unknown as { issues: Array<{ path: string[]; message: string }> }).issues;
    expect(issues.map((i) => [i.path.join("."), i.message])).toEqual([["nameTh", "validation.required"], ["price", "catalog.price_invalid"]]);
  });

  it("taking more stock than there is is BAD_REQUEST with catalog.stock_negative on the delta field", async () => {
    const c = await caller(coopA, users.managerA);
    const error = await c.catalogAdmin.adjustStock({ productId: productA, delta: -1000, reason: "ผิดพลาด" }).then(() => null, (e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).cause).toMatchObject({ messageKey: "catalog.stock_negative", fields: { delta: "catalog.stock_negative" } });
  });
});
