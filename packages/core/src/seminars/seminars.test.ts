import { type Database, type Kysely, sql, withTenant } from "@coop/db";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, makeCoop, makeUser, messageKeyOf } from "../catalog/admin/testing.ts";
import {
  cancelSeminar, createSeminar, getAdminSeminar, listAdminSeminars, publishSeminar, setSeminarSpeakers, updateSeminar,
} from "./admin.ts";
import { seedDemoSeminars } from "./demo.ts";
import { addSeminarHarvest, removeSeminarHarvest } from "./harvest.ts";
import { cancelRegistration, describeRegistration, getPublicSeminar, listPublicSeminars, registerForSeminar } from "./public.ts";
import { listRegistrants, registrantsCsv } from "./registrants.ts";
import { addHarvestInput, bangkokInstant, bangkokParts, type SeminarFields, type SeminarFieldsInput, seminarFieldsInput, thaiPhoneSchema } from "./schemas.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let coop: string;
let other: string;
let organiser: string;
let sageA: string;
let sageB: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coop = await makeCoop(db, "sem-coop");
  other = await makeCoop(db, "sem-other");
  organiser = await makeUser(db, "org@example.com", "ผู้จัด");
  await addMember(db, coop, organiser, "manager");
  const sages = await db
    .insertInto("sages")
    .values([
      { name_th: "พ่อคำเดื่อง ภาษี", expertise_th: "เกษตรผสมผสาน", province_code: 31, crops: ["rice"] },
      { name_th: "แม่สมพร ใจดี", expertise_th: "ทอผ้าไหม", province_code: 36, crops: ["silk"] },
    ])
    .returning("id")
    .execute();
  [sageA, sageB] = sages.map((s) => s.id) as [string, string];
});
afterAll(async () => {
  await t?.destroy();
});

function bangkokDay(offsetDays: number): string {
  return bangkokParts(new Date(Date.now() + offsetDays * 86_400_000)).date;
}

const rawFields = (extra: Partial<SeminarFieldsInput> = {}): SeminarFieldsInput => ({
  title: "เสวนาข้าวหอมมะลิ",
  description: "ลดต้นทุนการทำนา",
  topic: "production",
  crops: ["rice"],
  startDate: bangkokDay(10),
  startTime: "09:00",
  endTime: "12:00",
  place: "ห้องประชุมสหกรณ์",
  provinceCode: 30,
  capacity: 20,
  ...extra,
});
const fields = (extra: Partial<SeminarFieldsInput> = {}): SeminarFields => seminarFieldsInput.parse(rawFields(extra));

async function published(extra: Partial<SeminarFieldsInput> = {}, tenantId = coop): Promise<string> {
  const { id } = await createSeminar(db, tenantId, null, fields(extra));
  await publishSeminar(db, tenantId, null, id);
  return id;
}

/** Makes a seminar lie in the past (its dates cannot be entered that way through the form). */
async function moveToPast(tenantId: string, id: string): Promise<void> {
  await withTenant(db, tenantId, (trx) =>
    trx.updateTable("seminars").set({ starts_at: sql`now() - interval '3 days'`, ends_at: sql`now() - interval '2 days'` }).where("id", "=", id).execute(),
  );
}

const register = (seminarId: string, phone: string, name = "ผู้สมัคร", slug = "sem-coop") =>
  registerForSeminar(db, { tenantSlug: slug, seminarId, name, phone, interest: "ทำนา" });


