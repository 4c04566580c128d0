import { withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SiteResolver } from "./site-resolver.ts";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  for (const [slug, status] of [["sr-open", "active"], ["sr-new", "pending"], ["sr-closed", "suspended"]] as const) {
    await t.db.insertInto("tenants").values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status }).execute();
  }
});
afterAll(async () => t?.destroy());

describe("SiteResolver", () => {
  it("closes the public site of pending and suspended co-ops but keeps the co-op (its back office stays reachable)", async () => {
    const sites = new SiteResolver(t.db, "localhost", 0);
    expect(await sites.resolve("sr-open.localhost:3000")).toMatchObject({ kind: "coop", tenant: { status: "active" } });
    expect(await sites.resolve("sr-new.localhost:3000")).toMatchObject({ kind: "suspended", tenant: { slug: "sr-new", status: "pending" } });
    expect(await sites.resolve("sr-closed.localhost:3000")).toMatchObject({ kind: "suspended", tenant: { status: "suspended" } });
    expect(await sites.resolve("sr-none.localhost:3000")).toEqual({ kind: "unknown", slug: "sr-none" });
  });

  it("serves a status change at once where `forget` is called, otherwise after the cache time", async () => {
    const sites = new SiteResolver(t.db, "localhost", 60_000);
    expect((await sites.resolve("sr-open.localhost:3000")).kind).toBe("coop");
    const { id } = await t.db.selectFrom("tenants").select("id").where("slug", "=", "sr-open").executeTakeFirstOrThrow();
    // A co-op's own row is written as that co-op (row-level security).
    await withTenant(t.db, id, (trx) => trx.updateTable("tenants").set({ status: "suspended" }).where("id", "=", id).execute());
    expect((await sites.resolve("sr-open.localhost:3000")).kind).toBe("coop"); // cached
    sites.forget("sr-open");
    expect((await sites.resolve("sr-open.localhost:3000")).kind).toBe("suspended");
  });

  it("routes a verified custom domain to its co-op; an unverified or unknown one stays unknown; a change shows where `forget` is called", async () => {
    const { id } = await t.db.selectFrom("tenants").select("id").where("slug", "=", "sr-new").executeTakeFirstOrThrow();
    await t.db.insertInto("custom_domains").values({ domain: "shop.sr-new.or.th", coop_id: id, verification_token: "t".repeat(43) }).execute();
    const sites = new SiteResolver(t.db, "localhost", 60_000);
    expect(await sites.resolve("shop.sr-new.or.th")).toEqual({ kind: "unknown", slug: "shop.sr-new.or.th" });
    expect(await sites.resolve("elsewhere.example.th:443")).toEqual({ kind: "unknown", slug: "elsewhere.example.th" });
    expect(await sites.resolve("not a host")).toMatchObject({ kind: "unknown" });

    await t.db.updateTable("custom_domains").set({ verified_at: new Date() }).where("domain", "=", "shop.sr-new.or.th").execute();
    expect((await sites.resolve("shop.sr-new.or.th")).kind).toBe("unknown"); // cached
    sites.forget("shop.sr-new.or.th");
    expect(await sites.resolve("SHOP.sr-new.or.th:443")).toMatchObject({ kind: "suspended", tenant: { slug: "sr-new", status: "pending" } });

    // A status change is forgotten by slug: the co-op's custom domain follows at once too.
    await withTenant(t.db, id, (trx) => trx.updateTable("tenants").set({ status: "active" }).where("id", "=", id).execute());
    sites.forget("sr-new");
    expect(await sites.resolve("shop.sr-new.or.th")).toMatchObject({ kind: "coop", tenant: { slug: "sr-new" } });
    expect(await sites.resolve("sr-new.localhost")).toMatchObject({ kind: "coop", tenant: { slug: "sr-new" } });

    await t.db.deleteFrom("custom_domains").where("domain", "=", "shop.sr-new.or.th").execute();
    sites.forget("shop.sr-new.or.th");
    expect((await sites.resolve("shop.sr-new.or.th")).kind).toBe("unknown");
  });
});
