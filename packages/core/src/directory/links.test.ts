import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCoop, makeUser } from "../catalog/admin/testing.ts";
import { AppError } from "../errors.ts";
import { createCentre, getCentre } from "./centres.ts";
import { seedDemoDirectory } from "./demo.ts";
import { decideCentreLink, listConfirmedCentresOfTenant, listPendingCentreLinks, listTenantCentreLinks, proposeCentreLink, staffRegionIds, withdrawCentreLink } from "./links.ts";
import { listTenantMeetings, recordJointMeeting } from "./meetings.ts";
import { createSage, getSage, updateSage } from "./sages.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let coopA: string;
let coopB: string;
let coopSouth: string;
let userA: string;
let staff5: string;
let staff9: string;
let centre1: string;
let centre2: string;

const centre = (code: string, provinceCode = 30) => ({
  code, nameTh: `ศพก. ${code}`, provinceCode, districtTh: "พิมาย", mainCrops: ["rice"],
});
const meeting = (centreId: string) => ({ centreId, heldOn: "2026-08-14", place: "ศาลา", attendees: "กรรมการ 5 คน", attendeeCount: 5, minutes: "บันทึก", outcomes: "ผลลัพธ์" });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return `${error.code}:${error.messageKey}`;
    throw error;
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coopA = await makeCoop(db, "link-a");
  coopB = await makeCoop(db, "link-b");
  const south = await db.insertInto("tenants").values({ slug: "link-south", name_th: "สหกรณ์ใต้", province_code: 90, region_id: 17, status: "active" }).returning("id").executeTakeFirstOrThrow();
  coopSouth = south.id;
  userA = await makeUser(db, "a@example.com", "A");
  staff5 = await makeUser(db, "staff5@example.com", "Staff 5");
  staff9 = await makeUser(db, "staff9@example.com", "Staff 9");
  await db.insertInto("staff_regions").values([{ user_id: staff5, region_id: 5 }, { user_id: staff9, region_id: 9 }]).execute();
  centre1 = (await createCentre(db, centre("T-1"))).id;
  centre2 = (await createCentre(db, centre("T-2", 36))).id;
});
afterAll(async () => t.destroy());

describe("co-op ↔ centre links", () => {
  it("moves proposed → confirmed by staff of the co-op's region, and shows on both sides", async () => {
    await proposeCentreLink(db, coopA, userA, { centreId: centre1, note: "ขอเชื่อม" });
    expect(await codeOf(proposeCentreLink(db, coopA, userA, { centreId: centre1, note: null }))).toBe("CONFLICT:directory.errors.link_already_proposed");
    // Not yet confirmed: invisible to the public.
    expect((await getCentre(db, centre1))!.linkedCoops).toEqual([]);
    expect(await listConfirmedCentresOfTenant(db, coopA)).toEqual([]);
    // Staff of another region cannot see or decide it.
    const regions9 = await staffRegionIds(db, staff9);
    expect(await listPendingCentreLinks(db, regions9)).toEqual([]);
    expect(await codeOf(decideCentreLink(db, { userId: staff9, regionIds: regions9 }, { tenantId: coopA, centreId: centre1, decision: "confirmed" }))).toBe(
      "NOT_FOUND:directory.errors.link_not_found",
    );
    const regions5 = await staffRegionIds(db, staff5);
    expect(regions5).toEqual([5]);
    const pending = await listPendingCentreLinks(db, regions5);
    expect(pending.map((p) => [p.tenantId, p.centreId, p.note])).toEqual([[coopA, centre1, "ขอเชื่อม"]]);
    await decideCentreLink(db, { userId: staff5, regionIds: regions5 }, { tenantId: coopA, centreId: centre1, decision: "confirmed" });
    expect(await codeOf(decideCentreLink(db, { userId: staff5, regionIds: regions5 }, { tenantId: coopA, centreId: centre1, decision: "declined" }))).toBe(
      "CONFLICT:directory.errors.link_not_proposed",
    );
    expect(await codeOf(withdrawCentreLink(db, coopA, userA, centre1))).toBe("CONFLICT:directory.errors.link_not_proposed");
    expect(await codeOf(proposeCentreLink(db, coopA, userA, { centreId: centre1, note: null }))).toBe("CONFLICT:directory.errors.link_already_confirmed");
    expect((await getCentre(db, centre1))!.linkedCoops.map((c) => c.slug)).toEqual(["link-a"]);
    expect((await listConfirmedCentresOfTenant(db, coopA)).map((c) => c.id)).toEqual([centre1]);
    expect(await listConfirmedCentresOfTenant(db, coopB)).toEqual([]);
    const [link] = await listTenantCentreLinks(db, coopA);
    expect(link).toMatchObject({ centreId: centre1, status: "confirmed" });
  });

  it("a declined link may be proposed again; a proposal may be withdrawn; others' links stay invisible", async () => {
    const staff = { userId: staff5, regionIds: [5] };
    await proposeCentreLink(db, coopB, userA, { centreId: centre2, note: null });
    await decideCentreLink(db, staff, { tenantId: coopB, centreId: centre2, decision: "declined" });
    expect((await listTenantCentreLinks(db, coopB))[0]!.status).toBe("declined");
    expect((await getCentre(db, centre2))!.linkedCoops).toEqual([]);
    await proposeCentreLink(db, coopB, userA, { centreId: centre2, note: "อีกครั้ง" });
    expect((await listTenantCentreLinks(db, coopB))[0]).toMatchObject({ status: "proposed", note: "อีกครั้ง", decidedAt: null });
    // Co-op A cannot withdraw B's proposal: in A's tenant it does not exist.
    expect(await codeOf(withdrawCentreLink(db, coopA, userA, centre2))).toBe("NOT_FOUND:directory.errors.link_not_found");
    await withdrawCentreLink(db, coopB, userA, centre2);
    expect(await listTenantCentreLinks(db, coopB)).toEqual([]);
    expect(await codeOf(withdrawCentreLink(db, coopB, userA, centre2))).toBe("NOT_FOUND:directory.errors.link_not_found");
  });

  it("staff in region 5 cannot decide for a co-op in region 17", async () => {
    await proposeCentreLink(db, coopSouth, userA, { centreId: centre1, note: null });
    expect(await codeOf(decideCentreLink(db, { userId: staff5, regionIds: [5] }, { tenantId: coopSouth, centreId: centre1, decision: "confirmed" }))).toBe(
      "NOT_FOUND:directory.errors.link_not_found",
    );
    expect((await listPendingCentreLinks(db, [5])).some((p) => p.tenantId === coopSouth)).toBe(false);
    expect((await listPendingCentreLinks(db, [17])).map((p) => p.tenantId)).toEqual([coopSouth]);
  });

  it("proposing a link to an unknown centre is refused", async () => {
    expect(await codeOf(proposeCentreLink(db, coopA, userA, { centreId: "00000000-0000-4000-8000-000000000000", note: null }))).toBe(
      "NOT_FOUND:directory.errors.centre_not_found",
    );
  });
});

