import { createCentre, findTenantBySlug, proposeCentreLink } from "@coop/core";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorInfo } from "../../errors.ts";
import type { Site } from "../../site.ts";
import { refusal, testCaller } from "../../testing.ts";

let t: TestDatabase;
let db: Kysely<Database>;
const network: Site = { kind: "network" };
let korat: string; // region 5
let khonKaen: string; // region 7
let staff5: string;
let owner: string;
let centreKorat: string;
let centreKK: string;

async function makeUser(email: string, name: string): Promise<string> {
  return (await db.insertInto("users").values({ email, display_name: name, password_hash: "not-a-real-hash" }).returning("id").executeTakeFirstOrThrow()).id;
}

const meeting = (tenantId: string, centreId: string) => ({ tenantId, centreId, heldOn: "2026-09-09", place: "ศาลา ศพก.", attendees: "สมาชิก 12 คน", attendeeCount: "12" });
const staffLogCount = async () => Number((await db.selectFrom("staff_audit_events").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
const linkStatus = async (tenantId: string, centreId: string) =>
  (await withTenant(db, tenantId, (trx) => trx.selectFrom("centre_links").select("status").where("centre_id", "=", centreId).executeTakeFirst()))?.status;
const meetingCount = async (tenantId: string) =>
  (await withTenant(db, tenantId, (trx) => trx.selectFrom("joint_meetings").select("id").where("tenant_id", "=", tenantId).execute())).length;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  korat = (await db.insertInto("tenants").values({ slug: "cn-korat", name_th: "สหกรณ์ โคราช", province_code: 30, region_id: 5, status: "active" }).returning("id").executeTakeFirstOrThrow()).id;
  khonKaen = (await db.insertInto("tenants").values({ slug: "cn-kk", name_th: "สหกรณ์ ขอนแก่น", province_code: 40, region_id: 7, status: "active" }).returning("id").executeTakeFirstOrThrow()).id;
  staff5 = await makeUser("staff5@example.test", "เจ้าหน้าที่ 5");
  owner = await makeUser("owner@example.test", "เจ้าของ");
  await db.insertInto("staff_regions").values({ user_id: staff5, region_id: 5 }).execute();
  await withTenant(db, korat, (trx) => trx.insertInto("memberships").values({ tenant_id: korat, user_id: owner, role: "owner" }).execute());
  centreKorat = (await createCentre(db, { code: "CN-30", nameTh: "ศพก. โคราช", provinceCode: 30, districtTh: "เมือง", mainCrops: [] })).id;
  centreKK = (await createCentre(db, { code: "CN-40", nameTh: "ศพก. ขอนแก่น", provinceCode: 40, districtTh: "เมือง", mainCrops: [] })).id;
  await proposeCentreLink(db, korat, owner, { centreId: centreKorat, note: null });
  await proposeCentreLink(db, khonKaen, owner, { centreId: centreKK, note: null });
  // Region 7's link is already confirmed, so only the region check can stop a meeting there.
  await withTenant(db, khonKaen, (trx) => trx.updateTable("centre_links").set({ status: "confirmed" }).where("centre_id", "=", centreKK).execute());
});
afterAll(async () => t?.destroy());

