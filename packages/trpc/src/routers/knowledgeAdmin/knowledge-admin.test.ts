import { findTenantBySlug, type PublicTenant } from "@coop/core";
import { type Database, type Kysely, type MemberRole, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site } from "../../site.ts";
import { testContext } from "../../testing.ts";
import { createCallerFactory, router } from "../../trpc.ts";
import { knowledgeRouter } from "../knowledge/index.ts";
import { knowledgeAdminRouter } from "./index.ts";

const createCaller = createCallerFactory(router({ knowledgeAdmin: knowledgeAdminRouter, knowledge: knowledgeRouter }));
type Caller = ReturnType<typeof createCaller>;

let t: TestDatabase;
let db: Kysely<Database>;
let coopA: PublicTenant;
let coopB: PublicTenant;
const users = { managerA: "", ownerB: "", outsider: "" };
let draftB: string;
let sharedB: string;
let pdfB: string;

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

/** Everything of co-op B that A's calls must never change. */
async function snapshotB() {
  return withTenant(db, coopB.id, async (trx) => ({
    articles: await trx.selectFrom("articles").selectAll().orderBy("id").execute(),
    files: await trx.selectFrom("article_files").selectAll().orderBy("id").execute(),
    audit: await trx.selectFrom("audit_events").select(["id", "action"]).orderBy("id").execute(),
    index: await trx.selectFrom("search_documents").select(["ref_id", "title", "network_visible"]).where("owner_tenant_id", "=", coopB.id).orderBy("ref_id").execute(),
  }));
}

const FIELDS = { title: "บทความใหม่", summary: "", bodyMd: "เนื้อหา", topic: "production" as const, crops: ["rice"] };

/** One call of every back-office procedure, aimed at B's ids. */
const ADMIN_CALLS: Record<string, (c: Caller) => Promise<unknown>> = {
  list: (c) => c.knowledgeAdmin.list({}),
  get: (c) => c.knowledgeAdmin.get({ articleId: draftB }),
  create: (c) => c.knowledgeAdmin.create(FIELDS),
  update: (c) => c.knowledgeAdmin.update({ articleId: draftB, ...FIELDS, title: "ถูกแก้" }),
  setStatus: (c) => c.knowledgeAdmin.setStatus({ articleId: draftB, status: "published" }),
  share: (c) => c.knowledgeAdmin.share({ articleId: sharedB, shared: false }),
  delete: (c) => c.knowledgeAdmin.delete({ articleId: sharedB }),
  preview: (c) => c.knowledgeAdmin.preview({ bodyMd: "**x**" }),
  files: (c) => c.knowledgeAdmin.files({ articleId: draftB }),
  deleteFile: (c) => c.knowledgeAdmin.deleteFile({ fileId: pdfB }),
  options: (c) => c.knowledgeAdmin.options(),
};

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coopA = await makeCoop("coop-a");
  coopB = await makeCoop("coop-b");
  users.managerA = await makeUser("manager-a@example.com", [coopA, "manager"]);
  users.ownerB = await makeUser("owner-b@example.com", [coopB, "owner"]);
  users.outsider = await makeUser("outsider@example.com");
  const b = await caller(coopB, users.ownerB);
  draftB = (await b.knowledgeAdmin.create({ ...FIELDS, title: "ร่างของ B" })).id;
  sharedB = (await b.knowledgeAdmin.create({ ...FIELDS, title: "แบ่งปันของ B", crops: ["cassava"] })).id;
  await b.knowledgeAdmin.setStatus({ articleId: sharedB, status: "published" });
  await b.knowledgeAdmin.share({ articleId: sharedB, shared: true });
  pdfB = (
    await withTenant(db, coopB.id, (trx) =>
      trx
        .insertInto("article_files")
        .values({ tenant_id: coopB.id, article_id: draftB, kind: "pdf", storage_key: `t/${coopB.id}/kpdf/x.pdf`, file_name: "x.pdf", byte_size: 10 })
        .returning("id")
        .executeTakeFirstOrThrow()
    )
  ).id;
});

afterAll(async () => {
  await t?.destroy();
});

