import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, auditActions, makeCoop, makeUser } from "../catalog/admin/testing.ts";
import { createCentre } from "../directory/centres.ts";
import { proposeCentreLink } from "../directory/links.ts";
import { AppError } from "../errors.ts";
import { listStaffLinks, listStaffMeetings, staffDecideLink, staffImportCentres, staffLinkOptions, staffRecordMeeting } from "./coop-network.ts";
import { loadStaffScope, type StaffScope } from "./scope.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let korat: string; // region 5, province 30
let buriram: string; // region 5, province 31
let khonKaen: string; // region 7
let owner: string;
let staff5: StaffScope;
let staff7: StaffScope;
let centreA: string;
let centreB: string;
let centreKK: string;

const centre = (code: string, provinceCode = 30) => ({ code, nameTh: `ศพก. ${code}`, provinceCode, districtTh: "เมือง", mainCrops: ["rice"] });
const meeting = (centreId: string) => ({ centreId, heldOn: "2026-10-01", place: "ศาลากลางบ้าน", attendees: "กรรมการ 7 คน", attendeeCount: "7", minutes: "", outcomes: "ตกลงแปลงสาธิต" });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return `${error.code}:${error.messageKey}`;
    throw error;
  }
}

const staffLog = (tenantId: string | null) =>
  tenantId === null
    ? db.selectFrom("staff_audit_events").selectAll().where("subject_tenant_id", "is", null).orderBy("created_at").execute()
    : db.selectFrom("staff_audit_events").selectAll().where("subject_tenant_id", "=", tenantId).orderBy("created_at").execute();

const linkStatus = async (tenantId: string, centreId: string) =>
  (await withTenant(db, tenantId, (trx) => trx.selectFrom("centre_links").select("status").where("tenant_id", "=", tenantId).where("centre_id", "=", centreId).executeTakeFirst()))?.status;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  korat = await makeCoop(db, "net-korat");
  buriram = (await db.insertInto("tenants").values({ slug: "net-buri", name_th: "สหกรณ์ บุรีรัมย์", province_code: 31, region_id: 5, status: "active" }).returning("id").executeTakeFirstOrThrow()).id;
  khonKaen = (await db.insertInto("tenants").values({ slug: "net-kk", name_th: "สหกรณ์ ขอนแก่น", province_code: 40, region_id: 7, status: "active" }).returning("id").executeTakeFirstOrThrow()).id;
  owner = await makeUser(db, "owner@example.com", "เจ้าของ");
  await addMember(db, korat, owner, "owner");
  const s5 = await makeUser(db, "staff5@example.com", "เจ้าหน้าที่ 5");
  const s7 = await makeUser(db, "staff7@example.com", "เจ้าหน้าที่ 7");
  await db.insertInto("staff_regions").values([{ user_id: s5, region_id: 5 }, { user_id: s7, region_id: 7 }]).execute();
  staff5 = (await loadStaffScope(db, s5))!;
  staff7 = (await loadStaffScope(db, s7))!;
  centreA = (await createCentre(db, centre("N-A"))).id;
  centreB = (await createCentre(db, centre("N-B", 31))).id;
  centreKK = (await createCentre(db, centre("N-KK", 40))).id;
  await proposeCentreLink(db, korat, owner, { centreId: centreA, note: "อยากทำแปลงสาธิต" });
  await proposeCentreLink(db, korat, owner, { centreId: centreB, note: null });
  await proposeCentreLink(db, buriram, owner, { centreId: centreB, note: null });
  await proposeCentreLink(db, khonKaen, owner, { centreId: centreKK, note: null });
});
afterAll(async () => t?.destroy());

