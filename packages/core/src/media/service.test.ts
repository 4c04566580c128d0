import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase, TEST_ENGINE } from "@coop/db/testing";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { processOutboxBatch } from "../outbox/worker.ts";
import { createMediaDeleteHandler, MEDIA_DELETE_KIND } from "./cleanup.ts";
import {
  addProductPhoto, coopImageVariants, listProductPhotos, MAX_PHOTOS_PER_PRODUCT, removeProductPhoto, reorderProductPhotos, setCoopImage,
} from "./service.ts";
import { LocalDiskStorage, type MediaStorage } from "./storage.ts";

let t: TestDatabase;
let root: string;
let storage: LocalDiskStorage;
let coopA: string;
let coopB: string;
let userA: string;
let productB: string;

async function makeCoop(slug: string): Promise<string> {
  const row = await t.db
    .insertInto("tenants")
    .values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status: "active" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function makeProduct(tenantId: string): Promise<string> {
  return withTenant(t.db, tenantId, async (trx) => {
    const row = await trx
      .insertInto("products")
      .values({ tenant_id: tenantId, name_th: "ข้าวหอมมะลิ", price_satang: 4500, unit: "kg" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

let colour = 0;
/** A distinct small JPEG each call (distinct content, so distinct keys). */
async function photo(width = 800, height = 600): Promise<Buffer> {
  colour += 1;
  return sharp({ create: { width, height, channels: 3, background: { r: colour % 256, g: (colour * 7) % 256, b: 90 } } }).jpeg().toBuffer();
}

/** Every stored file, relative to the storage root. */
function storedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === ".tmp") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  try {
    walk(root);
  } catch {
    return [];
  }
  return out.sort();
}

async function auditActions(tenantId: string): Promise<string[]> {
  const rows = await withTenant(t.db, tenantId, (trx) =>
    trx.selectFrom("audit_events").select("action").where("tenant_id", "=", tenantId).orderBy("created_at").execute(),
  );
  return rows.map((r) => r.action);
}

/** Runs the outbox worker's file deletions now. */
async function flushDeletions(): Promise<void> {
  await processOutboxBatch(t.db, { [MEDIA_DELETE_KIND]: createMediaDeleteHandler(t.db, storage) }, { batchSize: 100 });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof AppError ? `${error.code} ${error.messageKey}` : String(error);
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  coopA = await makeCoop("media-a");
  coopB = await makeCoop("media-b");
  productB = await makeProduct(coopB);
  userA = (await t.db.insertInto("users").values({ email: "a@example.com", display_name: "A", password_hash: "x" }).returning("id").executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.destroy();
});
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "coop-media-service-"));
  storage = new LocalDiskStorage(root);
  return () => rmSync(root, { recursive: true, force: true });
});

