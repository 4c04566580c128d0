import { type Database, type Kysely, sql } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EmailMessage } from "../outbox/enqueue.ts";
import { renderEmail } from "../outbox/mail/render.ts";
import { approveCoop, restoreCoop, suspendCoop } from "../staff/actions.ts";
import { loadStaffScope, type StaffScope } from "../staff/scope.ts";
import { findTenantBySlug, listActiveCoops } from "./queries.ts";
import { type SignUpCoopInput, signUpCoop } from "./signup.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let staff5: StaffScope; // region 5 (นครราชสีมา, code 30), which requires approval in these tests
let staff7: StaffScope; // region 7 (ขอนแก่น, code 40), which does not

const OPTIONS = {
  locale: "th" as const,
  verifyLinkFor: (slug: string, token: string) => `http://${slug}.localhost:3000/admin/verify-email?token=${token}`,
  staffReviewLinkFor: (tenantId: string) => `http://localhost:3000/staff/coops/${tenantId}`,
};
const NOTICE = { siteUrlFor: (slug: string) => `http://${slug}.localhost:3000` };

const input = (slug: string, provinceCode: number): SignUpCoopInput => ({
  nameTh: `สหกรณ์การเกษตร ${slug}`,
  registrationNo: `REG-${slug}`,
  provinceCode,
  contactName: "สมศรี ใจดี",
  email: `owner-${slug}@example.test`,
  password: "correct horse battery staple",
  slug,
});

async function staffUser(email: string, regionId: number, locale: "th" | "en"): Promise<StaffScope> {
  const { id } = await db.insertInto("users").values({ email, display_name: email, password_hash: "x", locale }).returning("id").executeTakeFirstOrThrow();
  await db.insertInto("staff_regions").values({ user_id: id, region_id: regionId }).execute();
  return (await loadStaffScope(db, id))!;
}

/** Regions are platform configuration: the app role reads them, the owner sets them. */
async function requireApproval(regionId: number) {
  await sql`UPDATE regions SET requires_approval = true WHERE id = ${regionId}`.execute(t.owner());
}

/** E-mails queued since the last `beforeEach` (earlier ones are parked as processed: the app role may not delete). */
async function queuedEmails(): Promise<EmailMessage[]> {
  const rows = await db.selectFrom("outbox").select("payload").where("kind", "=", "email").where("processed_at", "is", null).orderBy("id").execute();
  return rows.map((row) => (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as EmailMessage);
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  staff5 = await staffUser("staff5@example.test", 5, "en");
  staff7 = await staffUser("staff7@example.test", 7, "th");
  await requireApproval(5);
});
afterAll(async () => t?.destroy());
beforeEach(async () => {
  await db.updateTable("outbox").set({ processed_at: new Date() }).where("processed_at", "is", null).execute();
});

