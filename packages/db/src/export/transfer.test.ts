import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { TENANT_TABLES } from "../schema.ts";
import { seedDemoData, DEMO_COOPS } from "../seed/index.ts";
import { withTenant } from "../tenant.ts";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../testing.ts";
import { CoopTransferError, exportCoop, importCoop, NO_PASSWORD, readCoopFile } from "./index.ts";

const seedOptions = { hashPassword: async (p: string) => `test-hash:${p}`, newPassword: () => "demo-password-1" };
const [A, B] = [DEMO_COOPS[0]!.slug, DEMO_COOPS[1]!.slug];

let source: TestDatabase;
const targets: TestDatabase[] = [];
let coopA: { id: string };
let coopB: { id: string };

/** Every row of one co-op, per table, as PostgreSQL renders it (users without their password hash). */
async function snapshot(t: TestDatabase, tenantId: string): Promise<Record<string, string[]>> {
  return withTenant(t.db, tenantId, async (trx) => {
    const out: Record<string, string[]> = {};
    const tenant = await sql<{ row: string }>`SELECT row_to_json(x)::text AS row FROM tenants x WHERE id = ${tenantId}`.execute(trx);
    out.tenants = tenant.rows.map((r) => r.row);
    for (const table of TENANT_TABLES) {
      const rows = await sql<{ row: string }>`SELECT row_to_json(x)::text AS row FROM ${sql.table(table)} x WHERE tenant_id = ${tenantId} ORDER BY x::text`.execute(trx);
      out[table] = rows.rows.map((r) => r.row);
    }
    return out;
  });
}

async function userRows(t: TestDatabase, ids: string[]): Promise<string[]> {
  const rows = await sql<{ row: string }>`SELECT (to_jsonb(u) - 'password_hash')::text AS row FROM users u WHERE id = ANY(${ids}::uuid[]) ORDER BY id`.execute(t.db);
  return rows.rows.map((r) => r.row);
}

async function freshTarget(): Promise<TestDatabase> {
  const t = await createTestDatabase();
  targets.push(t);
  return t;
}

/** Rewrites a file's header (the checksum covers the rows only, so a header edit keeps it valid). */
function withHeader(file: Buffer, change: (header: Record<string, unknown>) => void): Buffer {
  const text = gunzipSync(file).toString("utf8");
  const newline = text.indexOf("\n");
  const header = JSON.parse(text.slice(0, newline)) as Record<string, unknown>;
  change(header);
  return gzipSync(`${JSON.stringify(header)}\n${text.slice(newline + 1)}`);
}

beforeAll(async () => {
  source = await createTestDatabase();
  await seedDemoData(source.db, seedOptions);
  coopA = await source.db.selectFrom("tenants").select("id").where("slug", "=", A).executeTakeFirstOrThrow();
  coopB = await source.db.selectFrom("tenants").select("id").where("slug", "=", B).executeTakeFirstOrThrow();
  const staff = await source.db.selectFrom("users").innerJoin("staff_regions", "staff_regions.user_id", "users.id").select("users.id").executeTakeFirstOrThrow();
  // More than the seed writes: an order with its items and events (a jsonb address, a staff actor
  // who is not a member), an article (Thai text, a text[] column), and the staff member's approval.
  for (const tenant of [coopA, coopB]) {
    await withTenant(source.db, tenant.id, async (trx) => {
      const product = await trx.selectFrom("products").select(["id", "name_th", "unit", "price_satang"]).orderBy("id").executeTakeFirstOrThrow();
      const order = await trx
        .insertInto("orders")
        .values({
          tenant_id: tenant.id, number: 1, status: "paid", payment_method: "promptpay", delivery_method: "parcel",
          customer_name: `ลูกค้า ${tenant.id.slice(0, 4)}`, customer_phone: "0812345678", customer_email: "buyer@example.test",
          address: JSON.stringify({ line: "99/1 หมู่ 2", postcode: "30000" }), subtotal_satang: product.price_satang * 2, delivery_fee_satang: 5000,
          total_satang: product.price_satang * 2 + 5000, tracking_token_hash: `hash-${tenant.id}`, idempotency_key: `key-${tenant.id}`,
        } as never)
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("order_items").values({
        tenant_id: tenant.id, order_id: order.id, product_id: product.id, name_th: product.name_th, unit: product.unit,
        unit_price_satang: product.price_satang, quantity: 2, line_total_satang: product.price_satang * 2,
      } as never).execute();
      await trx.insertInto("order_events").values([
        { tenant_id: tenant.id, order_id: order.id, from_status: null, to_status: "pending_payment" },
        { tenant_id: tenant.id, order_id: order.id, from_status: "pending_payment", to_status: "paid", actor_user_id: staff.id, note: "ตรวจสลิปแล้ว" },
      ] as never).execute();
      await trx.insertInto("articles").values({
        tenant_id: tenant.id, title: "การทำปุ๋ยหมัก", topic: "production", crops: sql`ARRAY['rice','cassava']::text[]`, status: "published",
        published_at: new Date("2026-01-02T03:04:05.678Z"), body_md: "ย่อหน้า\n\n\"quoted\" \\ back-slash",
      } as never).execute();
    });
  }
  await source.db.updateTable("tenants").set({ approved_by: staff.id } as never).where("id", "=", coopA.id).execute();
});

