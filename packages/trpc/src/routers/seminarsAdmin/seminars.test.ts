import { bangkokParts, findTenantBySlug, type PublicTenant } from "@coop/core";
import { type Database, type Kysely, type MemberRole, sql, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site } from "../../site.ts";
import { testContext } from "../../testing.ts";
import { createCallerFactory, router } from "../../trpc.ts";
import { seminarsRouter } from "../seminars/index.ts";
import { seminarsAdminRouter } from "./index.ts";

const createCaller = createCallerFactory(router({ seminarsAdmin: seminarsAdminRouter, seminars: seminarsRouter }));
type Caller = ReturnType<typeof createCaller>;

let t: TestDatabase;
let db: Kysely<Database>;
let coopA: PublicTenant;
let coopB: PublicTenant;
const users = { editorA: "", ownerB: "", outsider: "" };
let seminarA: string;
let seminarB: string;
let pastB: string;
let harvestB: string;
let cancelTokenB: string;

async function makeCoop(slug: string): Promise<PublicTenant> {
  await db.insertInto("tenants").values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status: "active" }).execute();
  return (await findTenantBySlug(db, slug))!;
}

async function makeUser(email: string, membership?: [PublicTenant, MemberRole]): Promise<string> {
  const { id } = await db.insertInto("users").values({ email, display_name: email, password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
  if (membership) {
    const [tenant, role] = membership;
    await withTenant(db, tenant.id, (trx) => trx.insertInto("memberships").values({ tenant_id: tenant.id, user_id: id, role }).execute());
  }
  return id;
}

async function caller(tenant: PublicTenant | null, userId?: string, ip?: string): Promise<Caller> {
  const site: Site = tenant ? { kind: "coop", tenant } : { kind: "network" };
  return createCaller(await testContext(db, site, { ...(userId ? { userId } : {}), ...(ip ? { ip } : {}) }));
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

const day = (offset: number) => bangkokParts(new Date(Date.now() + offset * 86_400_000)).date;
const form = (title: string, capacity = 30) => ({
  title, topic: "production" as const, crops: ["rice"], startDate: day(7), startTime: "09:00", endTime: "12:00", place: "ห้องประชุม", capacity,
});

async function snapshotB() {
  return withTenant(db, coopB.id, async (trx) => ({
    seminars: await trx.selectFrom("seminars").selectAll().orderBy("id").execute(),
    speakers: await trx.selectFrom("seminar_speakers").selectAll().orderBy("sage_id").execute(),
    registrations: await trx.selectFrom("seminar_registrations").selectAll().orderBy("id").execute(),
    harvest: await trx.selectFrom("seminar_harvest").selectAll().orderBy("id").execute(),
  }));
}

/** One call of every back-office procedure, aimed at a seminar id. */
const ADMIN_CALLS: Record<string, (c: Caller, id: string) => Promise<unknown>> = {
  "seminarsAdmin.list": (c) => c.seminarsAdmin.list({}),
  "seminarsAdmin.get": (c, id) => c.seminarsAdmin.get({ seminarId: id }),
  "seminarsAdmin.options": (c) => c.seminarsAdmin.options(),
  "seminarsAdmin.create": (c) => c.seminarsAdmin.create(form("ใหม่")),
  "seminarsAdmin.update": (c, id) => c.seminarsAdmin.update({ seminarId: id, fields: form("ถูกแก้", 99) }),
  "seminarsAdmin.publish": (c, id) => c.seminarsAdmin.publish({ seminarId: id }),
  "seminarsAdmin.cancel": (c, id) => c.seminarsAdmin.cancel({ seminarId: id }),
  "seminarsAdmin.speakers": (c, id) => c.seminarsAdmin.speakers({ seminarId: id, sageIds: [] }),
  "seminarsAdmin.registrants": (c, id) => c.seminarsAdmin.registrants({ seminarId: id }),
  "seminarsAdmin.csv": (c, id) => c.seminarsAdmin.csv({ seminarId: id }),
  "seminarsAdmin.harvestAdd": (c, id) => c.seminarsAdmin.harvestAdd({ kind: "link", seminarId: id, title: "แอบ", url: "https://example.org" }),
  "seminarsAdmin.harvestRemove": (c, id) => c.seminarsAdmin.harvestRemove({ seminarId: id, harvestId: harvestB }),
};

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coopA = await makeCoop("sem-a");
  coopB = await makeCoop("sem-b");
  users.editorA = await makeUser("editor-a@example.com", [coopA, "editor"]);
  users.ownerB = await makeUser("owner-b@example.com", [coopB, "owner"]);
  users.outsider = await makeUser("outsider@example.com");
  const a = await caller(coopA, users.editorA);
  seminarA = (await a.seminarsAdmin.create(form("เสวนา A"))).id;
  await a.seminarsAdmin.publish({ seminarId: seminarA });
  const b = await caller(coopB, users.ownerB);
  seminarB = (await b.seminarsAdmin.create(form("เสวนา B"))).id;
  await b.seminarsAdmin.publish({ seminarId: seminarB });
  pastB = (await b.seminarsAdmin.create(form("เสวนา B ที่ผ่านมา"))).id;
  await b.seminarsAdmin.publish({ seminarId: pastB });
  await withTenant(db, coopB.id, (trx) =>
    trx.updateTable("seminars").set({ starts_at: sql`now() - interval '2 days'`, ends_at: sql`now() - interval '1 day'` }).where("id", "=", pastB).execute(),
  );
  harvestB = (await b.seminarsAdmin.harvestAdd({ kind: "video", seminarId: pastB, title: "วิดีโอ", url: "https://www.youtube.com/watch?v=x" })).id;
  const visitor = await caller(null, undefined, "10.0.0.9");
  cancelTokenB = (await visitor.seminars.register({ tenantSlug: "sem-b", seminarId: seminarB, name: "ผู้ร่วมงาน", phone: "0812345678" })).cancelToken;
});
afterAll(async () => {
  await t?.destroy();
});

describe("seminarsAdmin: tenant isolation", () => {
  it("an editor of co-op A on A's host cannot see or change co-op B's seminars through any procedure", async () => {
    const before = await snapshotB();
    const a = await caller(coopA, users.editorA);
    for (const id of [seminarB, pastB]) {
      for (const name of Object.keys(ADMIN_CALLS).filter((n) => !["seminarsAdmin.list", "seminarsAdmin.options", "seminarsAdmin.create"].includes(n))) {
        expect(await codeOf(ADMIN_CALLS[name]!(a, id)), name).toBe("NOT_FOUND");
      }
    }
    expect((await a.seminarsAdmin.list({ pageSize: 50 })).items.map((s) => s.id)).toEqual([seminarA]);
    const sneaky = { ...form("แอบ"), tenantId: coopB.id } as Parameters<Caller["seminarsAdmin"]["create"]>[0];
    const created = await a.seminarsAdmin.create(sneaky);
    expect((await a.seminarsAdmin.get({ seminarId: created.id })).title).toBe("แอบ");
    // Harvest of A's seminar cannot remove B's harvest row by its id.
    expect(await codeOf(a.seminarsAdmin.harvestRemove({ seminarId: seminarA, harvestId: harvestB }))).toBe("NOT_FOUND");
    expect(await snapshotB()).toEqual(before);
  });

  it("co-op B still manages its own seminars", async () => {
    const b = await caller(coopB, users.ownerB);
    expect((await b.seminarsAdmin.get({ seminarId: seminarB })).registeredCount).toBe(1);
    expect((await b.seminarsAdmin.registrants({ seminarId: seminarB })).items.map((r) => r.phone)).toEqual(["0812345678"]);
    const file = await b.seminarsAdmin.csv({ seminarId: seminarB });
    expect(file.body.startsWith("\uFEFF")).toBe(true);
    expect(file.filename).toMatch(/^seminar-sem-b-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it("non-members get FORBIDDEN, signed-out callers UNAUTHORIZED, and the network host NOT_FOUND", async () => {
    const before = await snapshotB();
    for (const userId of [users.outsider, users.ownerB]) {
      const c = await caller(coopA, userId);
      for (const [name, call] of Object.entries(ADMIN_CALLS)) expect(await codeOf(call(c, seminarA)), name).toBe("FORBIDDEN");
    }
    const anonymous = await caller(coopA);
    for (const [name, call] of Object.entries(ADMIN_CALLS)) expect(await codeOf(call(anonymous, seminarA)), name).toBe("UNAUTHORIZED");
    const network = await caller(null, users.editorA);
    for (const [name, call] of Object.entries(ADMIN_CALLS)) expect(await codeOf(call(network, seminarA)), name).toBe("NOT_FOUND");
    expect(await snapshotB()).toEqual(before);
  });

  it("capacity below the registrations is BAD_REQUEST with the count, on the capacity field", async () => {
    const b = await caller(coopB, users.ownerB);
    const error = await b.seminarsAdmin.update({ seminarId: seminarB, fields: { ...form("เสวนา B"), capacity: 0 } }).then(() => null, (e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    const stillOne = await b.seminarsAdmin.get({ seminarId: seminarB });
    expect(stillOne.capacity).toBe(30);
  });
});

describe("seminars (public): isolation and refusals", () => {
  it("the cancel link of a B registration works only under B's slug and B's seminar", async () => {
    const visitor = await caller(null);
    const before = await snapshotB();
    expect(await codeOf(visitor.seminars.registration({ tenantSlug: "sem-a", seminarId: seminarB, token: cancelTokenB }))).toBe("NOT_FOUND");
    expect(await codeOf(visitor.seminars.cancel({ tenantSlug: "sem-a", seminarId: seminarB, token: cancelTokenB }))).toBe("NOT_FOUND");
    expect(await codeOf(visitor.seminars.cancel({ tenantSlug: "sem-b", seminarId: pastB, token: cancelTokenB }))).toBe("NOT_FOUND");
    expect(await codeOf(visitor.seminars.register({ tenantSlug: "sem-a", seminarId: seminarB, name: "x", phone: "0899999999" }))).toBe("NOT_FOUND");
    expect(await codeOf(visitor.seminars.get({ tenantSlug: "sem-a", seminarId: seminarB }))).toBe("NOT_FOUND");
    expect(await snapshotB()).toEqual(before);
    expect((await visitor.seminars.registration({ tenantSlug: "sem-b", seminarId: seminarB, token: cancelTokenB })).status).toBe("registered");
  });

  it("a co-op site lists only its own seminars; the network lists both", async () => {
    const siteA = await caller(coopA);
    expect((await siteA.seminars.siteList({})).items.map((s) => s.tenantSlug)).toEqual(["sem-a"]);
    expect((await siteA.seminars.siteList({ when: "past" })).items).toEqual([]);
    const network = await caller(null);
    expect(await codeOf(network.seminars.siteList({}))).toBe("NOT_FOUND");
    const all = await network.seminars.list({});
    expect(all.items.map((s) => s.tenantSlug).sort()).toEqual(["sem-a", "sem-b"]);
    const past = await network.seminars.list({ when: "past" });
    expect(past.items.map((s) => s.id)).toEqual([pastB]);
    const page = await network.seminars.get({ tenantSlug: "sem-b", seminarId: pastB });
    expect(page).toMatchObject({ registration: "ended", harvest: [{ kind: "video", title: "วิดีโอ" }] });
  });

  it("drafts are not found and ended seminars refuse registration", async () => {
    const a = await caller(coopA, users.editorA);
    const draft = (await a.seminarsAdmin.create(form("ร่าง"))).id;
    const visitor = await caller(null, undefined, "10.0.0.10");
    expect(await codeOf(visitor.seminars.get({ tenantSlug: "sem-a", seminarId: draft }))).toBe("NOT_FOUND");
    expect(await codeOf(visitor.seminars.register({ tenantSlug: "sem-a", seminarId: draft, name: "x", phone: "0899999999" }))).toBe("NOT_FOUND");
    expect(await codeOf(visitor.seminars.register({ tenantSlug: "sem-b", seminarId: pastB, name: "x", phone: "0899999999" }))).toBe("CONFLICT");
    expect(await codeOf(visitor.seminars.register({ tenantSlug: "sem-b", seminarId: seminarB, name: "x", phone: "0812345678" }))).toBe("CONFLICT");
    expect(await codeOf(visitor.seminars.register({ tenantSlug: "sem-b", seminarId: seminarB, name: "x", phone: "12" }))).toBe("BAD_REQUEST");
  });

  it("rate-limits sign-ups per IP", async () => {
    const visitor = await caller(null, undefined, "10.9.9.9");
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(await codeOf(visitor.seminars.register({ tenantSlug: "sem-a", seminarId: seminarA, name: `ผู้สมัคร ${i}`, phone: `08300000${String(i).padStart(2, "0")}` })));
    }
    expect(codes.slice(0, 10).every((c) => c === "OK")).toBe(true);
    expect(codes.slice(10)).toEqual(["TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
  });
});
