import { mkdtempSync, rmSync } from "node:fs";
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
import { uploadOrderSlip } from "./slips.ts";
import { addMember, checkout, makeCoop, makeProduct, makeUser, openForOrders } from "./testing.ts";
import { transitionOrder } from "./transition-order.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let root: string;
let storage: LocalDiskStorage;
let coop: string;
let other: string;
let manager: string;
const SITE = { siteOrigin: "http://slip-rej.localhost:3000" };

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  root = mkdtempSync(path.join(tmpdir(), "coop-slip-rej-"));
  storage = new LocalDiskStorage(root);
  coop = await makeCoop(db, "slip-rej");
  other = await makeCoop(db, "slip-rej-other");
  await openForOrders(db, coop);
  await withTenant(db, coop, (trx) => trx.updateTable("tenants").set({ phone: "044123456", line_id: "@sliprej" }).where("id", "=", coop).execute());
  manager = await makeUser(db, "rej-manager@example.com", "ผู้จัดการ");
  await addMember(db, coop, manager, "manager");
});
afterAll(async () => {
  await t?.destroy();
  rmSync(root, { recursive: true, force: true });
});

const png = () => sharp({ create: { width: 30, height: 40, channels: 3, background: "#336699" } }).png().toBuffer();

async function inReview(email: string | null) {
  const product = await makeProduct(db, coop, { stock: 10, price: 12000 });
  const placed = await placeOrder(db, coop, { ...checkout([{ productId: product, quantity: 2 }]), customer: { name: "สมศรี มีสุข", phone: "0812345678", email } });
  await uploadOrderSlip(db, storage, { tenantId: coop, token: placed.trackingToken, bytes: await png() });
  return placed;
}

async function mails() {
  const rows = await withTenant(db, coop, (trx) => trx.selectFrom("outbox").select("payload").where("kind", "=", "email").where("for_tenant_id", "=", coop).orderBy("id").execute());
  return rows.map((r) => r.payload as { to: string; template: string; params: Record<string, string> }).filter((m) => m.template === "slip_rejected");
}

describe("slip rejected", () => {
  it("e-mails the customer the reason and a fresh link; both links then work, and the customer can upload again", async () => {
    const placed = await inReview("somsri@example.com");
    await transitionOrder(db, coop, manager, { orderId: placed.orderId, to: "pending_payment", note: "ยอดโอนไม่ตรงกับยอดสั่งซื้อ" }, SITE);
    const [mail] = await mails();
    expect(mail).toMatchObject({
      to: "somsri@example.com",
      params: { number: placed.number, reason: "ยอดโอนไม่ตรงกับยอดสั่งซื้อ", total: "240.00 บาท", contact: "โทร 044123456 · LINE @sliprej" },
    });
    const link = new URL(mail!.params.link!);
    expect(link.origin).toBe(SITE.siteOrigin);
    const fresh = decodeURIComponent(link.pathname.replace("/orders/", ""));
    expect(fresh).not.toBe(placed.trackingToken);
    // Only hashes are stored.
    const row = await withTenant(db, coop, (trx) => trx.selectFrom("orders").select(["resent_token_hash"]).where("id", "=", placed.orderId).executeTakeFirstOrThrow());
    expect(row.resent_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(fresh);

    expect(await getOrderByTrackingToken(db, coop, fresh)).toMatchObject({ number: placed.number, status: "pending_payment" });
    expect(await getOrderByTrackingToken(db, coop, placed.trackingToken)).toMatchObject({ number: placed.number });
    await expect(getOrderByTrackingToken(db, other, fresh)).rejects.toBeInstanceOf(AppError);
    const again = await uploadOrderSlip(db, storage, { tenantId: coop, token: fresh, bytes: await png() });
    expect(again.status).toBe("payment_review");
  });

  it("sends nothing without an e-mail address or without notify, and not for other transitions", async () => {
    const before = (await mails()).length;
    const noEmail = await inReview(null);
    await transitionOrder(db, coop, manager, { orderId: noEmail.orderId, to: "pending_payment", note: "x" }, SITE);
    const quiet = await inReview("quiet@example.com");
    await transitionOrder(db, coop, manager, { orderId: quiet.orderId, to: "pending_payment", note: "x" });
    const accepted = await inReview("paid@example.com");
    await transitionOrder(db, coop, manager, { orderId: accepted.orderId, to: "paid" }, SITE);
    expect((await mails()).length).toBe(before);
  });

  it("uses a default reason when the co-op gave none", async () => {
    const placed = await inReview("noreason@example.com");
    await transitionOrder(db, coop, manager, { orderId: placed.orderId, to: "pending_payment" }, SITE);
    expect((await mails()).at(-1)).toMatchObject({ to: "noreason@example.com", params: { reason: expect.stringContaining("ไม่ได้ระบุเหตุผล") } });
  });
});