afterAll(async () => {
  await source?.destroy();
  for (const t of targets) await t.destroy();
});

describe(`one co-op's export and import (${TEST_ENGINE})`, () => {
  it("round-trips every table of the co-op into a fresh database, row for row", async () => {
    const { file, header } = await exportCoop(source.db, A);
    expect(header.coop).toEqual({ id: coopA.id, slug: A });
    expect(header.tables.products).toBeGreaterThan(0);
    expect(header.tables.orders).toBe(1);
    expect(header.tables.order_events).toBe(2);

    const target = await freshTarget();
    const result = await importCoop(target.db, file);
    expect(result.createdUsers).toBe(header.tables.users);
    expect(result.linkedUsers).toBe(0);

    expect(await snapshot(target, coopA.id)).toEqual(await snapshot(source, coopA.id));
    // Members, the staff member who approved the co-op and acted on its order: all there, without passwords.
    const exportedUsers = readCoopFile(file).rows.get("users")!.map((json) => (JSON.parse(json) as { id: string }).id);
    expect(exportedUsers.length).toBeGreaterThanOrEqual(2);
    expect(await userRows(target, exportedUsers)).toEqual(await userRows(source, exportedUsers));
    const hashes = await target.db.selectFrom("users").select("password_hash").where("id", "in", exportedUsers).execute();
    expect(hashes.every((h) => h.password_hash === NO_PASSWORD)).toBe(true);
    expect(gunzipSync(file).toString("utf8")).not.toContain("test-hash:");

    // The file is deterministic apart from its timestamp: exporting the imported co-op gives the same rows.
    const again = await exportCoop(target.db, A);
    expect(again.header.sha256).toBe(header.sha256);
  });

  it("holds nothing of another co-op", async () => {
    const { file } = await exportCoop(source.db, A);
    const text = gunzipSync(file).toString("utf8");
    expect(text).not.toContain(coopB.id);
    const productsOfB = await withTenant(source.db, coopB.id, (trx) => trx.selectFrom("products").select("id").execute());
    for (const product of productsOfB) expect(text).not.toContain(product.id);
    for (const [table, rows] of readCoopFile(file).rows) {
      if (table === "users") continue;
      for (const json of rows) expect((JSON.parse(json) as { tenant_id?: string; id: string }).tenant_id ?? (JSON.parse(json) as { id: string }).id).toBe(coopA.id);
    }
  });

  it("refuses a co-op that exists, and links accounts that are already here", async () => {
    const target = await freshTarget();
    const a = await exportCoop(source.db, A);
    const b = await exportCoop(source.db, B);
    await importCoop(target.db, a.file);
    await expect(importCoop(target.db, a.file)).rejects.toMatchObject({ code: "coop_exists", params: { slug: A } });
    // B's file shares the regional staff account with A's: it is linked, not duplicated.
    const second = await importCoop(target.db, b.file);
    expect(second.linkedUsers).toBeGreaterThan(0);
    expect(await snapshot(target, coopB.id)).toEqual(await snapshot(source, coopB.id));
  });

  it("refuses an account whose e-mail belongs to someone else here, writing nothing", async () => {
    const target = await freshTarget();
    const { file } = await exportCoop(source.db, A);
    const member = JSON.parse(readCoopFile(file).rows.get("users")![0]!) as { email: string; display_name: string };
    await target.db.insertInto("users").values({ email: member.email, display_name: "someone else", password_hash: "x" }).execute();
    await expect(importCoop(target.db, file)).rejects.toMatchObject({ code: "user_conflict", params: { email: member.email } });
    expect(await target.db.selectFrom("tenants").select("id").where("id", "=", coopA.id).executeTakeFirst()).toBeUndefined();
  });

  it("carries the uploaded files the co-op's rows mention, when the caller reads them", async () => {
    const slug = DEMO_COOPS[1]!.slug;
    const logo = `t/${coopB.id}/logo/0123456789abcdef-512.webp`;
    await withTenant(source.db, coopB.id, (trx) => trx.updateTable("tenants").set({ logo_key: logo }).where("id", "=", coopB.id).execute());
    let asked: string[] = [];
    const bytes = new Uint8Array([82, 73, 70, 70, 0, 255]);
    const { file, header } = await exportCoop(source.db, slug, {
      media: async (tenantId, keys) => {
        expect(tenantId).toBe(coopB.id);
        asked = keys;
        return keys.map((key) => ({ key, contentType: "image/webp", bytes }));
      },
    });
    expect(asked).toEqual([logo]);
    expect(header.media).toEqual({ files: 1, bytes: bytes.length });
    const target = await freshTarget();
    const result = await importCoop(target.db, file);
    expect(result.media).toEqual([{ key: logo, contentType: "image/webp", bytes: Buffer.from(bytes) }]);

    // A file whose media lie outside the co-op's own prefix is refused.
    const { file: foreign } = await exportCoop(source.db, slug, { media: async () => [{ key: `t/${coopA.id}/logo/x-512.webp`, contentType: "image/webp", bytes }] });
    await expect(importCoop((await freshTarget()).db, foreign)).rejects.toMatchObject({ code: "foreign_rows", params: { table: "media" } });
  });

  it("refuses rows that point at shared data this database lacks (a farm centre), writing nothing", async () => {
    const slug = DEMO_COOPS[2]!.slug;
    const coop = await source.db.selectFrom("tenants").select(["id", "province_code"]).where("slug", "=", slug).executeTakeFirstOrThrow();
    const centre = await source.db
      .insertInto("learning_centres")
      .values({ code: "export-test-centre", name_th: "ศพก. ทดสอบ", province_code: coop.province_code, district_th: "เมือง" } as never)
      .returning("id")
      .executeTakeFirstOrThrow();
    await withTenant(source.db, coop.id, (trx) =>
      trx.insertInto("articles").values({ tenant_id: coop.id, title: "จากศูนย์", topic: "production", source_kind: "centre", source_centre_id: centre.id } as never).execute(),
    );
    const target = await freshTarget();
    const { file } = await exportCoop(source.db, slug);
    await expect(importCoop(target.db, file)).rejects.toMatchObject({ code: "missing_reference", params: { table: "articles" } });
    expect(await target.db.selectFrom("tenants").select("id").executeTakeFirst()).toBeUndefined();
    expect(await target.db.selectFrom("users").select("id").executeTakeFirst()).toBeUndefined();
  });

  it("refuses files that are not exports, of another version or schema, damaged, or carrying another co-op's rows", async () => {
    const target = await freshTarget();
    const { file } = await exportCoop(source.db, A);
    const code = (promise: Promise<unknown>) => promise.then(() => "imported", (error: unknown) => (error instanceof CoopTransferError ? error.code : String(error)));
    expect(await code(importCoop(target.db, Buffer.from("not gzip")))).toBe("not_a_coop_file");
    expect(await code(importCoop(target.db, gzipSync("{\"hello\":1}\n")))).toBe("not_a_coop_file");
    expect(await code(importCoop(target.db, withHeader(file, (h) => (h.version = 2))))).toBe("unsupported_version");
    expect(await code(importCoop(target.db, withHeader(file, (h) => (h.schema = "0099_future"))))).toBe("schema_mismatch");
    expect(await code(importCoop(target.db, withHeader(file, (h) => (h.sha256 = "0".repeat(64)))))).toBe("damaged_file");
    // A file whose rows claim another co-op (checksum recomputed, so only the content check can catch it).
    const text = gunzipSync(file).toString("utf8");
    const newline = text.indexOf("\n");
    const body = text.slice(newline + 1).replace(`"tenant_id":"${coopA.id}"`, `"tenant_id":"${coopB.id}"`);
    const { createHash } = await import("node:crypto");
    const header = JSON.parse(text.slice(0, newline)) as Record<string, unknown>;
    header.sha256 = createHash("sha256").update(body).digest("hex");
    expect(await code(importCoop(target.db, gzipSync(`${JSON.stringify(header)}\n${body}`)))).toBe("foreign_rows");
    expect(await code(exportCoop(source.db, "no-such-coop"))).toBe("coop_not_found");
    expect(await target.db.selectFrom("tenants").select("id").executeTakeFirst()).toBeUndefined();
  });
});