describe("staff link decisions", () => {
  it("lists proposals of the staff member's regions only, proposals first, filtered by co-op and province", async () => {
    const all = await listStaffLinks(db, staff5, {});
    expect(all.total).toBe(3);
    expect(all.counts).toEqual({ proposed: 3, confirmed: 0, declined: 0 });
    expect(all.items.every((l) => l.tenantId !== khonKaen)).toBe(true);
    // Oldest proposal first (the queue).
    expect(all.items[0]).toMatchObject({ tenantId: korat, centreId: centreA, note: "อยากทำแปลงสาธิต", tenantProvince: { code: 30 }, centreProvince: { code: 30 } });
    expect((await listStaffLinks(db, staff5, { provinceCode: 31 })).items.map((l) => l.tenantId)).toEqual([buriram]);
    expect((await listStaffLinks(db, staff5, { tenantId: korat })).total).toBe(2);
    expect((await listStaffLinks(db, staff5, { provinceCode: 40 })).total).toBe(0);
    const paged = await listStaffLinks(db, staff5, { pageSize: 2, page: 2 });
    expect(paged.items).toHaveLength(1);
    expect((await listStaffLinks(db, staff7, {})).items.map((l) => l.tenantId)).toEqual([khonKaen]);
  });

  it("refuses another region's co-op by id, as not found", async () => {
    expect(await codeOf(listStaffLinks(db, staff5, { tenantId: khonKaen }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    expect(await codeOf(staffDecideLink(db, staff5, { tenantId: khonKaen, centreId: centreKK, decision: "confirmed" }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    expect(await codeOf(staffDecideLink(db, staff5, { tenantId: randomUUID(), centreId: centreKK, decision: "confirmed" }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    expect(await linkStatus(khonKaen, centreKK)).toBe("proposed");
    expect(await staffLog(khonKaen)).toEqual([]);
  });

  it("confirms and declines with a note, audited for the co-op and in the staff log", async () => {
    await staffDecideLink(db, staff5, { tenantId: korat, centreId: centreA, decision: "confirmed" });
    await staffDecideLink(db, staff5, { tenantId: korat, centreId: centreB, decision: "declined", note: "  ศพก. อยู่ไกลเกินไป  " });
    expect(await linkStatus(korat, centreA)).toBe("confirmed");
    expect(await linkStatus(korat, centreB)).toBe("declined");
    const log = await staffLog(korat);
    expect(log.map((e) => [e.action, e.actor_user_id, e.region_id])).toEqual([
      ["centre_link.confirm", staff5.userId, 5],
      ["centre_link.decline", staff5.userId, 5],
    ]);
    expect(log[1]!.detail).toEqual({ centreId: centreB, note: "ศพก. อยู่ไกลเกินไป" });
    expect(await auditActions(db, korat, centreB)).toContainEqual({ action: "centre_link.decline", data: { note: "ศพก. อยู่ไกลเกินไป" }, actor: staff5.userId });
    // Decided already: a second decision is a conflict and writes nothing.
    expect(await codeOf(staffDecideLink(db, staff5, { tenantId: korat, centreId: centreA, decision: "declined" }))).toBe("CONFLICT:directory.errors.link_not_proposed");
    expect(await codeOf(staffDecideLink(db, staff5, { tenantId: korat, centreId: centreKK, decision: "confirmed" }))).toBe("NOT_FOUND:directory.errors.link_not_found");
    expect(await staffLog(korat)).toHaveLength(2);
    const counts = (await listStaffLinks(db, staff5, {})).counts;
    expect(counts).toEqual({ proposed: 1, confirmed: 1, declined: 1 });
    const confirmed = await listStaffLinks(db, staff5, { status: "confirmed" });
    expect(confirmed.items).toMatchObject([{ tenantId: korat, centreId: centreA, decidedByName: "เจ้าหน้าที่ 5", decisionNote: null }]);
    const declined = await listStaffLinks(db, staff5, { status: "declined" });
    expect(declined.items).toMatchObject([{ tenantId: korat, centreId: centreB, decisionNote: "ศพก. อยู่ไกลเกินไป" }]);
  });

  it("refuses bad input with field messages", async () => {
    expect(await codeOf(staffDecideLink(db, staff5, { tenantId: korat, centreId: centreB, decision: "maybe" as "confirmed" }))).toBe("VALIDATION:validation.invalid");
    expect(await codeOf(staffDecideLink(db, staff5, { tenantId: korat, centreId: centreB, decision: "confirmed", note: "x".repeat(1001) }))).toBe("VALIDATION:validation.invalid");
    expect(await codeOf(listStaffLinks(db, staff5, { pageSize: 500 }))).toBe("VALIDATION:validation.invalid");
  });
});

describe("joint meetings on a co-op's behalf", () => {
  it("offers co-ops with confirmed centres and their centres, in scope only", async () => {
    const options = await staffLinkOptions(db, staff5, { tenantId: korat });
    expect(options.coops.map((c) => c.id)).toEqual([korat]);
    expect(options.centres.map((c) => c.id)).toEqual([centreA]);
    expect(await codeOf(staffLinkOptions(db, staff5, { tenantId: khonKaen }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    expect((await staffLinkOptions(db, staff7, {})).coops).toEqual([]);
  });

  it("records with the co-op's rules, the staff member as recorder, audited twice in one go", async () => {
    const { id } = await staffRecordMeeting(db, staff5, korat, meeting(centreA));
    const row = await withTenant(db, korat, (trx) => trx.selectFrom("joint_meetings").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
    expect(row).toMatchObject({ recorded_by: staff5.userId, attendee_count: 7, minutes: null, place: "ศาลากลางบ้าน" });
    expect(await auditActions(db, korat, id)).toEqual([{ action: "joint_meeting.record", data: { centreId: centreA, heldOn: "2026-10-01" }, actor: staff5.userId }]);
    expect((await staffLog(korat)).at(-1)).toMatchObject({ action: "joint_meeting.record", region_id: 5, detail: { meetingId: id, centreId: centreA, heldOn: "2026-10-01" } });
    const list = await listStaffMeetings(db, staff5, {});
    expect(list.items).toMatchObject([{ id, tenantId: korat, centreNameTh: "ศพก. N-A", heldOn: "2026-10-01", recordedByName: "เจ้าหน้าที่ 5", recordedByStaff: true }]);
    expect((await listStaffMeetings(db, staff7, {})).total).toBe(0);
  });

  it("needs a confirmed link, valid fields, and a co-op in scope; nothing is written otherwise", async () => {
    const before = await staffLog(korat);
    expect(await codeOf(staffRecordMeeting(db, staff5, korat, meeting(centreB)))).toBe("VALIDATION:directory.errors.meeting_needs_link");
    try {
      await staffRecordMeeting(db, staff5, korat, { ...meeting(centreA), heldOn: "2026-02-30", place: " ", attendeeCount: "-1" });
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).fields).toEqual({ heldOn: "directory.errors.date_invalid", place: "validation.required", attendeeCount: "directory.errors.count_invalid" });
    }
    // A region-7 co-op (with its own, proposed link) and a centre id from region 7: not found, never recorded.
    expect(await codeOf(staffRecordMeeting(db, staff5, khonKaen, meeting(centreKK)))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    expect(await codeOf(listStaffMeetings(db, staff5, { tenantId: khonKaen }))).toBe("NOT_FOUND:staff.errors.coop_not_found");
    expect(await staffLog(korat)).toEqual(before);
    expect(await staffLog(khonKaen)).toEqual([]);
    expect((await listStaffMeetings(db, staff5, {})).total).toBe(1);
  });
});

describe("centre CSV import", () => {
  const csv = "code,name_th,province,district_th,main_crops\nN-A,ศพก. ใหม่ชื่อ,นครราชสีมา,พิมาย,rice\nN-NEW,ศพก. ใหม่,30,ปักธงชัย,\n";

  it("previews the rows on a dry run, writes nothing and logs nothing", async () => {
    const report = await staffImportCentres(db, staff5, csv, { dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, rows: 2, created: 1, updated: 1 });
    expect(report.preview).toEqual([
      { row: 2, code: "N-A", nameTh: "ศพก. ใหม่ชื่อ", action: "update" },
      { row: 3, code: "N-NEW", nameTh: "ศพก. ใหม่", action: "create" },
    ]);
    expect(await db.selectFrom("learning_centres").select("id").where("code", "=", "N-NEW").executeTakeFirst()).toBeUndefined();
    expect(await staffLog(null)).toEqual([]);
  });

  it("reports every error with row and column, and imports nothing", async () => {
    const report = await staffImportCentres(db, staff5, "code,name_th,province,district_th\nN-X,,ไม่มีจังหวัด,เมือง\n", { dryRun: false });
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[2, "province"], [2, "name_th"]]);
    expect(report.preview).toEqual([]);
    expect(await staffLog(null)).toEqual([]);
  });

  it("imports for real and logs the counts", async () => {
    const report = await staffImportCentres(db, staff5, csv, { dryRun: false });
    expect(report).toMatchObject({ ok: true, created: 1, updated: 1 });
    expect((await db.selectFrom("learning_centres").select("name_th").where("code", "=", "N-A").executeTakeFirstOrThrow()).name_th).toBe("ศพก. ใหม่ชื่อ");
    expect(await staffLog(null)).toMatchObject([{ action: "centre.import", actor_user_id: staff5.userId, region_id: null, detail: { rows: 2, created: 1, updated: 1 } }]);
  });
});
