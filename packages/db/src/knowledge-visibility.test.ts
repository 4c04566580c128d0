/**
 * What the knowledge network's row-level security lets each reader see: a co-op sees all of its
 * own rows; anyone (no tenant set — the network site, feeds, the open API) sees only what a co-op
 * published and shared; nobody writes another co-op's rows or the directory's search rows.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "./tenant.ts";
import { createTestDatabase, type TestDatabase, TEST_ENGINE } from "./testing.ts";

let t: TestDatabase;
let coopA: string;
let coopB: string;
const articles: Record<"draft" | "ownOnly" | "shared", string> = { draft: "", ownOnly: "", shared: "" };

async function makeTenant(slug: string): Promise<string> {
  const row = await t.db
    .insertInto("tenants")
    .values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const tsv = sql<string>`to_tsvector('simple', 'ข้าว')`;

beforeAll(async () => {
  t = await createTestDatabase();
  coopA = await makeTenant("know-a");
  coopB = await makeTenant("know-b");
  await withTenant(t.db, coopA, async (trx) => {
    for (const [name, status, shared] of [
      ["draft", "draft", true],
      ["ownOnly", "published", false],
      ["shared", "published", true],
    ] as const) {
      const row = await trx
        .insertInto("articles")
        .values({
          tenant_id: coopA, title: `บทความ ${name}`, topic: "production", status, shared,
          published_at: status === "published" ? new Date() : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      articles[name] = row.id;
      await trx
        .insertInto("search_documents")
        .values({ kind: "article", ref_id: row.id, owner_tenant_id: coopA, network_visible: status === "published" && shared, title: name, tsv })
        .execute();
    }
  });
});

afterAll(async () => {
  await t?.destroy();
});

describe(`knowledge visibility on ${TEST_ENGINE}`, () => {
  it("shows the network only published, shared articles", async () => {
    const seen = await t.db.selectFrom("articles").select("id").execute();
    expect(seen.map((r) => r.id)).toEqual([articles.shared]);
  });

  it("shows a co-op all of its own articles and only the shared ones of others", async () => {
    const own = await withTenant(t.db, coopA, (trx) => trx.selectFrom("articles").select("id").execute());
    expect(own.map((r) => r.id).sort()).toEqual(Object.values(articles).sort());
    const other = await withTenant(t.db, coopB, (trx) => trx.selectFrom("articles").select("id").execute());
    expect(other.map((r) => r.id)).toEqual([articles.shared]);
  });

  it("lets no co-op change another co-op's shared article", async () => {
    const result = await withTenant(t.db, coopB, (trx) =>
      trx.updateTable("articles").set({ title: "ถูกแก้" }).where("id", "=", articles.shared).executeTakeFirst(),
    );
    expect(Number(result.numUpdatedRows)).toBe(0);
  });

  it("indexes for search what each reader may find", async () => {
    const network = await t.db.selectFrom("search_documents").select("ref_id").execute();
    expect(network.map((r) => r.ref_id)).toEqual([articles.shared]);
    const own = await withTenant(t.db, coopA, (trx) => trx.selectFrom("search_documents").select("ref_id").execute());
    expect(own).toHaveLength(3);
    const other = await withTenant(t.db, coopB, (trx) => trx.selectFrom("search_documents").select("ref_id").execute());
    expect(other.map((r) => r.ref_id)).toEqual([articles.shared]);
  });

  it("refuses search rows written for another co-op or, from a co-op, for the directory", async () => {
    await expect(
      withTenant(t.db, coopB, (trx) =>
        trx.insertInto("search_documents").values({ kind: "article", ref_id: crypto.randomUUID(), owner_tenant_id: coopA, title: "x", tsv }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withTenant(t.db, coopB, (trx) =>
        trx.insertInto("search_documents").values({ kind: "centre", ref_id: crypto.randomUUID(), owner_tenant_id: null, network_visible: true, title: "x", tsv }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const removed = await withTenant(t.db, coopB, (trx) =>
      trx.deleteFrom("search_documents").where("ref_id", "=", articles.shared).executeTakeFirst(),
    );
    expect(Number(removed.numDeletedRows)).toBe(0);
  });

  it("keeps seminar registrations private to the hosting co-op", async () => {
    const seminarId = await withTenant(t.db, coopA, async (trx) => {
      const seminar = await trx
        .insertInto("seminars")
        .values({
          tenant_id: coopA, title: "เสวนาข้าว", topic: "production", starts_at: new Date(), ends_at: new Date(),
          place: "ห้องประชุมสหกรณ์", capacity: 10, status: "published",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("seminar_registrations")
        .values({ tenant_id: coopA, seminar_id: seminar.id, name: "สมชาย", phone: "0812345678", cancel_token_hash: "h1" })
        .execute();
      return seminar.id;
    });
    expect(await t.db.selectFrom("seminars").select("id").execute()).toEqual([{ id: seminarId }]);
    expect(await t.db.selectFrom("seminar_registrations").select("id").execute()).toEqual([]);
    const other = await withTenant(t.db, coopB, (trx) => trx.selectFrom("seminar_registrations").select("id").execute());
    expect(other).toEqual([]);
  });

  it("never lets a seminar take more registrations than its capacity", async () => {
    await expect(
      withTenant(t.db, coopA, (trx) =>
        trx.updateTable("seminars").set({ registered_count: 11 }).where("tenant_id", "=", coopA).execute(),
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
