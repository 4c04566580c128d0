import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Database, Kysely } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCoop } from "../catalog/admin/testing.ts";
import { AppError } from "../errors.ts";
import { LocalDiskStorage } from "../media/storage.ts";
import { setSagePhoto } from "./sage-photo.ts";
import { createSage, getSage } from "./sages.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let storage: LocalDiskStorage;
let coopA: string;
let coopB: string;
let sageOfA: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  storage = new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "sage-photo-")));
  coopA = await makeCoop(db, "photo-a");
  coopB = await makeCoop(db, "photo-b");
  sageOfA = (await createSage(db, { kind: "coop", tenantId: coopA }, { nameTh: "นางรูป สวย", expertiseTh: "หม่อนไหม", provinceCode: 36, crops: [] })).id;
});
afterAll(async () => t.destroy());

const jpeg = () => sharp({ create: { width: 900, height: 700, channels: 3, background: { r: 120, g: 160, b: 90 } } }).jpeg().toBuffer();

describe("setSagePhoto", () => {
  it("stores resized WebP variants under the co-op's prefix and points the sage and its search row at them", async () => {
    const { key, url } = await setSagePhoto(db, storage, { tenantId: coopA, sageId: sageOfA, bytes: new Uint8Array(await jpeg()) });
    expect(key).toMatch(new RegExp(`^t/${coopA}/sage/[0-9a-f]{16}-512\\.webp$`));
    expect(url).toMatch(/-256\.webp$/);
    expect(await storage.get(key.replace("-512", "-128"))).not.toBeNull();
    expect((await getSage(db, sageOfA))!.photoUrl).toBe(url);
    const doc = await db.selectFrom("search_documents").select("image_key").where("kind", "=", "sage").where("ref_id", "=", sageOfA).executeTakeFirstOrThrow();
    expect(doc.image_key).toBe(key);
  });

  it("refuses another co-op's sage and a file that is not an image, changing nothing", async () => {
    const before = (await getSage(db, sageOfA))!.photoUrl;
    await expect(setSagePhoto(db, storage, { tenantId: coopB, sageId: sageOfA, bytes: new Uint8Array(await jpeg()) })).rejects.toMatchObject({
      code: "NOT_FOUND", messageKey: "directory.errors.sage_not_found",
    });
    await expect(setSagePhoto(db, storage, { tenantId: coopA, sageId: sageOfA, bytes: new TextEncoder().encode("not an image") })).rejects.toBeInstanceOf(AppError);
    expect((await getSage(db, sageOfA))!.photoUrl).toBe(before);
  });
});
