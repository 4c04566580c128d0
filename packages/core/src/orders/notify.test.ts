import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailMessageSchema, renderEmail } from "../outbox/mail/render.ts";
import { linePushPayloadSchema } from "../outbox/line.ts";
import { formatBahtPlain, LINE_PUSH_KIND } from "./notify.ts";
import { placeOrder } from "./place-order.ts";
import { checkout, makeCoop, makeProduct, openForOrders } from "./testing.ts";

let t: TestDatabase;
let db: Kysely<Database>;
let coop: string;
const ORIGIN = "http://notify-coop.localhost:3000";

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  coop = await makeCoop(db, "notify-coop");
  await openForOrders(db, coop);
});
afterAll(async () => {
  await t?.destroy();
});
beforeEach(async () => {
  // The app role may not DELETE from the outbox; park earlier tests' rows instead.
  await db.updateTable("outbox").set({ processed_at: new Date() }).where("processed_at", "is", null).execute();
});

const pending = () => db.selectFrom("outbox").select(["kind", "payload", "for_tenant_id"]).where("processed_at", "is", null).orderBy("id").execute();

async function setTenant(values: { contact_email?: string | null; order_email?: string | null; line_channel_token?: string | null; line_notify_user_id?: string | null }) {
  await withTenant(db, coop, (trx) => trx.updateTable("tenants").set(values).where("id", "=", coop).execute());
}

describe("order notices", () => {
  it("formats baht with grouping", () => {
    expect(formatBahtPlain(123456789, "en")).toBe("฿1,234,567.89");
    expect(formatBahtPlain(24000, "th")).toBe("240.00 บาท");
  });

  it("queue nothing when placeOrder is not asked to notify", async () => {
    const rice = await makeProduct(db, coop, { stock: 5 });
    await placeOrder(db, coop, checkout([{ productId: rice, quantity: 1 }]));
    expect(await pending()).toEqual([]);
  });

  it("e-mail the customer and the co-op's order address and push to LINE, in the order's transaction", async () => {
    await setTenant({ contact_email: "contact@coop.example", order_email: "orders@coop.example", line_channel_token: "tok", line_notify_user_id: "Uabc" });
    const rice = await makeProduct(db, coop, { stock: 5, price: 12000, name: "ข้าวหอมมะลิ" });
    const placed = await placeOrder(db, coop, checkout([{ productId: rice, quantity: 2 }], { paymentMethod: "bank_transfer" }), {
      siteOrigin: `${ORIGIN}/`,
      locale: "th",
    });
    const rows = await pending();
    expect(rows.map((r) => r.kind)).toEqual(["email", "email", LINE_PUSH_KIND]);
    expect(rows.every((r) => r.for_tenant_id === coop)).toBe(true);

    const customer = emailMessageSchema.parse(rows[0]!.payload);
    expect(customer).toMatchObject({ to: "somsri@example.com", template: "order_placed", locale: "th" });
    expect(customer.params).toMatchObject({
      number: placed.number,
      items: "ข้าวหอมมะลิ × 2 = 240.00 บาท",
      total: "240.00 บาท",
      link: `${ORIGIN}/orders/${placed.trackingToken}`,
    });
    expect(customer.params["payment"]).toContain("012-3-45678-9");
    expect(renderEmail(customer).text).toContain(placed.number);

    const staff = emailMessageSchema.parse(rows[1]!.payload);
    expect(staff).toMatchObject({ to: "orders@coop.example", template: "order_received", locale: "th" });
    expect(staff.params["link"]).toBe(`${ORIGIN}/admin/orders/${placed.orderId}`);
    expect(renderEmail(staff).subject).toContain(placed.number);

    const line = linePushPayloadSchema.parse(rows[2]!.payload);
    expect(line.to).toBe("Uabc");
    expect(line.messages[0]!.text).toContain(placed.number);
    // The channel token stays on the tenant row.
    expect(JSON.stringify(rows[2]!.payload)).not.toContain("tok");
  });

  it("fall back to the contact address, skip the customer without an e-mail and LINE without a target", async () => {
    await setTenant({ contact_email: "contact@coop.example", order_email: null, line_channel_token: "tok", line_notify_user_id: null });
    const rice = await makeProduct(db, coop, { stock: 5 });
    await placeOrder(
      db,
      coop,
      checkout([{ productId: rice, quantity: 1 }], { customer: { name: "สมชาย", phone: "0812345670" } }),
      { siteOrigin: ORIGIN, locale: "en" },
    );
    const rows = await pending();
    expect(rows.map((r) => [r.kind, (r.payload as { to: string }).to])).toEqual([["email", "contact@coop.example"]]);
  });

  it("queue nothing when the order fails (same transaction)", async () => {
    await setTenant({ contact_email: "contact@coop.example" });
    const rice = await makeProduct(db, coop, { stock: 1 });
    await expect(placeOrder(db, coop, checkout([{ productId: rice, quantity: 2 }]), { siteOrigin: ORIGIN, locale: "th" })).rejects.toThrow();
    expect(await pending()).toEqual([]);
  });

  it("a retried checkout does not notify twice", async () => {
    await setTenant({ contact_email: "contact@coop.example" });
    const rice = await makeProduct(db, coop, { stock: 5 });
    const input = checkout([{ productId: rice, quantity: 1 }]);
    await placeOrder(db, coop, input, { siteOrigin: ORIGIN, locale: "th" });
    await placeOrder(db, coop, input, { siteOrigin: ORIGIN, locale: "th" });
    expect((await pending()).length).toBe(2);
  });
});