describe("signing up in a region that requires approval", () => {
  it("creates the co-op pending, keeps it off the network and e-mails the region's staff", async () => {
    const created = await signUpCoop(db, input("pending-one", 30), OPTIONS);
    expect(created.status).toBe("pending");
    expect((await findTenantBySlug(db, "pending-one"))?.status).toBe("pending");
    expect((await listActiveCoops(db, { limit: 100, offset: 0 })).map((c) => c.slug)).not.toContain("pending-one");

    const mails = await queuedEmails();
    const toStaff = mails.filter((m) => m.template === "coop_awaiting_approval");
    // Only region 5's staff hear of it, in their own language, with the console's link to the co-op.
    expect(toStaff.map((m) => m.to)).toEqual(["staff5@example.test"]);
    expect(toStaff[0]).toMatchObject({ locale: "en", params: { coop: "สหกรณ์การเกษตร pending-one", province: "Nakhon Ratchasima", link: `http://localhost:3000/staff/coops/${created.tenantId}` } });
    expect(renderEmail(toStaff[0]!).subject).toContain("waiting for approval");
    // The owner still gets the verification e-mail (and a handoff into the back office).
    expect(mails.some((m) => m.template === "verify_email" && m.to === "owner-pending-one@example.test")).toBe(true);
    expect(created.handoffToken.length).toBeGreaterThan(10);
  });

  it("creates the co-op active, without a staff e-mail, where the region does not require approval", async () => {
    const created = await signUpCoop(db, input("open-one", 40), OPTIONS);
    expect(created.status).toBe("active");
    expect((await listActiveCoops(db, { limit: 100, offset: 0 })).map((c) => c.slug)).toContain("open-one");
    expect((await queuedEmails()).filter((m) => m.template === "coop_awaiting_approval")).toEqual([]);
  });

  it("e-mails the platform administrators when the region has no staff yet", async () => {
    const { id } = await db.insertInto("users").values({ email: "admin@example.test", display_name: "Admin", password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
    await db.insertInto("platform_admins").values({ user_id: id }).execute();
    await requireApproval(1);
    const province = await db.selectFrom("provinces").select("code").where("region_id", "=", 1).orderBy("code").executeTakeFirstOrThrow();
    await signUpCoop(db, input("no-staff-region", province.code), OPTIONS);
    expect((await queuedEmails()).filter((m) => m.template === "coop_awaiting_approval").map((m) => m.to)).toEqual(["admin@example.test"]);
  });
});

describe("approving, suspending and restoring, as the owner hears it", () => {
  it("approving puts the co-op live and e-mails its owner; staff of another region can do nothing", async () => {
    const created = await signUpCoop(db, input("to-approve", 30), OPTIONS);
    await expect(approveCoop(db, staff7, created.tenantId, NOTICE)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await queuedEmails()).filter((m) => m.template === "coop_approved")).toEqual([]);

    await approveCoop(db, staff5, created.tenantId, NOTICE);
    expect((await findTenantBySlug(db, "to-approve"))?.status).toBe("active");
    expect((await listActiveCoops(db, { limit: 100, offset: 0 })).map((c) => c.slug)).toContain("to-approve");
    const approved = (await queuedEmails()).filter((m) => m.template === "coop_approved");
    expect(approved).toEqual([
      { to: "owner-to-approve@example.test", template: "coop_approved", locale: "th", params: { name: "สมศรี ใจดี", coop: "สหกรณ์การเกษตร to-approve", link: "http://to-approve.localhost:3000/admin" } },
    ]);
  });

  it("suspending e-mails the owner the reason; restoring e-mails that the site is open again", async () => {
    const created = await signUpCoop(db, input("to-suspend", 40), OPTIONS);
    await suspendCoop(db, staff7, { tenantId: created.tenantId, reason: "ราคาสินค้าไม่ตรงกับที่แจ้ง" }, NOTICE);
    let mails = await queuedEmails();
    const suspended = mails.find((m) => m.template === "coop_suspended");
    expect(suspended).toMatchObject({ to: "owner-to-suspend@example.test", params: { reason: "ราคาสินค้าไม่ตรงกับที่แจ้ง", link: "http://to-suspend.localhost:3000/admin" } });
    expect(renderEmail(suspended!).text).toContain("เหตุผล: ราคาสินค้าไม่ตรงกับที่แจ้ง");

    await restoreCoop(db, staff7, created.tenantId, NOTICE);
    mails = await queuedEmails();
    expect(mails.filter((m) => m.template === "coop_restored").map((m) => m.to)).toEqual(["owner-to-suspend@example.test"]);
    expect((await findTenantBySlug(db, "to-suspend"))?.status).toBe("active");
  });

  it("queues no e-mail when the caller gives no site address (and a refused change queues none either)", async () => {
    const created = await signUpCoop(db, input("quiet-one", 40), OPTIONS);
    await db.updateTable("outbox").set({ processed_at: new Date() }).where("processed_at", "is", null).execute();
    await suspendCoop(db, staff7, { tenantId: created.tenantId, reason: "ตรวจสอบ" });
    await expect(suspendCoop(db, staff7, { tenantId: created.tenantId, reason: "ซ้ำ" }, NOTICE)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await queuedEmails()).toEqual([]);
  });
});