describe(`product photos on ${TEST_ENGINE}`, () => {
  it("adds photos at the end, with content-addressed, co-op-prefixed WebP variants", async () => {
    const productA = await makeProduct(coopA);
    const first = await addProductPhoto(t.db, storage, { tenantId: coopA, actorUserId: userA, productId: productA, bytes: await photo(2000, 1500) });
    const second = await addProductPhoto(t.db, storage, { tenantId: coopA, actorUserId: userA, productId: productA, bytes: await photo(500, 400) });
    expect(first).toMatchObject({ productId: productA, position: 0, width: 2000, height: 1500 });
    expect(first.variants.map((v) => v.width)).toEqual([320, 640, 1280]);
    expect(first.key).toMatch(new RegExp(`^t/${coopA}/p/[0-9a-f]{16}-1280\\.webp$`));
    expect(first.url).toBe(`/media/${first.key}`);
    expect(second.position).toBe(1);
    expect(second.variants.map((v) => v.width)).toEqual([320, 500]);
    expect(storedFiles()).toEqual([...first.variants, ...second.variants].map((v) => v.key).sort());

    const listed = await listProductPhotos(t.db, { tenantId: coopA, productId: productA });
    expect(listed.map((p) => p.id)).toEqual([first.id, second.id]);
    expect(await auditActions(coopA)).toEqual(["product.photo_add", "product.photo_add"]);
  });

  it("reorders, and refuses an order that is not exactly the product's photos", async () => {
    const productA = await makeProduct(coopA);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await addProductPhoto(t.db, storage, { tenantId: coopA, actorUserId: userA, productId: productA, bytes: await photo() })).id);
    const [p0, p1, p2] = ids as [string, string, string];
    const reordered = await reorderProductPhotos(t.db, { tenantId: coopA, actorUserId: userA, productId: productA, photoIds: [p2, p0, p1] });
    expect(reordered.map((p) => [p.id, p.position])).toEqual([[p2, 0], [p0, 1], [p1, 2]]);
    expect((await listProductPhotos(t.db, { tenantId: coopA, productId: productA })).map((p) => p.id)).toEqual([p2, p0, p1]);

    for (const photoIds of [[p2, p0], [p2, p0, p0], [p2, p0, p1, p1], [p2, p0, crypto.randomUUID()]]) {
      expect(await codeOf(reorderProductPhotos(t.db, { tenantId: coopA, actorUserId: userA, productId: productA, photoIds }))).toBe("VALIDATION media.reorder_mismatch");
    }
    expect((await auditActions(coopA)).filter((a) => a === "product.photo_reorder")).toHaveLength(1);
  });

  it("removes a photo, closes the gap and deletes its files", async () => {
    const productA = await makeProduct(coopA);
    const added = [];
    for (let i = 0; i < 3; i++) added.push(await addProductPhoto(t.db, storage, { tenantId: coopA, actorUserId: userA, productId: productA, bytes: await photo() }));
    await removeProductPhoto(t.db, { tenantId: coopA, actorUserId: userA, photoId: added[1]!.id });
    const left = await listProductPhotos(t.db, { tenantId: coopA, productId: productA });
    expect(left.map((p) => [p.id, p.position])).toEqual([[added[0]!.id, 0], [added[2]!.id, 1]]);
    // The files go once the commit is durable, through the outbox.
    expect(storedFiles()).toHaveLength(9);
    await flushDeletions();
    expect(storedFiles()).toEqual([...added[0]!.variants, ...added[2]!.variants].map((v) => v.key).sort());
    expect(await codeOf(removeProductPhoto(t.db, { tenantId: coopA, actorUserId: userA, photoId: added[1]!.id }))).toBe("NOT_FOUND media.photo_not_found");
    expect(await auditActions(coopA)).toContain("product.photo_remove");
  });

  it("keeps files another photo still uses when the same picture was added twice", async () => {
    const productA = await makeProduct(coopA);
    const bytes = await photo();
    const one = await addProductPhoto(t.db, storage, { tenantId: coopA, actorUserId: userA, productId: productA, bytes });
    const two = await addProductPhoto(t.db, storage, { tenantId: coopA, actorUserId: userA, productId: productA, bytes });
    expect(two.key).toBe(one.key);
    await removeProductPhoto(t.db, { tenantId: coopA, actorUserId: userA, photoId: one.id });
    await flushDeletions();
    expect(storedFiles()).toEqual(two.variants.map((v) => v.key).sort());
    await removeProductPhoto(t.db, { tenantId: coopA, actorUserId: userA, photoId: two.id });
    await flushDeletions();
    expect(storedFiles()).toEqual([]);
  });

  it(`allows at most ${MAX_PHOTOS_PER_PRODUCT} photos per product, storing nothing for a refused one`, async () => {
    const productA = await makeProduct(coopA);
    for (let i = 0; i < MAX_PHOTOS_PER_PRODUCT; i++) {
      await addProductPhoto(t.db, storage, { tenantId: coopA, actorUserId: userA, productId: productA, bytes: await photo(400, 300) });
    }
    const before = storedFiles();
    expect(await codeOf(addProductPhoto(t.db, storage, { tenantId: coopA, actorUserId: userA, productId: productA, bytes: await photo(400, 300) }))).toBe(
      "VALIDATION media.too_many_photos",
    );
    expect(storedFiles()).toEqual(before);
    expect(await listProductPhotos(t.db, { tenantId: coopA, productId: productA })).toHaveLength(MAX_PHOTOS_PER_PRODUCT);
  });

  it("treats another co-op's product as not found, writing nothing anywhere", async () => {
    const auditBefore = await auditActions(coopB);
    expect(await codeOf(addProductPhoto(t.db, storage, { tenantId: coopA, actorUserId: userA, productId: productB, bytes: await photo() }))).toBe(
      "NOT_FOUND catalog.product_not_found",
    );
    expect(await codeOf(listProductPhotos(t.db, { tenantId: coopA, productId: productB }))).toBe("NOT_FOUND catalog.product_not_found");
    expect(await codeOf(reorderProductPhotos(t.db, { tenantId: coopA, actorUserId: userA, productId: productB, photoIds: [] }))).toBe("NOT_FOUND catalog.product_not_found");
    expect(storedFiles()).toEqual([]);
    const rows = await t.owner().selectFrom("product_photos" as never).selectAll().where("product_id" as never, "=", productB as never).execute();
    expect(rows).toEqual([]);
    expect(await auditActions(coopB)).toEqual(auditBefore);

    // And a photo of co-op B cannot be removed by co-op A.
    const photoB = await addProductPhoto(t.db, storage, { tenantId: coopB, actorUserId: userA, productId: productB, bytes: await photo() });
    expect(await codeOf(removeProductPhoto(t.db, { tenantId: coopA, actorUserId: userA, photoId: photoB.id }))).toBe("NOT_FOUND media.photo_not_found");
    await flushDeletions();
    expect(storedFiles()).toEqual(photoB.variants.map((v) => v.key).sort());
  });

  it("refuses a file that is not an image before storing anything", async () => {
    const productA = await makeProduct(coopA);
    expect(await codeOf(addProductPhoto(t.db, storage, { tenantId: coopA, actorUserId: userA, productId: productA, bytes: Buffer.from("hello") }))).toBe(
      "VALIDATION media.unsupported_type",
    );
    expect(storedFiles()).toEqual([]);
  });

  it("deletes the stored files again when the database write fails", async () => {
    const productA = await makeProduct(coopA);
    // The product disappears while the images are being stored: the insert must fail, and no file may stay.
    let puts = 0;
    const racing: MediaStorage = {
      put: async (key, bytes, type) => {
        if (puts++ === 0) await t.owner().deleteFrom("products" as never).where("id" as never, "=", productA as never).execute();
        await storage.put(key, bytes, type);
      },
      get: (key) => storage.get(key),
      delete: (key) => storage.delete(key),
    };
    expect(await codeOf(addProductPhoto(t.db, racing, { tenantId: coopA, actorUserId: userA, productId: productA, bytes: await photo() }))).toBe(
      "NOT_FOUND catalog.product_not_found",
    );
    expect(puts).toBe(3);
    expect(storedFiles()).toEqual([]);
  });

  it("deletes the files already written when storing one of them fails", async () => {
    const productA = await makeProduct(coopA);
    let puts = 0;
    const flaky: MediaStorage = {
      put: async (key, bytes, type) => {
        if (puts++ === 1) throw new Error("disk full");
        await storage.put(key, bytes, type);
      },
      get: (key) => storage.get(key),
      delete: (key) => storage.delete(key),
    };
    await expect(addProductPhoto(t.db, flaky, { tenantId: coopA, actorUserId: userA, productId: productA, bytes: await photo() })).rejects.toThrow("disk full");
    expect(storedFiles()).toEqual([]);
    expect(await listProductPhotos(t.db, { tenantId: coopA, productId: productA })).toEqual([]);
  });
});

