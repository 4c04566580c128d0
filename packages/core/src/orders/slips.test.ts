import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { LocalDiskStorage } from "../media/storage.ts";
import { placeOrder } from "./place-order.ts";
import { getOrderByTrackingToken } from "./queries.ts";
import { isSlipKey, listOrderSlips, readOrderSlip, readSlipByTrackingToken, uploadOrderSlip } from "./slips.ts";
import { addMember, checkout, makeCoop, makeProduct, makeUser, openForOrders } from "./testing.ts";
import { transitionOrder } from "./transition-order.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let root: string;
let storage: LocalDiskStorage;
let coop: string;
let other: string;
let manager: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  root = mkdtempSync(path.join(tmpdir(), "coop-slips-"));
  storage = new LocalDiskStorage(root);
  coop = await makeCoop(db, "slip-coop");
  other = await makeCoop(db, "slip-other");
  await openForOrders(db, coop);
  await openForOrders(db, other);
  manager = await makeUser(db, "slip-manager@example.com", "ผู้จัดการ");
  await addMember(db, coop, manager, "manager");
});
afterAll(async () => {
  await t?.destroy();
  rmSync(root, { recursive: true, force: true });
});

/** A JPEG carrying EXIF (camera make and GPS-ish comment) that must not survive. */
async function jpegWithExif(): Promise<Uint8Array> {
  return sharp({ create: { width: 40, height: 60, channels: 3, background: "#88aa44" } })
    .jpeg()
    .withExif({ IFD0: { Make: "SlipCam", ImageDescription: "secret" } })
    .toBuffer();
}

async function order(tenantId: string, paymentMethod: "promptpay" | "bank_transfer" | "cod" = "promptpay") {
  const product = await makeProduct(db, tenantId, { stock: 10 });
  return placeOrder(db, tenantId, checkout([{ productId: product, quantity: 1 }], { paymentMethod }));
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.code} ${error.messageKey}`;
    throw error;
  }
  throw new Error("expected a failure");
}

const files = () => readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith(".webp"));

describe("uploadOrderSlip", () => {
  it("stores a metadata-free WebP under the co-op's slips/ prefix and moves the order to payment review", async () => {
    const placed = await order(coop, "bank_transfer");
    const result = await uploadOrderSlip(db, storage, { tenantId: coop, token: placed.trackingToken, bytes: await jpegWithExif() });
    expect(result.status).toBe("payment_review");

    const tracked = await getOrderByTrackingToken(db, coop, placed.trackingToken);
    expect(tracked.status).toBe("payment_review");
    expect(tracked.events.at(-1)).toMatchObject({ fromStatus: "pending_payment", toStatus: "payment_review", note: "slip uploaded" });

    const slips = await listOrderSlips(db, coop, placed.orderId);
    expect(slips).toMatchObject([{ id: result.slipId, index: 1, width: 40, height: 60 }]);
    const row = await withTenant(db, coop, (trx) => trx.selectFrom("order_slips").select("storage_key").executeTakeFirstOrThrow());
    expect(row.storage_key).toMatch(new RegExp(`^t/${coop}/slips/[0-9a-f-]{36}\\.webp$`));
    expect(isSlipKey(row.storage_key)).toBe(true);

    const stored = await readOrderSlip(db, storage, coop, placed.orderId, 1);
    expect(stored?.contentType).toBe("image/webp");
    const meta = await sharp(Buffer.from(stored!.body as Uint8Array)).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();
    expect(await readSlipByTrackingToken(db, storage, coop, placed.trackingToken)).not.toBeNull();
    expect(await readOrderSlip(db, storage, coop, placed.orderId, 2)).toBeNull();
  });

  it("accepts a new slip after the co-op rejects one (back to pending_payment with a reason)", async () => {
    const placed = await order(coop, "promptpay");
    await uploadOrderSlip(db, storage, { tenantId: coop, token: placed.trackingToken, bytes: await jpegWithExif() });
    await transitionOrder(db, coop, manager, { orderId: placed.orderId, to: "pending_payment", note: "ยอดเงินไม่ตรง" });
    await uploadOrderSlip(db, storage, { tenantId: coop, token: placed.trackingToken, bytes: await jpegWithExif() });
    expect((await listOrderSlips(db, coop, placed.orderId)).map((s) => s.index)).toEqual([1, 2]);
  });

  it("refuses the wrong state, cash orders, another co-op's token and files that are not images — storing nothing", async () => {
    const before = files().length;
    const inReview = await order(coop);
    await uploadOrderSlip(db, storage, { tenantId: coop, token: inReview.trackingToken, bytes: await jpegWithExif() });
    const afterFirst = files().length;
    expect(afterFirst).toBe(before + 1);

    expect(await failure(uploadOrderSlip(db, storage, { tenantId: coop, token: inReview.trackingToken, bytes: await jpegWithExif() }))).toBe(
      "CONFLICT shop.slip.wrong_status",
    );
    const cod = await order(coop, "cod");
    expect(await failure(uploadOrderSlip(db, storage, { tenantId: coop, token: cod.trackingToken, bytes: await jpegWithExif() }))).toBe(
      "CONFLICT shop.slip.not_needed",
    );
    const elsewhere = await order(other);
    expect(await failure(uploadOrderSlip(db, storage, { tenantId: coop, token: elsewhere.trackingToken, bytes: await jpegWithExif() }))).toBe(
      "NOT_FOUND orders.not_found",
    );
    expect(await failure(readSlipByTrackingToken(db, storage, coop, elsewhere.trackingToken))).toBe("NOT_FOUND orders.not_found");
    const fresh = await order(coop);
    expect(await failure(uploadOrderSlip(db, storage, { tenantId: coop, token: fresh.trackingToken, bytes: new TextEncoder().encode("%PDF-1.4 nope") }))).toBe(
      "VALIDATION media.unsupported_type",
    );
    expect(files().length).toBe(afterFirst);
    expect((await getOrderByTrackingToken(db, coop, fresh.trackingToken)).status).toBe("pending_payment");
  });

  it("keeps slip rows inside their co-op (RLS)", async () => {
    const rows = await withTenant(db, other, (trx) => trx.selectFrom("order_slips").select("id").execute());
    expect(rows).toEqual([]);
  });
});