describe("seminar form values", () => {
  it("reads Bangkok local date and time as the right instant", () => {
    expect(bangkokInstant("2026-12-05", "09:30")?.toISOString()).toBe("2026-12-05T02:30:00.000Z");
    expect(bangkokInstant("2026-02-30", "09:30")).toBeNull();
    expect(bangkokParts(new Date("2026-12-05T17:30:00Z"))).toEqual({ date: "2026-12-06", time: "00:30" });
  });

  it("refuses an end before the start, no place and no link, and non-http links", () => {
    const bad = seminarFieldsInput.safeParse({ ...rawFields({ endTime: "08:00", place: "", onlineUrl: "javascript:alert(1)" }) });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(messages).toContainEqual(["onlineUrl", "seminar.errors.url_invalid"]);
    const noPlace = seminarFieldsInput.safeParse(rawFields({ place: "", onlineUrl: "" }));
    expect(noPlace.error!.issues.map((i) => i.message)).toContain("seminar.errors.place_or_link");
    const backwards = seminarFieldsInput.safeParse(rawFields({ endTime: "08:00" }));
    expect(backwards.error!.issues.map((i) => i.message)).toContain("seminar.errors.ends_before_start");
  });

  it("normalises Thai mobile and landline numbers and refuses others", () => {
    expect(thaiPhoneSchema.parse("081-234 5678")).toBe("0812345678");
    expect(thaiPhoneSchema.parse("+66 81 234 5678")).toBe("0812345678");
    expect(thaiPhoneSchema.parse("02-123-4567")).toBe("021234567");
    expect(thaiPhoneSchema.safeParse("12345").success).toBe(false);
    expect(thaiPhoneSchema.safeParse("0112345678").success).toBe(false);
  });
});

describe("scheduling", () => {
  it("creates a draft, publishes it into the search index, cancels it out of the network", async () => {
    const { id } = await createSeminar(db, coop, organiser, fields({ title: "เสวนาสถานะ" }));
    const searchRow = () => db.selectFrom("search_documents").select(["network_visible", "title", "body", "province_code"]).where("kind", "=", "seminar").where("ref_id", "=", id).executeTakeFirst();
    expect(await searchRow()).toBeUndefined();
    expect(await getPublicSeminar(db, "sem-coop", id)).toBeNull();
    await setSeminarSpeakers(db, coop, organiser, { seminarId: id, sageIds: [sageB, sageA] });
    await publishSeminar(db, coop, organiser, id);
    expect(await searchRow()).toMatchObject({ network_visible: true, title: "เสวนาสถานะ", province_code: 30 });
    expect((await searchRow())!.body).toContain("แม่สมพร ใจดี");
    const page = await getPublicSeminar(db, "sem-coop", id);
    expect(page).toMatchObject({ status: "published", registration: "open", seatsLeft: 20, tenantSlug: "sem-coop" });
    expect(page!.speakers.map((s) => s.nameTh)).toEqual(["แม่สมพร ใจดี", "พ่อคำเดื่อง ภาษี"]);
    await cancelSeminar(db, coop, organiser, id);
    // Gone from the network's view; the co-op's own site still finds it (marked cancelled).
    expect(await searchRow()).toBeUndefined();
    const own = await withTenant(db, coop, (trx) => trx.selectFrom("search_documents").select("network_visible").where("kind", "=", "seminar").where("ref_id", "=", id).executeTakeFirst());
    expect(own).toEqual({ network_visible: false });
    expect(await getPublicSeminar(db, "sem-coop", id)).toMatchObject({ registration: "cancelled" });
    expect(await messageKeyOf(updateSeminar(db, coop, organiser, { seminarId: id, fields: fields() }))).toBe("seminar.errors.cancelled_locked");
  });

  it("refuses to lower capacity below the seats taken, with the count in the message", async () => {
    const id = await published({ capacity: 5 });
    await register(id, "0810000001");
    await register(id, "0810000002");
    await register(id, "0810000003");
    const error = await updateSeminar(db, coop, organiser, { seminarId: id, fields: fields({ capacity: 2 }) }).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ messageKey: "seminar.errors.capacity_below_registered", params: { registered: 3 }, fields: { capacity: "seminar.errors.capacity_below_registered" } });
    await updateSeminar(db, coop, organiser, { seminarId: id, fields: fields({ capacity: 3 }) });
    expect(await getAdminSeminar(db, coop, id)).toMatchObject({ capacity: 3, registeredCount: 3, seatsLeft: 0 });
  });

  it("lists the co-op's seminars only, and never another co-op's", async () => {
    const mine = await published({ title: "ของฉัน" });
    const theirs = await published({ title: "ของเขา" }, other);
    const list = await listAdminSeminars(db, coop, { pageSize: 50 });
    expect(list.items.map((s) => s.id)).toContain(mine);
    expect(list.items.map((s) => s.id)).not.toContain(theirs);
    expect(await messageKeyOf(getAdminSeminar(db, coop, theirs))).toBe("seminar.errors.not_found");
    expect(await messageKeyOf(updateSeminar(db, coop, organiser, { seminarId: theirs, fields: fields() }))).toBe("seminar.errors.not_found");
    expect(await messageKeyOf(publishSeminar(db, coop, organiser, theirs))).toBe("seminar.errors.not_found");
    expect(await messageKeyOf(cancelSeminar(db, coop, organiser, theirs))).toBe("seminar.errors.not_found");
    expect(await messageKeyOf(setSeminarSpeakers(db, coop, organiser, { seminarId: theirs, sageIds: [] }))).toBe("seminar.errors.not_found");
    expect(await messageKeyOf(listRegistrants(db, coop, { seminarId: theirs }))).toBe("seminar.errors.not_found");
    expect(await messageKeyOf(registrantsCsv(db, coop, theirs))).toBe("seminar.errors.not_found");
    expect((await getAdminSeminar(db, other, theirs)).status).toBe("published");
  });
});