describe("staff coop-network procedures", () => {
  it("refuses anyone who is not staff, and answers on the network host only", async () => {
    for (const caller of [await testCaller(db, network), await testCaller(db, network, { userId: owner })]) {
      const codes = await Promise.all([
        refusal(caller.staff.links({})), refusal(caller.staff.decideLink({ tenantId: korat, centreId: centreKorat, decision: "confirmed" })),
        refusal(caller.staff.meetings({})), refusal(caller.staff.recordMeeting(meeting(korat, centreKorat))), refusal(caller.staff.linkOptions({})),
        refusal(caller.staff.importCentres({ csv: "code,name_th,province,district_th\nZ-1,ศพก.,30,เมือง\n", dryRun: false })),
      ]);
      for (const code of codes) expect(code).toMatch(/^(UNAUTHORIZED|FORBIDDEN):auth\./);
    }
    const onCoop = await testCaller(db, { kind: "coop", tenant: (await findTenantBySlug(db, "cn-korat"))! }, { userId: staff5 });
    expect(await refusal(onCoop.staff.links({}))).toBe("NOT_FOUND:site.not_found");
    expect(await refusal(onCoop.staff.decideLink({ tenantId: korat, centreId: centreKorat, decision: "confirmed" }))).toBe("NOT_FOUND:site.not_found");
    expect(await linkStatus(korat, centreKorat)).toBe("proposed");
    expect(await db.selectFrom("learning_centres").select("id").where("code", "=", "Z-1").executeTakeFirst()).toBeUndefined();
    expect(await staffLogCount()).toBe(0);
  });

  it("never shows or changes a region-7 co-op's links or meetings for region-5 staff, by any id", async () => {
    const caller = await testCaller(db, network, { userId: staff5 });
    expect((await caller.staff.links({})).items.map((l) => l.tenantId)).toEqual([korat]);
    expect((await caller.staff.linkOptions({})).coops).toEqual([]);
    for (const tenantId of [khonKaen, randomUUID()]) {
      expect(await refusal(caller.staff.links({ tenantId }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
      expect(await refusal(caller.staff.meetings({ tenantId }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
      expect(await refusal(caller.staff.linkOptions({ tenantId }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
      expect(await refusal(caller.staff.decideLink({ tenantId, centreId: centreKK, decision: "declined" }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
      expect(await refusal(caller.staff.recordMeeting(meeting(tenantId, centreKK)))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    }
    // Own co-op with the other region's centre: no such link of this co-op.
    expect(await refusal(caller.staff.decideLink({ tenantId: korat, centreId: centreKK, decision: "confirmed" }))).toBe("NOT_FOUND:directory.errors.link_not_found");
    expect(await refusal(caller.staff.recordMeeting(meeting(korat, centreKK)))).toBe("BAD_REQUEST:directory.errors.meeting_needs_link");
    expect(await linkStatus(khonKaen, centreKK)).toBe("confirmed");
    expect(await meetingCount(khonKaen)).toBe(0);
    expect(await meetingCount(korat)).toBe(0);
    expect(await staffLogCount()).toBe(0);
  });

  it("refuses bad input as a bad request with field messages", async () => {
    const caller = await testCaller(db, network, { userId: staff5 });
    expect(await refusal(caller.staff.links({ pageSize: 5000 }))).toBe("BAD_REQUEST:validation.invalid");
    expect(await refusal(caller.staff.links({ status: "pending" as "proposed" }))).toBe("BAD_REQUEST:validation.invalid");
    expect(await refusal(caller.staff.decideLink({ tenantId: "../../etc", centreId: centreKorat, decision: "confirmed" }))).toBe("BAD_REQUEST:validation.invalid");
    expect(await refusal(caller.staff.importCentres({ csv: 42 as unknown as string }))).toBe("BAD_REQUEST:validation.invalid");
    try {
      await caller.staff.recordMeeting({ ...meeting(korat, centreKorat), heldOn: "9/9/2569", attendees: "" });
      expect.unreachable();
    } catch (error) {
      expect(errorInfo(error)).toMatchObject({ code: "BAD_REQUEST", fields: { heldOn: "directory.errors.date_invalid", attendees: "validation.required" } });
    }
    expect(await staffLogCount()).toBe(0);
  });

  it("confirms a link, records a meeting and imports centres, each in the staff audit log", async () => {
    const caller = await testCaller(db, network, { userId: staff5 });
    expect(await caller.staff.decideLink({ tenantId: korat, centreId: centreKorat, decision: "confirmed", note: "" })).toEqual({ tenantId: korat, centreId: centreKorat, status: "confirmed" });
    expect((await caller.staff.linkOptions({ tenantId: korat })).centres.map((c) => c.id)).toEqual([centreKorat]);
    const { id } = await caller.staff.recordMeeting(meeting(korat, centreKorat));
    expect((await caller.staff.meetings({})).items).toMatchObject([{ id, tenantId: korat, attendeeCount: 12, recordedByStaff: true }]);
    const dry = await caller.staff.importCentres({ csv: "code,name_th,province,district_th\nZ-1,ศพก. ใหม่,30,เมือง\n" });
    expect(dry).toMatchObject({ ok: true, dryRun: true, created: 1, preview: [{ row: 2, code: "Z-1", action: "create" }] });
    await caller.staff.importCentres({ csv: "code,name_th,province,district_th\nZ-1,ศพก. ใหม่,30,เมือง\n", dryRun: false });
    const log = await db.selectFrom("staff_audit_events").select(["action", "subject_tenant_id", "actor_user_id"]).orderBy("created_at").execute();
    expect(log).toEqual([
      { action: "centre_link.confirm", subject_tenant_id: korat, actor_user_id: staff5 },
      { action: "joint_meeting.record", subject_tenant_id: korat, actor_user_id: staff5 },
      { action: "centre.import", subject_tenant_id: null, actor_user_id: staff5 },
    ]);
  });
});
