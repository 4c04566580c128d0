import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { findTenantBySlug, type PublicTenant } from "@coop/core";
import { addProductPhoto, LocalDiskStorage } from "@coop/core/media";
import { type Database, type Kysely, type MemberRole, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase, TEST_ENGINE } from "@coop/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site } from "../../site.ts";
import { testContext } from "../../testing.ts";
import { createCallerFactory, router } from "../../trpc.ts";
import { mediaRouter } from "./index.ts";

// The router under test, mounted as root.ts mounts it.
const createCaller = createCallerFactory(router({ media: mediaRouter }));
type Caller = ReturnType<typeof createCaller>;

let t: TestDatabase;
let db: Kysely<Database>;
let root: string;
let storage: LocalDiskStorage;
let coopA: PublicTenant;
let coopB: PublicTenant;
const users = { editorA: "", ownerB: "", outsider: "" };
let productA: string;
let productB: string;

/** A tiny solid-colour RGB PNG, made without any image library. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "ascii");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(pixels)), chunk("IEND", Buffer.alloc(0))]);
}

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

async function makeProduct(tenant: PublicTenant): Promise<string> {
  return withTenant(db, tenant.id, async (trx) => {
    const row = await trx.insertInto("products").values({ tenant_id: tenant.id, name_th: "มะม่วง", price_satang: 6000, unit: "kg" }).returning("id").executeTakeFirstOrThrow();
    return row.id;
  });
}

async function caller(site: Site, userId?: string): Promise<Caller> {
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

async function photosOfB() {
  return withTenant(db, coopB.id, (trx) => trx.selectFrom("product_photos").select(["id", "position"]).orderBy("id").execute());
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  root = mkdtempSync(path.join(tmpdir(), "coop-trpc-media-"));
  storage = new LocalDiskStorage(root);
  coopA = await makeCoop("photos-a");
  coopB = await makeCoop("photos-b");
  users.editorA = await makeUser("editor@a.example", [coopA, "editor"]);
  users.ownerB = await makeUser("owner@b.example", [coopB, "owner"]);
  users.outsider = await makeUser("outsider@example.com");
  productA = await makeProduct(coopA);
  productB = await makeProduct(coopB);
});
afterAll(async () => {
  await t?.destroy();
  rmSync(root, { recursive: true, force: true });
});

describe(`media router on ${TEST_ENGINE}`, () => {
  it("lists, reorders and removes a product's photos for a member with products.edit", async () => {
    const added = [];
    for (const rgb of [[255, 0, 0], [0, 255, 0], [0, 0, 255]] as const) {
      added.push(await addProductPhoto(db, storage, { tenantId: coopA.id, actorUserId: users.editorA, productId: productA, bytes: png(400, 300, [...rgb]) }));
    }
    const [red, green, blue] = added.map((p) => p.id) as [string, string, string];
    const editor = await caller({ kind: "coop", tenant: coopA }, users.editorA);

    const listed = await editor.media.listProductPhotos({ productId: productA });
    expect(listed.items.map((p) => p.id)).toEqual([red, green, blue]);
    expect(listed.items[0]?.variants.map((v) => v.width)).toEqual([320, 400]);
    expect(listed.items[0]?.variants[0]?.url).toMatch(new RegExp(`^/media/t/${coopA.id}/p/[0-9a-f]{16}-320\\.webp$`));

    const reordered = await editor.media.reorderProductPhotos({ productId: productA, photoIds: [blue, red, green] });
    expect(reordered.items.map((p) => [p.id, p.position])).toEqual([[blue, 0], [red, 1], [green, 2]]);

    expect(await editor.media.removeProductPhoto({ photoId: red })).toEqual({ ok: true });
    expect((await editor.media.listProductPhotos({ productId: productA })).items.map((p) => [p.id, p.position])).toEqual([[blue, 0], [green, 1]]);
  });

  it("refuses the anonymous, outsiders and other hosts", async () => {
    expect(await codeOf((await caller({ kind: "coop", tenant: coopA })).media.listProductPhotos({ productId: productA }))).toBe("UNAUTHORIZED");
    expect(await codeOf((await caller({ kind: "coop", tenant: coopA }, users.outsider)).media.listProductPhotos({ productId: productA }))).toBe("FORBIDDEN");
    // B's owner is signed in on A's site: still not a member of A.
    expect(await codeOf((await caller({ kind: "coop", tenant: coopA }, users.ownerB)).media.listProductPhotos({ productId: productA }))).toBe("FORBIDDEN");
    expect(await codeOf((await caller({ kind: "network" }, users.editorA)).media.listProductPhotos({ productId: productA }))).toBe("NOT_FOUND");
    // A suspended co-op's back office is read-only for its own team (staff console, issue 6).
    expect(await codeOf((await caller({ kind: "suspended", tenant: coopA }, users.editorA)).media.listProductPhotos({ productId: productA }))).toBe("OK");
    expect(await codeOf((await caller({ kind: "suspended", tenant: coopA }, users.outsider)).media.listProductPhotos({ productId: productA }))).toBe("FORBIDDEN");
  });

  it("never reaches another co-op's photos, whatever ids are sent", async () => {
    const photoB = await addProductPhoto(db, storage, { tenantId: coopB.id, actorUserId: users.ownerB, productId: productB, bytes: png(50, 50, [9, 9, 9]) });
    const before = await photosOfB();
    const editorA = await caller({ kind: "coop", tenant: coopA }, users.editorA);
    expect(await codeOf(editorA.media.listProductPhotos({ productId: productB }))).toBe("NOT_FOUND");
    expect(await codeOf(editorA.media.reorderProductPhotos({ productId: productB, photoIds: [photoB.id] }))).toBe("NOT_FOUND");
    expect(await codeOf(editorA.media.removeProductPhoto({ photoId: photoB.id }))).toBe("NOT_FOUND");
    // A's product with B's photo id is a mismatch, not a way in.
    expect(await codeOf(editorA.media.reorderProductPhotos({ productId: productA, photoIds: [photoB.id] }))).toBe("BAD_REQUEST");
    expect(await photosOfB()).toEqual(before);
  });

  it("validates ids as uuids", async () => {
    const editor = await caller({ kind: "coop", tenant: coopA }, users.editorA);
    expect(await codeOf(editor.media.listProductPhotos({ productId: "1 OR 1=1" }))).toBe("BAD_REQUEST");
    expect(await codeOf(editor.media.removeProductPhoto({ photoId: "" }))).toBe("BAD_REQUEST");
    expect(await codeOf(editor.media.reorderProductPhotos({ productId: productA, photoIds: ["x"] }))).toBe("BAD_REQUEST");
  });
});
