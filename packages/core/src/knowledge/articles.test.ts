import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "@coop/db/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, makeCoop, makeUser } from "../catalog/admin/testing.ts";
import { AppError } from "../errors.ts";
import { LocalDiskStorage } from "../media/storage.ts";
import {
  addArticleImage, addArticlePdf, createArticle, deleteArticle, getAdminArticle, getNetworkArticle, getSiteArticle, latestKnowledgeForCrops,
  listAdminArticles, listArticleFiles, listNetworkArticles, listSiteArticles, readArticleFile, removeArticleFile, seedDemoKnowledge,
  setArticleShared, setArticleStatus, updateArticle,
} from "./index.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let dir: string;
let storage: LocalDiskStorage;
let coopA: string;
let coopB: string;
let userA: string;
let userB: string;

const fields = (overrides: Record<string, unknown> = {}) => ({
  title: "ปุ๋ยหมักจากฟางข้าว",
  summary: "ทำปุ๋ยใช้เองจากฟาง",
  bodyMd: "## วิธีทำ\n\nกองฟาง **รดน้ำ** กลับกอง\n\n<script>alert(1)</script>",
  topic: "production" as const,
  crops: ["rice"],
  ...overrides,
});

async function indexRow(id: string) {
  // As the network sees it (no tenant): only network-visible rows.
  const network = await db.selectFrom("search_documents").selectAll().where("kind", "=", "article").where("ref_id", "=", id).executeTakeFirst();
  const owner = await withTenant(db, coopA, (trx) =>
    trx.selectFrom("search_documents").selectAll().where("kind", "=", "article").where("ref_id", "=", id).executeTakeFirst(),
  );
  return { network, owner };
}

async function auditOf(tenantId: string, id: string): Promise<string[]> {
  const rows = await withTenant(db, tenantId, (trx) =>
    trx.selectFrom("audit_events").select("action").where("subject_id", "=", id).orderBy("created_at").orderBy("id").execute(),
  );
  return rows.map((r) => r.action);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return `${error.code} ${error.messageKey}`;
    throw error;
  }
}

const PNG = () => sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a7d44" } }).png().toBuffer();
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  dir = mkdtempSync(path.join(tmpdir(), "knowledge-test-"));
  storage = new LocalDiskStorage(dir);
  coopA = await makeCoop(db, "coop-a");
  coopB = await makeCoop(db, "coop-b");
  userA = await makeUser(db, "a@example.com", "A");
  userB = await makeUser(db, "b@example.com", "B");
  await addMember(db, coopA, userA, "manager");
  await addMember(db, coopB, userB, "manager");
});

