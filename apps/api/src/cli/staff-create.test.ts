import { loadStaffScope, verifyPassword } from "@coop/core";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runStaffCreate } from "./staff-create.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await runStaffCreate(t.db, args, (text) => lines.push(text));
  return { code, out: lines.join("\n") };
}

describe("staff:create", () => {
  it("creates an administrator with a generated password printed once, stored as argon2id", async () => {
    const { code, out } = await run(["--email", "Admin@Example.th", "--name", "ผู้ดูแลระบบ", "--admin"]);
    expect(code).toBe(0);
    const password = /Password \(shown once, write it down\): (\S+)/.exec(out)![1]!;
    const user = await t.db.selectFrom("users").select(["id", "password_hash"]).where("email", "=", "admin@example.th").executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.password_hash, password)).toBe(true);
    expect((await loadStaffScope(t.db, user.id))!.isAdmin).toBe(true);
  });

  it("assigns regions to staff, and to an existing account without a new password", async () => {
    expect((await run(["--email", "staff@example.th", "--name", "เจ้าหน้าที่", "--region", "5"])).code).toBe(0);
    const again = await run(["--email", "staff@example.th", "--region", "7"]);
    expect(again.code).toBe(0);
    expect(again.out).not.toMatch(/Password/);
    const user = await t.db.selectFrom("users").select("id").where("email", "=", "staff@example.th").executeTakeFirstOrThrow();
    expect((await loadStaffScope(t.db, user.id))!.regionIds).toEqual([5, 7]);
  });

  it("refuses incomplete or unknown arguments with a message, writing nothing", async () => {
    expect((await run(["--email", "x@example.th", "--name", "X"])).out).toMatch(/staff.errors.region_or_admin/);
    expect((await run(["--email", "x@example.th", "--name", "X", "--region", "77"])).code).toBe(1);
    expect((await run(["--name", "X"])).code).toBe(2);
    expect((await run(["--email", "x@example.th", "--bogus"])).code).toBe(2);
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "x@example.th").executeTakeFirst()).toBeUndefined();
  });
});