describe("knowledgeAdmin", () => {
  it("a member of A aiming at B's articles gets NOT_FOUND (or only A's own data), and B is unchanged", async () => {
    const a = await caller(coopA, users.managerA);
    const before = await snapshotB();
    const results: Record<string, string> = {};
    for (const [name, call] of Object.entries(ADMIN_CALLS)) results[name] = await codeOf(call(a));
    expect(results).toEqual({
      list: "OK", get: "NOT_FOUND", create: "OK", update: "NOT_FOUND", setStatus: "NOT_FOUND", share: "NOT_FOUND", delete: "NOT_FOUND",
      preview: "OK", files: "NOT_FOUND", deleteFile: "NOT_FOUND", options: "OK",
    });
    expect(await snapshotB()).toEqual(before);
    // A's list holds A's article only.
    expect((await a.knowledgeAdmin.list({})).items.map((i) => i.title)).toEqual(["บทความใหม่"]);
  });

  it("B's own owner on A's host is refused, as are strangers and the network host", async () => {
    const before = await snapshotB();
    const who: Array<[string, Caller]> = [
      ["owner of B on A's host", await caller(coopA, users.ownerB)],
      ["outsider", await caller(coopA, users.outsider)],
      ["anonymous", await caller(coopA)],
      ["network host", await caller(null, users.ownerB)],
    ];
    for (const [label, c] of who) {
      for (const [name, call] of Object.entries(ADMIN_CALLS)) {
        const code = await codeOf(call(c));
        expect([label, name, code]).toEqual([label, name, expect.stringMatching(/^(FORBIDDEN|UNAUTHORIZED|NOT_FOUND)$/)]);
      }
    }
    expect(await snapshotB()).toEqual(before);
  });

  it("runs the whole life of an article for its own co-op", async () => {
    const b = await caller(coopB, users.ownerB);
    const { id } = await b.knowledgeAdmin.create({ ...FIELDS, title: "วงจรชีวิต", bodyMd: "# หัวข้อ\n\n[x](javascript:alert(1))" });
    expect((await b.knowledgeAdmin.get({ articleId: id })).bodyHtml).not.toContain('href="javascript');
    await b.knowledgeAdmin.update({ articleId: id, ...FIELDS, title: "วงจรชีวิต 2", crops: ["rice", "cassava"] });
    await b.knowledgeAdmin.setStatus({ articleId: id, status: "published" });
    await b.knowledgeAdmin.share({ articleId: id, shared: true });
    expect(await b.knowledgeAdmin.get({ articleId: id })).toMatchObject({ title: "วงจรชีวิต 2", status: "published", shared: true });
    expect((await b.knowledgeAdmin.preview({ bodyMd: "<b>x</b> **y**" })).html).toBe("<p>&lt;b&gt;x&lt;/b&gt; <strong>y</strong></p>\n");
    expect((await b.knowledgeAdmin.list({ status: "published" })).items.map((i) => i.id)).toContain(id);
    await b.knowledgeAdmin.delete({ articleId: id });
    expect(await codeOf(b.knowledgeAdmin.get({ articleId: id }))).toBe("NOT_FOUND");
  });

  it("rejects bad input with BAD_REQUEST", async () => {
    const a = await caller(coopA, users.managerA);
    expect(await codeOf(a.knowledgeAdmin.create({ ...FIELDS, topic: "nope" as "production" }))).toBe("BAD_REQUEST");
    expect(await codeOf(a.knowledgeAdmin.create({ ...FIELDS, crops: ["no-such-crop"] }))).toBe("BAD_REQUEST");
    expect(await codeOf(a.knowledgeAdmin.list({ pageSize: 500 }))).toBe("BAD_REQUEST");
    expect(await codeOf(a.knowledgeAdmin.preview({ bodyMd: "x".repeat(100_001) }))).toBe("BAD_REQUEST");
    expect(await codeOf(a.knowledgeAdmin.get({ articleId: "not-a-uuid" }))).toBe("BAD_REQUEST");
  });
});

describe("knowledge (public)", () => {
  it("a co-op's site shows only its own published articles", async () => {
    const onA = await caller(coopA);
    const onB = await caller(coopB);
    expect(await onA.knowledge.siteGet({ articleId: sharedB })).toBeNull();
    expect(await onA.knowledge.siteGet({ articleId: draftB })).toBeNull();
    expect((await onA.knowledge.siteList({})).items.map((i) => i.id)).not.toContain(sharedB);
    expect(await onB.knowledge.siteGet({ articleId: draftB })).toBeNull();
    expect((await onB.knowledge.siteGet({ articleId: sharedB }))?.title).toBe("แบ่งปันของ B");
    expect(await codeOf((await caller(null)).knowledge.siteList({}))).toBe("NOT_FOUND");
  });

  it("the network shows shared articles under their own co-op only", async () => {
    const net = await caller(null);
    expect((await net.knowledge.networkList({})).items.map((i) => i.id)).toEqual([sharedB]);
    expect(await net.knowledge.networkGet({ tenantSlug: "coop-a", articleId: sharedB })).toBeNull();
    expect(await net.knowledge.networkGet({ tenantSlug: "coop-b", articleId: draftB })).toBeNull();
    expect((await net.knowledge.networkGet({ tenantSlug: "coop-b", articleId: sharedB }))?.tenant.slug).toBe("coop-b");
    expect((await net.knowledge.latestForCrops({ crops: ["cassava"] })).map((i) => i.id)).toEqual([sharedB]);
    // On B's own site the block shows other co-ops' knowledge.
    expect((await (await caller(coopB)).knowledge.latestForCrops({ crops: ["cassava"] })).map((i) => i.id)).not.toContain(sharedB);
    expect((await net.knowledge.crops()).map((c) => c.code)).toContain("rice");
  });
});
