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
});
