import { findTenantBySlug } from "@coop/core";
import { type Database, type Kysely, type MemberRole, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorInfo } from "../../errors.ts";
import type { Site } from "../../site.ts";
import { testCaller } from "../../testing.ts";

let t: TestDatabase;
let db: Kysely<Database>;
const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd";

async function failure(promise: Promise<unknown>): Promise<{ code: string; key: string }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const info = errorInfo(error);
    return { code: info.code, key: info.messageKey };
  }
  throw new Error("expected a failure");
}

async function makeCoop(slug: string) {
  const row = await db.insertInto("tenants").values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status: "active" }).returning("id").executeTakeFirstOrThrow();
  const user = async (role: MemberRole) => {
    const u = await db.insertInto("users").values({ email: `${role}-${slug}@example.test`, display_name: role, password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
    await withTenant(db, row.id, (trx) => trx.insertInto("memberships").values({ tenant_id: row.id, user_id: u.id, role }).execute());
    return u.id;
  };
  const tenant = (await findTenantBySlug(db, slug))!;
  return { id: row.id, site: { kind: "coop", tenant } as Site, manager: await user("manager"), editor: await user("editor") };
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
});
afterAll(async () => {
  await t?.destroy();
});

describe("settings: order notices", () => {
  it("saves the LINE token write-only, sends a test through the outbox, and stays within the co-op", async () => {
    const a = await makeCoop("notice-a");
    const b = await makeCoop("notice-b");
    const manager = await testCaller(db, a.site, { userId: a.manager });
    const saved = await manager.settings.update({ orderEmail: "orders@a.example", lineChannelToken: TOKEN, lineNotifyUserId: `C${"ab".repeat(16)}`, crops: ["rice"] });
    expect(saved).toMatchObject({ lineChannelTokenLast4: "abcd", orderEmail: "orders@a.example", crops: ["rice"] });
    expect(JSON.stringify(saved)).not.toContain(TOKEN);
    expect(JSON.stringify(await manager.settings.get())).not.toContain(TOKEN);

    expect(await manager.settings.testNotice()).toEqual({ email: "orders@a.example", line: true });
    const queued = await withTenant(db, a.id, (trx) => trx.selectFrom("outbox").select("kind").where("for_tenant_id", "=", a.id).execute());
    expect(queued.map((r) => r.kind).sort()).toEqual(["email", "line_push"]);

    // Editors may not; a member of A on B's site may not; B has nothing set up.
    expect((await failure((await testCaller(db, a.site, { userId: a.editor })).settings.testNotice())).code).toBe("FORBIDDEN");
    expect((await failure((await testCaller(db, b.site, { userId: a.manager })).settings.testNotice())).code).toBe("FORBIDDEN");
    expect(await failure((await testCaller(db, b.site, { userId: b.manager })).settings.testNotice())).toEqual({ code: "BAD_REQUEST", key: "settings.notices.nothing_to_test" });
    expect((await (await testCaller(db, b.site, { userId: b.manager })).settings.get()).lineChannelTokenLast4).toBeNull();
  });

  it("limits test messages to 5 in 10 minutes per co-op", async () => {
    const c = await makeCoop("notice-c");
    const manager = await testCaller(db, c.site, { userId: c.manager });
    await manager.settings.update({ orderEmail: "orders@c.example" });
    for (let i = 0; i < 5; i++) await manager.settings.testNotice();
    expect(await failure(manager.settings.testNotice())).toEqual({ code: "TOO_MANY_REQUESTS", key: "settings.notices.rate_limited" });
  });
});
