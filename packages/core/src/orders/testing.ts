// Fixtures for the order and cart database tests (not exported from the package).
import { type Database, type Kysely, type ProductStatus, withTenant } from "@coop/db";
import { randomUUID } from "node:crypto";
import type { PlaceOrderInput } from "./schemas.ts";

export { addMember, appErrorOf, makeCoop, makeUser, messageKeyOf } from "../catalog/admin/testing.ts";

/** Turns on every delivery and payment method, with fees and payment details. */
export async function openForOrders(db: Kysely<Database>, tenantId: string): Promise<void> {
  await withTenant(db, tenantId, (trx) =>
    trx
      .updateTable("tenants")
      .set({
        local_delivery_enabled: true, local_delivery_fee_satang: 3000, parcel_enabled: true, parcel_fee_satang: 6000,
        parcel_fee_province_satang: 6000, parcel_fee_bangkok_satang: 6000, parcel_fee_region_satang: 6000, parcel_fee_country_satang: 6000,
        bank_transfer_enabled: true, promptpay_id: "0812345678", bank_name: "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร",
        bank_account_no: "012-3-45678-9", bank_account_name: "สหกรณ์ทดสอบ จำกัด",
      })
      .where("id", "=", tenantId)
      .execute(),
  );
}

export async function makeProduct(
  db: Kysely<Database>,
  tenantId: string,
  values: { stock: number; price?: number; name?: string; status?: ProductStatus; archived?: boolean },
): Promise<string> {
  return withTenant(db, tenantId, async (trx) => {
    const row = await trx
      .insertInto("products")
      .values({
        tenant_id: tenantId, name_th: values.name ?? "ข้าวหอมมะลิ", price_satang: values.price ?? 12000, unit: "kg", stock: values.stock,
        status: values.status ?? "available", archived_at: values.archived ? new Date() : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

export async function stockOf(db: Kysely<Database>, tenantId: string, productId: string): Promise<{ stock: number; status: string }> {
  return withTenant(db, tenantId, (trx) =>
    trx.selectFrom("products").select(["stock", "status"]).where("tenant_id", "=", tenantId).where("id", "=", productId).executeTakeFirstOrThrow(),
  );
}

export async function countRows(db: Kysely<Database>, tenantId: string, table: "orders" | "order_items" | "order_events" | "stock_movements"): Promise<number> {
  const row = await withTenant(db, tenantId, (trx) =>
    trx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).where("tenant_id", "=", tenantId).executeTakeFirstOrThrow(),
  );
  return row.n;
}

export function checkout(items: Array<{ productId: string; quantity: number }>, extra: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    idempotencyKey: randomUUID(),
    customer: { name: "สมศรี มีสุข", phone: "081-234-5678", email: "somsri@example.com" },
    deliveryMethod: "pickup",
    paymentMethod: "promptpay",
    items,
    ...extra,
  };
}
