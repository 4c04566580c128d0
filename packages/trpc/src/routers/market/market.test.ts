import { createProduct, createProductInput, findTenantBySlug } from "@coop/core";
import { type Database, type Kysely, sql } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusal, testCaller } from "../../testing.ts";

let t: TestDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  const user = await db.insertInto("users").values({ email: "m@example.test", display_name: "ผู้ขาย", password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
  for (const [slug, status] of [["tm-open", "active"], ["tm-shut", "active"]] as const) {
    const { id } = await db.insertInto("tenants").values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status }).returning("id").executeTakeFirstOrThrow();
    await sql`INSERT INTO memberships (tenant_id, user_id, role) VALUES (${id}, ${user.id}, 'owner')`.execute(t.owner());
    await createProduct(db, id, user.id, createProductInput.parse({ nameTh: `ข้าวของ ${slug}`, price: "100", unit: "kg", categoryId: "rice", initialStock: "5" }));
  }
  await sql`UPDATE tenants SET status = 'suspended' WHERE slug = 'tm-shut'`.execute(t.owner());
});
afterAll(async () => t?.destroy());

describe("market procedures", () => {
  it("list the products of active co-ops on the network and on a co-op's host alike", async () => {
    const open = (await findTenantBySlug(db, "tm-open"))!;
    for (const site of [{ kind: "network" } as const, { kind: "coop", tenant: open } as const]) {
      const page = await (await testCaller(db, site)).market.list({ q: "ข้าว" });
      expect(page.items.map((p) => p.coop.slug)).toEqual(["tm-open"]);
    }
    const options = await (await testCaller(db, { kind: "network" })).market.options();
    expect(options.coops.map((c) => c.slug)).toEqual(["tm-open"]);
  });

  it("answer bad input with a validation error, never a crash", async () => {
    const caller = await testCaller(db, { kind: "network" });
    expect(await refusal(caller.market.list({ pageSize: 500 }))).toBe("BAD_REQUEST:validation.invalid");
    expect(await refusal(caller.market.list({ sort: "cheapest" as never }))).toBe("BAD_REQUEST:validation.invalid");
    expect(await refusal(caller.market.list({ q: "ข".repeat(500) }))).toBe("BAD_REQUEST:validation.invalid");
  });
});