describe("registration", () => {
  it(`lets exactly capacity of 60 concurrent sign-ups in (${TEST_ENGINE})`, async () => {
    const id = await published({ capacity: 20 });
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => messageKeyOf(register(id, `08${String(20000000 + i)}`, `คนที่ ${i}`))));
    expect(results.filter((r) => r === "ok")).toHaveLength(20);
    expect(results.filter((r) => r === "seminar.errors.full")).toHaveLength(40);
    const seminar = await getAdminSeminar(db, coop, id);
    expect(seminar).toMatchObject({ registeredCount: 20, seatsLeft: 0 });
    expect((await listRegistrants(db, coop, { seminarId: id, pageSize: 100 })).registered).toBe(20);
    expect((await getPublicSeminar(db, "sem-coop", id))!.registration).toBe("full");
  });

  it("cancelling by link frees the seat once, however many times the link is used", async () => {
    const id = await published({ capacity: 1 });
    const receipt = await register(id, "0891234567");
    expect(receipt.cancelPath).toBe(`/seminars/sem-coop/${id}/cancel/${receipt.cancelToken}`);
    expect(receipt.seatsLeft).toBe(0);
    expect(await messageKeyOf(register(id, "0897654321"))).toBe("seminar.errors.full");
    const stored = await withTenant(db, coop, (trx) => trx.selectFrom("seminar_registrations").select("cancel_token_hash").where("id", "=", receipt.registrationId).executeTakeFirstOrThrow());
    expect(stored.cancel_token_hash).not.toContain(receipt.cancelToken);
    const link = { tenantSlug: "sem-coop", seminarId: id, token: receipt.cancelToken };
    expect(await describeRegistration(db, link)).toMatchObject({ status: "registered", name: "ผู้สมัคร" });
    expect(await cancelRegistration(db, link)).toMatchObject({ alreadyCancelled: false });
    expect(await cancelRegistration(db, link)).toMatchObject({ alreadyCancelled: true });
    expect((await getAdminSeminar(db, coop, id)).registeredCount).toBe(0);
    expect(await messageKeyOf(register(id, "0897654321"))).toBe("ok");
    // The cancelled person may sign up again with the same phone.
    expect(await messageKeyOf(cancelRegistration(db, { ...link, token: "x".repeat(43) }))).toBe("seminar.errors.cancel_link_invalid");
    expect(await messageKeyOf(cancelRegistration(db, { ...link, tenantSlug: "sem-other" }))).toBe("seminar.errors.cancel_link_invalid");
  });

  it("refuses a second live registration with the same phone, in any spelling", async () => {
    const id = await published();
    await register(id, "081-555-0000");
    expect(await messageKeyOf(register(id, "+66815550000"))).toBe("seminar.errors.already_registered");
    const concurrent = await published();
    const both = await Promise.all([messageKeyOf(register(concurrent, "0826660000")), messageKeyOf(register(concurrent, "082 666 0000"))]);
    expect(both.sort()).toEqual(["ok", "seminar.errors.already_registered"]);
    expect((await getAdminSeminar(db, coop, concurrent)).registeredCount).toBe(1);
  });

  it("refuses drafts, ended and cancelled seminars, and another co-op's seminar under this co-op's name", async () => {
    const { id: draft } = await createSeminar(db, coop, null, fields());
    expect(await messageKeyOf(register(draft, "0811111111"))).toBe("seminar.errors.not_found");
    const ended = await published();
    await moveToPast(coop, ended);
    expect(await messageKeyOf(register(ended, "0811111111"))).toBe("seminar.errors.ended");
    const cancelled = await published();
    await cancelSeminar(db, coop, null, cancelled);
    expect(await messageKeyOf(register(cancelled, "0811111111"))).toBe("seminar.errors.seminar_cancelled");
    const theirs = await published({}, other);
    expect(await messageKeyOf(register(theirs, "0811111111"))).toBe("seminar.errors.not_found");
    expect(await messageKeyOf(register(theirs, "0811111111", "x", "no-such-coop"))).toBe("seminar.errors.not_found");
    for (const id of [draft, ended, cancelled]) expect((await getAdminSeminar(db, coop, id)).registeredCount).toBe(0);
    expect((await getAdminSeminar(db, other, theirs)).registeredCount).toBe(0);
  });

  it("exports registrants as UTF-8 CSV with a BOM and lists them in pages", async () => {
    const id = await published();
    await register(id, "0812223333", "สมหญิง, \"ใจดี\"");
    await register(id, "0812224444", "=HYPERLINK(1)");
    const csv = await registrantsCsv(db, coop, id);
    expect(csv.body.startsWith("\uFEFFno,name,phone")).toBe(true);
    expect(csv.body).toContain('"สมหญิง, ""ใจดี"""');
    expect(csv.body).toContain("'=HYPERLINK(1)");
    // The phone stays text with its leading zero: ="0812223333", quoted as RFC 4180 asks.
    expect(csv.body).toContain('"=""0812223333"""');
    const page = await listRegistrants(db, coop, { seminarId: id, pageSize: 1, page: 2 });
    expect(page).toMatchObject({ total: 2, registered: 2, cancelled: 0 });
    expect(page.items.map((r) => r.phone)).toEqual(["0812224444"]);
  });
});

