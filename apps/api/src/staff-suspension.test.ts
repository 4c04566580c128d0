import { loadStaffScope, restoreCoop, suspendCoop } from "@coop/core";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SiteResolver } from "./site-resolver.ts";

let t: TestDatabase;
let tenantId: string;
let staffId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  tenantId = (await t.db.insertInto("tenants").values({ slug: "susp-coop", name_th: "สหกรณ์ทดสอบการระงับ", province_code: 30, region_id: 5 }).returning("id").executeTakeFirstOrThrow()).id;
  staffId = (await t.db.insertInto("users").values({ email: "s@example.th", display_name: "S", password_hash: "x" }).returning("id").executeTakeFirstOrThrow()).id;
  await t.db.insertInto("staff_regions").values({ user_id: staffId, region_id: 5 }).execute();
});
afterAll(async () => t?.destroy());

describe("a staff suspension on the co-op's site", () => {
  it("turns the site into the suspended notice, and back when restored", async () => {
    const sites = new SiteResolver(t.db, "localhost", 0);
    const scope = (await loadStaffScope(t.db, staffId))!;
    expect((await sites.resolve("susp-coop.localhost:3000")).kind).toBe("coop");
    await suspendCoop(t.db, scope, { tenantId, reason: "ตรวจสอบข้อร้องเรียน" });
    expect((await sites.resolve("susp-coop.localhost:3000")).kind).toBe("suspended");
    await restoreCoop(t.db, scope, tenantId);
    expect((await sites.resolve("susp-coop.localhost:3000")).kind).toBe("coop");
  });
});