describe("the media.delete outbox job", () => {
  it("deletes only unused files under its own co-op's prefix", async () => {
    const productA = await makeProduct(coopA);
    const kept = await addProductPhoto(t.db, storage, { tenantId: coopA, actorUserId: userA, productId: productA, bytes: await photo() });
    const photoB = await addProductPhoto(t.db, storage, { tenantId: coopB, actorUserId: userA, productId: productB, bytes: await photo() });
    await storage.put(`t/${coopA}/p/0000000000000000-320.webp`, new Uint8Array([1]), "image/webp");
    const handler = createMediaDeleteHandler(t.db, storage);
    const job = (payload: unknown) => ({ id: 1, kind: MEDIA_DELETE_KIND, payload, forTenantId: coopA, attempts: 0, createdAt: new Date() });
    await handler(job({ tenantId: coopA, keys: [kept.key, photoB.key, `t/${coopA}/p/0000000000000000-320.webp`, "../../etc/passwd"] }));
    expect(storedFiles()).toEqual([...kept.variants, ...photoB.variants].map((v) => v.key).sort());
    await expect(handler(job({ tenantId: "not-a-uuid", keys: [] }))).rejects.toThrow();
  });
});

describe("co-op logo and cover", () => {
  it("stores logo variants fitting 128/256/512 squares, records the key and replaces the old files", async () => {
    const logo = await setCoopImage(t.db, storage, { tenantId: coopA, actorUserId: userA, kind: "logo", bytes: await photo(1200, 600) });
    expect(logo.key).toMatch(new RegExp(`^t/${coopA}/logo/[0-9a-f]{16}-512\\.webp$`));
    expect(logo.variants.map((v) => v.size)).toEqual([128, 256, 512]);
    expect(storedFiles()).toEqual(logo.variants.map((v) => v.key).sort());
    const meta = await sharp(path.join(root, logo.variants[0]!.key)).metadata();
    expect([meta.width, meta.height]).toEqual([128, 64]);
    const tenant = await t.db.selectFrom("tenants").select(["logo_key", "cover_key"]).where("id", "=", coopA).executeTakeFirstOrThrow();
    expect(tenant).toEqual({ logo_key: logo.key, cover_key: null });

    const small = await photo(200, 200);
    const next = await setCoopImage(t.db, storage, { tenantId: coopA, actorUserId: userA, kind: "logo", bytes: small });
    expect(next.variants.map((v) => v.size)).toEqual([128, 200]);
    await flushDeletions();
    expect(storedFiles()).toEqual(next.variants.map((v) => v.key).sort());
    expect(coopImageVariants("logo", next.key)).toEqual(next.variants);

    // The same file again changes nothing on disk.
    const again = await setCoopImage(t.db, storage, { tenantId: coopA, actorUserId: userA, kind: "logo", bytes: small });
    expect(again.key).toBe(next.key);
    await flushDeletions();
    expect(storedFiles()).toEqual(next.variants.map((v) => v.key).sort());
    expect(await auditActions(coopA)).toContain("settings.logo_update");
  });

  it("stores cover variants at 640/1280/1920 wide", async () => {
    const cover = await setCoopImage(t.db, storage, { tenantId: coopB, actorUserId: userA, kind: "cover", bytes: await photo(2400, 900) });
    expect(cover.variants.map((v) => v.size)).toEqual([640, 1280, 1920]);
    expect(cover.key).toMatch(new RegExp(`^t/${coopB}/cover/`));
    const tenant = await t.db.selectFrom("tenants").select("cover_key").where("id", "=", coopB).executeTakeFirstOrThrow();
    expect(tenant.cover_key).toBe(cover.key);
    expect(await auditActions(coopB)).toContain("settings.cover_update");
  });
});