describe("public lists and harvest", () => {
  it("lists upcoming and past published seminars of active co-ops, never drafts", async () => {
    const upcoming = await published({ title: "กำลังจะมา" });
    const past = await published({ title: "ผ่านไปแล้ว" });
    await moveToPast(coop, past);
    const { id: draft } = await createSeminar(db, coop, null, fields());
    const soon = await listPublicSeminars(db, { when: "upcoming", pageSize: 50 });
    const ids = soon.items.map((s) => s.id);
    expect(ids).toContain(upcoming);
    expect(ids).not.toContain(past);
    expect(ids).not.toContain(draft);
    const starts = soon.items.map((s) => s.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const before = await listPublicSeminars(db, { when: "past", tenantId: coop });
    expect(before.items.map((s) => s.id)).toContain(past);
    expect((await listPublicSeminars(db, { when: "upcoming", tenantId: other, pageSize: 50 })).items.every((s) => s.tenantId === other)).toBe(true);
  });

  it("attaches harvest after the event only, shows it on the page, and removes it", async () => {
    const id = await published();
    expect(await messageKeyOf(addSeminarHarvest(db, coop, organiser, { kind: "link", seminarId: id, title: "ลิงก์", url: "https://example.org/a" }))).toBe(
      "seminar.errors.harvest_before_event",
    );
    await moveToPast(coop, id);
    const article = await withTenant(db, coop, (trx) =>
      trx.insertInto("articles").values({ tenant_id: coop, title: "สรุปเสวนา", topic: "production", status: "published", shared: true, published_at: new Date() }).returning("id").executeTakeFirstOrThrow(),
    );
    const draftArticle = await withTenant(db, coop, (trx) =>
      trx.insertInto("articles").values({ tenant_id: coop, title: "ร่าง", topic: "production" }).returning("id").executeTakeFirstOrThrow(),
    );
    await addSeminarHarvest(db, coop, organiser, { kind: "article", seminarId: id, articleId: article.id });
    await addSeminarHarvest(db, coop, organiser, { kind: "article", seminarId: id, articleId: draftArticle.id });
    const video = await addSeminarHarvest(db, coop, organiser, { kind: "video", seminarId: id, title: "วิดีโอ", url: "https://youtu.be/abc" });
    const notAVideo = addHarvestInput.safeParse({ kind: "video", seminarId: id, title: "x", url: "https://evil.example/v" });
    expect(notAVideo.error!.issues.map((i) => i.message)).toContain("seminar.errors.video_url_invalid");
    expect(await messageKeyOf(addSeminarHarvest(db, coop, organiser, { kind: "article", seminarId: id, articleId: article.id }))).toBe("seminar.errors.article_already_attached");
    const theirArticle = await withTenant(db, other, (trx) =>
      trx.insertInto("articles").values({ tenant_id: other, title: "ของเขา", topic: "production" }).returning("id").executeTakeFirstOrThrow(),
    );
    expect(await messageKeyOf(addSeminarHarvest(db, coop, organiser, { kind: "article", seminarId: id, articleId: theirArticle.id }))).toBe("seminar.errors.article_not_found");

    const page = await getPublicSeminar(db, "sem-coop", id);
    expect(page!.registration).toBe("ended");
    // The draft article shows in the back office only.
    expect(page!.harvest.map((h) => [h.kind, h.title, h.url])).toEqual([
      ["article", "สรุปเสวนา", `/knowledge/sem-coop/${article.id}`],
      ["video", "วิดีโอ", "https://youtu.be/abc"],
    ]);
    expect((await getAdminSeminar(db, coop, id)).harvest).toHaveLength(3);
    await removeSeminarHarvest(db, coop, organiser, { seminarId: id, harvestId: video.id });
    expect(await messageKeyOf(removeSeminarHarvest(db, other, organiser, { seminarId: id, harvestId: video.id }))).toBe("seminar.errors.not_found");
    expect((await getPublicSeminar(db, "sem-coop", id))!.harvest).toHaveLength(1);
  });
});

describe("seedDemoSeminars", () => {
  it("seeds upcoming and past seminars once", async () => {
    await db.insertInto("tenants").values({ slug: "korat", name_th: "สหกรณ์โคราช", province_code: 30, region_id: 5, status: "active" }).execute();
    await seedDemoSeminars(db);
    await seedDemoSeminars(db);
    const korat = await db.selectFrom("tenants").select("id").where("slug", "=", "korat").executeTakeFirstOrThrow();
    const upcoming = await listPublicSeminars(db, { when: "upcoming", tenantId: korat.id });
    const past = await listPublicSeminars(db, { when: "past", tenantId: korat.id });
    expect(upcoming.total).toBe(1);
    expect(past.total).toBe(1);
    const detail = await getPublicSeminar(db, "korat", past.items[0]!.id);
    expect(detail!.harvest.length).toBeGreaterThan(0);
    expect(upcoming.items[0]!.registeredCount).toBe(3);
  });
});
