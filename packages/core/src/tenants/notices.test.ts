import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appErrorOf, makeCoop, makeUser } from "../orders/testing.ts";
import { sendTestOrderNotice } from "./notices.ts";
import { coopSettingsInput, getCoopSettings, updateCoopSettings } from "./settings.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let coop: string;
let other: string;
let owner: string;
const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/=wxyz";
const TARGET = `U${"0123456789abcdef".repeat(2)}`;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coop = await makeCoop(db, "notice-coop");
  other = await makeCoop(db, "notice-other");
  owner = await makeUser(db, "owner@notice.example", "สมชาย ใจดี");
});
afterAll(async () => {
  await t?.destroy();
});

const save = (patch: Record<string, unknown>, tenantId = coop) =>
  updateCoopSettings(db, { tenantId, actorUserId: owner, patch: coopSettingsInput.parse(patch) });

async function outbox(tenantId: string) {
  return withTenant(db, tenantId, (trx) =>
    trx.selectFrom("outbox").select(["kind", "payload"]).where("for_tenant_id", "=", tenantId).orderBy("id").execute(),
  );
}


describe("order notice settings", () => {
  it("saves the notice e-mail, LINE target and crops, and never reads the token back", async () => {
    const saved = await save({ orderEmail: "Orders@Coop.Example", lineChannelToken: TOKEN, lineNotifyUserId: TARGET, crops: ["rice", "cassava", "rice"] });
    expect(saved).toMatchObject({ orderEmail: "orders@coop.example", lineNotifyUserId: TARGET, lineChannelTokenLast4: "wxyz", crops: ["cassava", "rice"] });
    expect(JSON.stringify(saved)).not.toContain(TOKEN);
    expect(JSON.stringify(await getCoopSettings(db, coop))).not.toContain(TOKEN);
    // A blank token keeps the saved one; null removes it.
    expect((await save({ lineChannelToken: "" })).lineChannelTokenLast4).toBe("wxyz");
    const row = await db.selectFrom("tenants").select("line_channel_token").where("id", "=", coop).executeTakeFirstOrThrow();
    expect(row.line_channel_token).toBe(TOKEN);
    expect((await save({ lineChannelToken: null })).lineChannelTokenLast4).toBeNull();
    await save({ lineChannelToken: TOKEN });
  });

  it("refuses a malformed token or target and unknown crops", async () => {
    const parsed = coopSettingsInput.safeParse({ lineChannelToken: "short token", lineNotifyUserId: "Uxyz" });
    expect(Object.fromEntries((parsed.error?.issues ?? []).map((i) => [i.path.join("."), i.message]))).toEqual({
      lineChannelToken: "settings.notices.token_invalid",
      lineNotifyUserId: "settings.notices.target_invalid",
    });
    expect((await appErrorOf(save({ crops: ["not-a-crop"] }))).fields).toEqual({ crops: "validation.invalid" });
  });

  it("queues a test e-mail and LINE push through the outbox, for this co-op only", async () => {
    const result = await sendTestOrderNotice(db, { tenantId: coop, siteOrigin: "http://notice-coop.localhost:3000/" });
    expect(result).toEqual({ email: "orders@coop.example", line: true });
    const rows = await outbox(coop);
    expect(rows.map((r) => r.kind)).toEqual(["email", "line_push"]);
    expect(rows[0]!.payload).toMatchObject({ to: "orders@coop.example", template: "order_notice_test", params: { link: "http://notice-coop.localhost:3000/admin/settings#notices" } });
    expect(rows[1]!.payload).toMatchObject({ to: TARGET, messages: [{ type: "text" }] });
    // The token never sits in the outbox.
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
    expect(await outbox(other)).toEqual([]);
  });

  it("says so when nothing is set up to receive notices", async () => {
    expect(await appErrorOf(sendTestOrderNotice(db, { tenantId: other, siteOrigin: "http://x.localhost" }))).toMatchObject({
      code: "VALIDATION", messageKey: "settings.notices.nothing_to_test",
    });
  });
});