describe("joint meetings", () => {
  it("needs a confirmed link; the public sees date, place and outcomes; the co-op sees everything", async () => {
    expect(await codeOf(recordJointMeeting(db, coopB, userA, meeting(centre1)))).toBe("VALIDATION:directory.errors.meeting_needs_link");
    await recordJointMeeting(db, coopA, userA, meeting(centre1));
    const [publicMeeting] = (await getCentre(db, centre1))!.meetings;
    expect(publicMeeting).toEqual({ id: expect.any(String), heldOn: "2026-08-14", place: "ศาลา", outcomes: "ผลลัพธ์", coopSlug: "link-a", coopNameTh: "สหกรณ์ link-a", coopNameEn: null });
    const own = await listTenantMeetings(db, coopA);
    expect(own[0]).toMatchObject({ heldOn: "2026-08-14", attendees: "กรรมการ 5 คน", attendeeCount: 5, minutes: "บันทึก" });
    expect(await listTenantMeetings(db, coopB)).toEqual([]);
  });
});

describe("sages", () => {
  it("a co-op edits only the sages it added; staff edit any; each write reindexes", async () => {
    const sage = { nameTh: "นายทดสอบ ปราชญ์", expertiseTh: "ปุ๋ยหมัก", provinceCode: 30, crops: ["rice"], centreId: centre1 };
    const { id } = await createSage(db, { kind: "coop", tenantId: coopA }, sage);
    expect(await codeOf(updateSage(db, { kind: "coop", tenantId: coopB }, { ...sage, sageId: id, nameTh: "ถูกแก้" }))).toBe("NOT_FOUND:directory.errors.sage_not_found");
    await updateSage(db, { kind: "coop", tenantId: coopA }, { ...sage, sageId: id, expertiseTh: "ปุ๋ยหมัก บัญชีครัวเรือน" });
    await updateSage(db, { kind: "staff" }, { ...sage, sageId: id, titleTh: "ปราชญ์ดีเด่น", expertiseTh: "ปุ๋ยหมัก บัญชีครัวเรือน" });
    const detail = await getSage(db, id);
    expect(detail).toMatchObject({ titleTh: "ปราชญ์ดีเด่น", addedByTenantId: coopA, centre: { id: centre1 } });
    const doc = await db.selectFrom("search_documents").select(["summary", "owner_tenant_id", "network_visible"]).where("kind", "=", "sage").where("ref_id", "=", id).executeTakeFirstOrThrow();
    expect(doc).toEqual({ summary: "ปราชญ์ดีเด่น · ปุ๋ยหมัก บัญชีครัวเรือน", owner_tenant_id: null, network_visible: true });
    expect((await getCentre(db, centre1))!.sages.map((s) => s.id)).toContain(id);
  });

  it("shows a sage's shared, published articles only", async () => {
    const { id } = await createSage(db, { kind: "staff" }, { nameTh: "นางบทความ", expertiseTh: "ข้าว", provinceCode: 30, crops: [] });
    await withTenant(db, coopA, (trx) =>
      trx
        .insertInto("articles")
        .values([
          { tenant_id: coopA, title: "แชร์แล้ว", topic: "production", source_kind: "sage", source_sage_id: id, status: "published", shared: true, published_at: new Date() },
          { tenant_id: coopA, title: "ไม่แชร์", topic: "production", source_kind: "sage", source_sage_id: id, status: "published", shared: false, published_at: new Date() },
          { tenant_id: coopA, title: "ร่าง", topic: "production", source_kind: "sage", source_sage_id: id, status: "draft", shared: true },
        ])
        .execute(),
    );
    expect((await getSage(db, id))!.articles.map((a) => a.title)).toEqual(["แชร์แล้ว"]);
  });
});

describe("seedDemoDirectory", () => {
  it("is idempotent", async () => {
    await seedDemoDirectory(db);
    const first = await db.selectFrom("learning_centres").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const sages = await db.selectFrom("sages").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    await seedDemoDirectory(db);
    expect(await db.selectFrom("learning_centres").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).toEqual(first);
    expect(await db.selectFrom("sages").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).toEqual(sages);
    expect(Number(first.n)).toBe(14);
  });
});