afterAll(async () => {
  await t?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe(`articles on ${TEST_ENGINE}`, () => {
  it("creates a draft with sanitised HTML, not indexed, audited", async () => {
    const { id } = await createArticle(db, coopA, userA, fields());
    const article = await getAdminArticle(db, coopA, id);
    expect(article).toMatchObject({ status: "draft", shared: false, topic: "production", crops: ["rice"], sourceKind: "coop", publishedAt: null });
    expect(article.bodyHtml).toContain("<h2>วิธีทำ</h2>");
    expect(article.bodyHtml).not.toContain("<script");
    expect(await indexRow(id)).toEqual({ network: undefined, owner: undefined });
    expect(await auditOf(coopA, id)).toEqual(["article.create"]);
  });

  it("refuses unknown crops, unknown sources and bad fields, changing nothing", async () => {
    const before = await listAdminArticles(db, coopA, {});
    expect(await codeOf(createArticle(db, coopA, userA, fields({ crops: ["unobtainium"] })))).toBe("VALIDATION knowledge.errors.crop_invalid");
    expect(await codeOf(createArticle(db, coopA, userA, fields({ sourceKind: "sage", sourceSageId: "00000000-0000-4000-8000-000000000000" })))).toBe(
      "VALIDATION knowledge.errors.source_invalid",
    );
    expect(await codeOf(createArticle(db, coopA, userA, fields({ title: "" })))).toBe("VALIDATION validation.invalid");
    expect(await codeOf(createArticle(db, coopA, userA, fields({ topic: "astrology" })))).toBe("VALIDATION validation.invalid");
    expect(await codeOf(createArticle(db, coopA, userA, fields({ title: "ก".repeat(201) })))).toBe("VALIDATION validation.invalid");
    expect((await listAdminArticles(db, coopA, {})).total).toBe(before.total);
  });

  it("accepts a real centre or sage as the source", async () => {
    const centre = await db
      .insertInto("learning_centres")
      .values({ code: "T-1", name_th: "ศพก. ทดสอบ", province_code: 30, district_th: "เมือง" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { id } = await createArticle(db, coopA, userA, fields({ sourceKind: "centre", sourceCentreId: centre.id, sourceSageId: centre.id }));
    const article = await getAdminArticle(db, coopA, id);
    expect(article).toMatchObject({ sourceKind: "centre", sourceCentreId: centre.id, sourceSageId: null });
    await setArticleStatus(db, coopA, userA, id, "published");
    expect((await getSiteArticle(db, coopA, id))?.source.centre).toEqual({ id: centre.id, nameTh: "ศพก. ทดสอบ" });
    await deleteArticle(db, coopA, userA, id);
  });

  it("publish, share, update, unshare, unpublish keep the index row in step", async () => {
    const { id } = await createArticle(db, coopA, userA, fields({ title: "การเลี้ยงไหมอีรี่" }));

    await setArticleStatus(db, coopA, userA, id, "published");
    let rows = await indexRow(id);
    expect(rows.network).toBeUndefined();
    expect(rows.owner).toMatchObject({ title: "การเลี้ยงไหมอีรี่", network_visible: false, owner_tenant_id: coopA, topic: "production", crops: ["rice"] });
    expect(rows.owner?.body).toContain("กองฟาง รดน้ำ กลับกอง");
    expect(rows.owner?.body).not.toContain("**");

    await setArticleShared(db, coopA, userA, id, true);
    rows = await indexRow(id);
    expect(rows.network?.network_visible).toBe(true);

    await updateArticle(db, coopA, userA, id, fields({ title: "การเลี้ยงไหมอีรี่ด้วยใบมัน", crops: ["silk", "cassava"] }));
    rows = await indexRow(id);
    expect(rows.network).toMatchObject({ title: "การเลี้ยงไหมอีรี่ด้วยใบมัน", crops: ["silk", "cassava"] });

    await setArticleShared(db, coopA, userA, id, false);
    rows = await indexRow(id);
    expect(rows.network).toBeUndefined();
    expect(rows.owner?.network_visible).toBe(false);

    await setArticleStatus(db, coopA, userA, id, "draft");
    expect(await indexRow(id)).toEqual({ network: undefined, owner: undefined });
    expect(await auditOf(coopA, id)).toEqual(["article.create", "article.publish", "article.share", "article.update", "article.unshare", "article.unpublish"]);
  });

  it("lists for the back office with status/topic filters and paging", async () => {
    const all = await listAdminArticles(db, coopA, { pageSize: 50 });
    const drafts = await listAdminArticles(db, coopA, { status: "draft" });
    expect(drafts.items.every((a) => a.status === "draft")).toBe(true);
    expect((await listAdminArticles(db, coopA, { topic: "marketing" })).total).toBe(0);
    const page1 = await listAdminArticles(db, coopA, { pageSize: 1, page: 1 });
    const page2 = await listAdminArticles(db, coopA, { pageSize: 1, page: 2 });
    expect(page1.items[0]?.id).not.toBe(page2.items[0]?.id);
    expect(page1.total).toBe(all.total);
    expect((await listAdminArticles(db, coopB, {})).total).toBe(0);
  });

  it("never lets another co-op read or change an article", async () => {
    const { id } = await createArticle(db, coopA, userA, fields({ title: "ของ A" }));
    const nf = "NOT_FOUND knowledge.errors.not_found";
    expect(await codeOf(getAdminArticle(db, coopB, id))).toBe(nf);
    expect(await codeOf(updateArticle(db, coopB, userB, id, fields({ title: "ถูกแก้" })))).toBe(nf);
    expect(await codeOf(setArticleStatus(db, coopB, userB, id, "published"))).toBe(nf);
    expect(await codeOf(setArticleShared(db, coopB, userB, id, true))).toBe(nf);
    expect(await codeOf(deleteArticle(db, coopB, userB, id))).toBe(nf);
    expect(await codeOf(listArticleFiles(db, coopB, id))).toBe(nf);
    expect(await codeOf(addArticlePdf(db, storage, { tenantId: coopB, actorUserId: userB, articleId: id, bytes: PDF }))).toBe(nf);
    expect(await getAdminArticle(db, coopA, id)).toMatchObject({ title: "ของ A", status: "draft", shared: false });
  });

  it("deletes an article, its index row and its files", async () => {
    const { id } = await createArticle(db, coopA, userA, fields({ title: "จะถูกลบ" }));
    await setArticleStatus(db, coopA, userA, id, "published");
    const pdf = await addArticlePdf(db, storage, { tenantId: coopA, actorUserId: userA, articleId: id, bytes: PDF, fileName: "คู่มือ.pdf" });
    await deleteArticle(db, coopA, userA, id);
    expect(await codeOf(getAdminArticle(db, coopA, id))).toBe("NOT_FOUND knowledge.errors.not_found");
    expect(await indexRow(id)).toEqual({ network: undefined, owner: undefined });
    const outbox = await db.selectFrom("outbox").select("payload").where("kind", "=", "media.delete").execute();
    expect(JSON.stringify(outbox.map((o) => o.payload))).toContain("/kpdf/");
    expect(await readArticleFile(db, storage, { tenantId: coopA, fileId: pdf.id, access: "member" })).toBeNull();
  });
});

describe("article files", () => {
  it("stores an image through the media pipeline and can make it the cover", async () => {
    const { id } = await createArticle(db, coopA, userA, fields({ title: "มีรูป" }));
    const image = await addArticleImage(db, storage, { tenantId: coopA, actorUserId: userA, articleId: id, bytes: await PNG(), fileName: "../../แปลงนา.png", asCover: true });
    expect(image).toMatchObject({ kind: "image", fileName: "แปลงนา.png", width: 64, height: 48 });
    expect(image.url).toMatch(new RegExp(`^/media/t/${coopA}/k/[0-9a-f]{16}-64\\.webp$`));
    expect(image.markdown).toBe(`![แปลงนา.png](${image.url})`);
    const article = await getAdminArticle(db, coopA, id);
    expect(article.coverUrl).toBe(image.url);
    expect(article.files.map((f) => f.id)).toEqual([image.id]);
    // The uploaded image may be used in the body.
    await updateArticle(db, coopA, userA, id, fields({ title: "มีรูป", bodyMd: image.markdown }));
    expect((await getAdminArticle(db, coopA, id)).bodyHtml).toContain(`<img src="${image.url}"`);
    expect(await storage.get(image.url.slice("/media/".length))).not.toBeNull();

    await removeArticleFile(db, coopA, userA, image.id);
    expect((await getAdminArticle(db, coopA, id)).coverUrl).toBeNull();
    expect(await codeOf(removeArticleFile(db, coopA, userA, image.id))).toBe("NOT_FOUND knowledge.errors.file_not_found");
  });

  it("accepts PDFs by their signature only, within the size cap", async () => {
    const { id } = await createArticle(db, coopA, userA, fields({ title: "มีไฟล์" }));
    const base = { tenantId: coopA, actorUserId: userA, articleId: id };
    expect(await codeOf(addArticlePdf(db, storage, { ...base, bytes: new TextEncoder().encode("<html>not a pdf</html>"), fileName: "x.pdf" }))).toBe(
      "VALIDATION knowledge.errors.not_a_pdf",
    );
    const tooBig = new Uint8Array(20 * 1024 * 1024 + 1);
    tooBig.set(PDF);
    expect(await codeOf(addArticlePdf(db, storage, { ...base, bytes: tooBig }))).toBe("VALIDATION knowledge.errors.pdf_too_large");
    expect(await codeOf(addArticleImage(db, storage, { ...base, bytes: PDF }))).toMatch(/^VALIDATION media\./);
    const pdf = await addArticlePdf(db, storage, { ...base, bytes: PDF, fileName: "คู่มือปุ๋ย.pdf" });
    expect(pdf.url).toBe(`/article-files/${coopA}/${pdf.id}`);
    expect((await listArticleFiles(db, coopA, id)).map((f) => f.kind)).toEqual(["pdf"]);
    expect(await codeOf(removeArticleFile(db, coopB, userB, pdf.id))).toBe("NOT_FOUND knowledge.errors.file_not_found");
  });

  it("serves a file only as far as its article is public", async () => {
    const { id } = await createArticle(db, coopA, userA, fields({ title: "ไฟล์ตามสถานะ" }));
    const pdf = await addArticlePdf(db, storage, { tenantId: coopA, actorUserId: userA, articleId: id, bytes: PDF, fileName: "a.pdf" });
    const read = (access: "site" | "network" | "member", tenantId = coopA) => readArticleFile(db, storage, { tenantId, fileId: pdf.id, access });
    const visible = async () => [Boolean(await read("member")), Boolean(await read("site")), Boolean(await read("network"))];
    expect(await visible()).toEqual([true, false, false]);
    await setArticleStatus(db, coopA, userA, id, "published");
    expect(await visible()).toEqual([true, true, false]);
    await setArticleShared(db, coopA, userA, id, true);
    expect(await visible()).toEqual([true, true, true]);
    expect(await read("site", coopB)).toBeNull();
    expect(await read("member", coopB)).toBeNull();
    const file = await read("network");
    expect(file?.fileName).toBe("a.pdf");
  });
});

describe("public reads", () => {
  let published: string;
  let shared: string;
  let draftShared: string;

  beforeAll(async () => {
    published = (await createArticle(db, coopB, userB, fields({ title: "เผยแพร่ไม่แบ่งปัน", crops: ["cassava"] }))).id;
    await setArticleStatus(db, coopB, userB, published, "published");
    shared = (await createArticle(db, coopB, userB, fields({ title: "แบ่งปันแล้ว", topic: "marketing", crops: ["cassava"] }))).id;
    await setArticleStatus(db, coopB, userB, shared, "published");
    await setArticleShared(db, coopB, userB, shared, true);
    // Shared but still a draft: never on the network.
    draftShared = (await createArticle(db, coopB, userB, fields({ title: "ร่างที่แบ่งปัน", crops: ["cassava"] }))).id;
    await setArticleShared(db, coopB, userB, draftShared, true);
  });

  it("the co-op's site shows its published articles only", async () => {
    const site = await listSiteArticles(db, coopB, {});
    expect(site.items.map((a) => a.title).sort()).toEqual(["เผยแพร่ไม่แบ่งปัน", "แบ่งปันแล้ว"].sort());
    expect((await listSiteArticles(db, coopB, { topic: "marketing" })).items.map((a) => a.id)).toEqual([shared]);
    expect(await getSiteArticle(db, coopB, draftShared)).toBeNull();
    expect(await getSiteArticle(db, coopA, shared)).toBeNull();
    expect(await getSiteArticle(db, coopB, "not-a-uuid")).toBeNull();
    const article = await getSiteArticle(db, coopB, published);
    expect(article?.bodyHtml).toContain("<h2>");
    expect(article?.source.kind).toBe("coop");
  });

  it("the network shows published AND shared articles only, with the co-op", async () => {
    const network = await listNetworkArticles(db, { tenantSlug: "coop-b" });
    expect(network.items.map((a) => a.id)).toEqual([shared]);
    expect(network.items[0]).toMatchObject({ tenantSlug: "coop-b", tenantName: "สหกรณ์ coop-b", topic: "marketing", crops: ["cassava"] });
    expect((await listNetworkArticles(db, { crop: "cassava" })).items.map((a) => a.id)).toContain(shared);
    expect((await listNetworkArticles(db, { crop: "durian" })).total).toBe(0);
    expect(await getNetworkArticle(db, "coop-b", published)).toBeNull();
    expect(await getNetworkArticle(db, "coop-b", draftShared)).toBeNull();
    expect(await getNetworkArticle(db, "coop-a", shared)).toBeNull();
    expect(await getNetworkArticle(db, "coop-b", shared)).toMatchObject({ id: shared, tenant: { slug: "coop-b" } });
  });

  it("the network_read policy itself hides what is not shared (no tenant set)", async () => {
    const rows = await db.selectFrom("articles").select(["id", "status", "shared"]).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === "published" && r.shared)).toBe(true);
    expect(rows.map((r) => r.id)).not.toContain(published);
  });

  it("latest knowledge for crops falls back to the newest shared articles", async () => {
    expect((await latestKnowledgeForCrops(db, ["cassava"], 5)).map((a) => a.id)).toEqual([shared]);
    expect((await latestKnowledgeForCrops(db, ["cassava"], 5, coopB)).map((a) => a.id)).not.toContain(shared);
    const fallback = await latestKnowledgeForCrops(db, ["durian"], 5);
    expect(fallback.length).toBeGreaterThan(0);
    expect(fallback.map((a) => a.id)).not.toContain(published);
    expect(fallback.map((a) => a.id)).not.toContain(draftShared);
  });
});

describe("seedDemoKnowledge", () => {
  it("seeds the demo co-ops' articles once, indexed", async () => {
    const slugs = ["korat", "chaiyaphum-silk", "buriram-rice"];
    for (const slug of slugs) await makeCoop(db, slug);
    const first = await seedDemoKnowledge(db);
    expect(first.created).toBe(8);
    expect((await seedDemoKnowledge(db)).created).toBe(0);
    const network = await listNetworkArticles(db, { pageSize: 50 });
    const demo = network.items.filter((a) => slugs.includes(a.tenantSlug));
    expect(demo.length).toBe(6);
    expect(new Set(demo.map((a) => a.topic)).size).toBe(4);
    const indexed = await db.selectFrom("search_documents").select("ref_id").where("kind", "=", "article").execute();
    for (const a of demo) expect(indexed.map((r) => r.ref_id)).toContain(a.id);
  });
});
