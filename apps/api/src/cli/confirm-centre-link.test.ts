import { proposeCentreLink, seedDemoDirectory } from "@coop/core";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCentreLinks } from "./confirm-centre-link.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insertInto("tenants").values([
    { slug: "cli-isan", name_th: "สหกรณ์อีสาน", province_code: 30, region_id: 5, status: "active" },
    { slug: "cli-north", name_th: "สหกรณ์เหนือ", province_code: 50, region_id: 11, status: "active" },
  ]).execute();
  await seedDemoDirectory(t.db);
  const [staff] = await t.db.insertInto("users").values({ email: "staff@example.com", display_name: "Staff", password_hash: "x" }).returning("id").execute();
  await t.db.insertInto("staff_regions").values({ user_id: staff!.id, region_id: 5 }).execute();
  await t.db.insertInto("users").values({ email: "nobody@example.com", display_name: "No", password_hash: "x" }).execute();
  const centre = await t.db.selectFrom("learning_centres").select("id").where("code", "=", "NMA-PHIMAI-01").executeTakeFirstOrThrow();
  for (const slug of ["cli-isan", "cli-north"]) {
    const tenant = await t.db.selectFrom("tenants").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
    await proposeCentreLink(t.db, tenant.id, staff!.id, { centreId: centre.id, note: null });
  }
});
afterAll(async () => t.destroy());

describe("centres:links", () => {
  it("lists and confirms proposals in the staff member's region only", async () => {
    const out: string[] = [];
    expect(await runCentreLinks(t.db, ["staff@example.com"], (s) => out.push(s))).toBe(0);
    expect(out.join("\n")).toContain("cli-isan → ศพก. อำเภอพิมาย");
    expect(out.join("\n")).not.toContain("cli-north");
    expect(await runCentreLinks(t.db, ["staff@example.com", "confirm", "cli-north", "NMA-PHIMAI-01"], (s) => out.push(s))).toBe(1);
    expect(out.at(-1)).toContain("link request was not found");
    expect(await runCentreLinks(t.db, ["staff@example.com", "confirm", "cli-isan", "NMA-PHIMAI-01"], (s) => out.push(s))).toBe(0);
    expect(out.at(-1)).toBe("cli-isan → NMA-PHIMAI-01: confirmed.");
    expect(await runCentreLinks(t.db, ["nobody@example.com"], (s) => out.push(s))).toBe(1);
    expect(await runCentreLinks(t.db, ["staff@example.com", "maybe"], (s) => out.push(s))).toBe(2);
  });
});
