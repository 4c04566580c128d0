import { findTenantBySlug, type PublicTenant } from "@coop/core";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site } from "../../site.ts";
import { testContext } from "../../testing.ts";
import { createCallerFactory, router } from "../../trpc.ts";
import { staffRouter } from "../staff/index.ts";
import { directoryRouter } from "../directory/index.ts";
import { directoryAdminRouter } from "./index.ts";

const createCaller = createCallerFactory(router({ directory: directoryRouter, directoryAdmin: directoryAdminRouter, staff: staffRouter }));
type Caller = ReturnType<typeof createCaller>;

let t: TestDatabase;
let db: Kysely<Database>;
let coopA: PublicTenant;
let coopB: PublicTenant;
const users = { editorA: "", editorB: "", staff5: "", staff1: "", outsider: "" };
let centre1: string;
let centre2: string;
let sageOfB: string;

async function makeCoop(slug: string, regionId = 5, provinceCode = 30): Promise<PublicTenant> {
  await db.insertInto("tenants").values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: provinceCode, region_id: regionId, status: "active" }).execute();
  return (await findTenantBySlug(db, slug))!;
}

async function makeUser(email: string, membership?: [PublicTenant, "owner" | "editor"], staffRegion?: number): Promise<string> {
  const { id } = await db.insertInto("users").values({ email, display_name: email, password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
  if (membership) {
    const [tenant, role] = membership;
    await withTenant(db, tenant.id, (trx) => trx.insertInto("memberships").values({ tenant_id: tenant.id, user_id: id, role }).execute());
  }
  if (staffRegion) await db.insertInto("staff_regions").values({ user_id: id, region_id: staffRegion }).execute();
  return id;
}

async function caller(tenant: PublicTenant | null, userId?: string): Promise<Caller> {
  const site: Site = tenant ? { kind: "coop", tenant } : { kind: "network" };
  return createCaller(await testContext(db, site, userId ? { userId } : {}));
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

const CENTRE = (code: string) => ({ code, nameTh: `ศพก. ${code}`, provinceCode: 30, districtTh: "พิมาย", mainCrops: ["rice"] });
const SAGE = { nameTh: "นายปราชญ์ ทดสอบ", expertiseTh: "ข้าวอินทรีย์", provinceCode: 30, crops: ["rice"] };
const CSV = "code,name_th,province,district_th,main_crops\r\nCSV-1,ศพก. นำเข้า,นครราชสีมา,พิมาย,ข้าว|มันสำปะหลัง\r\n";

async function snapshotB() {
  return withTenant(db, coopB.id, async (trx) => ({
    links: await trx.selectFrom("centre_links").selectAll().orderBy("centre_id").execute(),
    meetings: await trx.selectFrom("joint_meetings").selectAll().orderBy("id").execute(),
    sage: await trx.selectFrom("sages").selectAll().where("id", "=", sageOfB).execute(),
  }));
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coopA = await makeCoop("dir-a");
  coopB = await makeCoop("dir-b");
  users.editorA = await makeUser("editor-a@example.com", [coopA, "editor"]);
  users.editorB = await makeUser("editor-b@example.com", [coopB, "editor"]);
  users.staff5 = await makeUser("staff5@example.com", undefined, 5);
  users.staff1 = await makeUser("staff1@example.com", undefined, 1);
  users.outsider = await makeUser("outsider@example.com");
  const staff = await caller(null, users.staff5);
  centre1 = (await staff.directoryAdmin.createCentre(CENTRE("C-1"))).id;
  centre2 = (await staff.directoryAdmin.createCentre(CENTRE("C-2"))).id;
  const b = await caller(coopB, users.editorB);
  sageOfB = (await b.directoryAdmin.createSage(SAGE)).id;
  await b.directoryAdmin.proposeLink({ centreId: centre1, note: "B" });
  await staff.staff.decideLink({ tenantId: coopB.id, centreId: centre1, decision: "confirmed" });
  await b.directoryAdmin.recordMeeting({ centreId: centre1, heldOn: "2026-09-01", place: "ศาลา", attendees: "สมาชิก", minutes: "ลับเฉพาะ B", outcomes: "ผล" });
  await b.directoryAdmin.proposeLink({ centreId: centre2, note: "รอ" });
});
afterAll(async () => t.destroy());

describe("directory (public)", () => {
  it("lists and shows centres and sages with confirmed co-ops and public meeting fields only", async () => {
    const net = await caller(null);
    const list = await net.directory.centres({ provinceCode: 30, crop: "rice", page: 1, pageSize: 10 });
    expect(list.total).toBe(2);
    const c1 = await net.directory.centre({ centreId: centre1 });
    expect(c1.linkedCoops.map((c) => c.slug)).toEqual(["dir-b"]);
    expect(c1.meetings[0]).not.toHaveProperty("minutes");
    expect((await net.directory.centre({ centreId: centre2 })).linkedCoops).toEqual([]);
    expect(await codeOf(net.directory.centre({ centreId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
    expect((await net.directory.sage({ sageId: sageOfB })).nameTh).toBe(SAGE.nameTh);
    expect((await net.directory.sages({})).total).toBe(1);
    expect(await codeOf(net.directory.centres({ pageSize: 500 }))).toBe("BAD_REQUEST");
  });

  it("siteCentres shows the Host co-op's confirmed centres only, and needs a co-op host", async () => {
    expect((await (await caller(coopB)).directory.siteCentres()).map((c) => c.id)).toEqual([centre1]);
    expect(await (await caller(coopA)).directory.siteCentres()).toEqual([]);
    expect(await codeOf((await caller(null)).directory.siteCentres())).toBe("NOT_FOUND");
  });
});

/** Every co-op back-office procedure, aimed at co-op B's things. */
const COOP_CALLS: Record<string, (c: Caller) => Promise<unknown>> = {
  myLinks: (c) => c.directoryAdmin.myLinks(),
  myMeetings: (c) => c.directoryAdmin.myMeetings(),
  mySages: (c) => c.directoryAdmin.mySages(),
  centreOptions: (c) => c.directoryAdmin.centreOptions({ q: "C-" }),
  proposeLink: (c) => c.directoryAdmin.proposeLink({ centreId: centre2, note: null }),
  withdrawLink: (c) => c.directoryAdmin.withdrawLink({ centreId: centre2 }),
  recordMeeting: (c) => c.directoryAdmin.recordMeeting({ centreId: centre1, heldOn: "2026-10-01", place: "ที่ไหน", attendees: "ใคร" }),
  sageForEdit: (c) => c.directoryAdmin.sageForEdit({ sageId: sageOfB }),
  createSage: (c) => c.directoryAdmin.createSage({ ...SAGE, nameTh: "ปราชญ์ใหม่" }),
  updateSage: (c) => c.directoryAdmin.updateSage({ ...SAGE, sageId: sageOfB, nameTh: "ถูกแก้" }),
};

describe("directoryAdmin for co-ops", () => {
  it.each(Object.keys(COOP_CALLS))("%s: strangers, non-members and other hosts are refused", async (name) => {
    const call = COOP_CALLS[name]!;
    expect(await codeOf(call(await caller(coopA)))).toBe("UNAUTHORIZED");
    expect(await codeOf(call(await caller(coopA, users.outsider)))).toBe("FORBIDDEN");
    // B's editor on A's host is not a member of A.
    expect(await codeOf(call(await caller(coopA, users.editorB)))).toBe("FORBIDDEN");
    expect(await codeOf(call(await caller(null, users.editorA)))).toBe("NOT_FOUND");
  });

  it("co-op A's editor, aimed at B's things, changes and sees nothing of B", async () => {
    const before = await snapshotB();
    const a = await caller(coopA, users.editorA);
    expect(await a.directoryAdmin.myLinks()).toEqual([]);
    expect(await a.directoryAdmin.myMeetings()).toEqual([]);
    expect(await a.directoryAdmin.mySages()).toEqual([]);
    expect(await codeOf(a.directoryAdmin.withdrawLink({ centreId: centre2 }))).toBe("NOT_FOUND");
    // B's confirmed link does not let A record meetings there.
    expect(await codeOf(a.directoryAdmin.recordMeeting({ centreId: centre1, heldOn: "2026-10-01", place: "x", attendees: "y" }))).toBe("BAD_REQUEST");
    expect(await codeOf(a.directoryAdmin.sageForEdit({ sageId: sageOfB }))).toBe("NOT_FOUND");
    expect(await codeOf(a.directoryAdmin.updateSage({ ...SAGE, sageId: sageOfB, nameTh: "ถูกแก้" }))).toBe("NOT_FOUND");
    // A proposing its own link to the same centre leaves B's alone.
    await a.directoryAdmin.proposeLink({ centreId: centre2, note: "A" });
    expect(await snapshotB()).toEqual(before);
  });

  it("reports bad input with field message keys", async () => {
    const a = await caller(coopA, users.editorA);
    try {
      await a.directoryAdmin.recordMeeting({ centreId: centre1, heldOn: "2026-02-30", place: "", attendees: "x", attendeeCount: "-3" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
    expect(await codeOf(a.directoryAdmin.createSage({ ...SAGE, crops: ["not-a-crop"] }))).toBe("BAD_REQUEST");
    expect(await codeOf(a.directoryAdmin.createSage({ ...SAGE, provinceCode: 99 }))).toBe("BAD_REQUEST");
  });
});

const STAFF_CALLS: Record<string, (c: Caller) => Promise<unknown>> = {
  createCentre: (c) => c.directoryAdmin.createCentre(CENTRE("C-NEW")),
  updateCentre: (c) => c.directoryAdmin.updateCentre({ ...CENTRE("C-1"), centreId: centre1 }),
  staffCreateSage: (c) => c.directoryAdmin.staffCreateSage({ ...SAGE, nameTh: "ปราชญ์โดยเจ้าหน้าที่" }),
  staffUpdateSage: (c) => c.directoryAdmin.staffUpdateSage({ ...SAGE, sageId: sageOfB }),
};

describe("directoryAdmin for staff", () => {
  it.each(Object.keys(STAFF_CALLS))("%s: needs a signed-in staff member", async (name) => {
    const call = STAFF_CALLS[name]!;
    expect(await codeOf(call(await caller(null)))).toBe("UNAUTHORIZED");
    expect(await codeOf(call(await caller(null, users.outsider)))).toBe("FORBIDDEN");
    // A co-op editor is not staff, on any host.
    expect(await codeOf(call(await caller(coopB, users.editorB)))).toBe("FORBIDDEN");
  });

  it("imports centres: dry run writes nothing, commit writes, bad rows come back with row and column", async () => {
    const staff = await caller(null, users.staff5);
    const dry = await staff.staff.importCentres({ csv: CSV, dryRun: true });
    expect(dry).toMatchObject({ ok: true, created: 1 });
    expect((await (await caller(null)).directory.centres({ q: "CSV-1" })).total).toBe(0);
    await staff.staff.importCentres({ csv: CSV, dryRun: false });
    expect((await (await caller(null)).directory.centres({ q: "CSV-1" })).total).toBe(1);
    const bad = await staff.staff.importCentres({ csv: CSV.replace("นครราชสีมา", "ไม่มี"), dryRun: false });
    expect(bad.errors).toEqual([{ row: 2, column: "province", key: "directory.import.province_unknown", params: { value: "ไม่มี" } }]);
  });
});
