import { type CsvColumn, csvDocument } from "../csv/csv.ts";
import { type Database, type Kysely, sql, type Transaction, withTenant } from "@coop/db";
import { AppError } from "../errors.ts";
import { hashToken } from "../security/tokens.ts";
import { formatOrderNumber, parseOrderNumber } from "./number.ts";
import { type ListOrdersInput, listOrdersInput } from "./schemas.ts";
import { nextStatuses } from "./state-machine.ts";
import type { OrderDetail, OrderItemView, OrderPage, OrderSummary, TrackedOrder } from "./views.ts";

/** A Stripe order's payment page while it can still be paid, with its expiry; nulls otherwise. */
export function stripePaymentOf(
  order: { payment_method: string; status: string; stripe_checkout_url: string | null; stripe_checkout_expires_at: Date | null },
  now: Date = new Date(),
): { payUrl: string | null; expiresAt: string | null } {
  if (order.payment_method !== "stripe") return { payUrl: null, expiresAt: null };
  const expiresAt = order.stripe_checkout_expires_at;
  const open = order.status === "pending_payment" && order.stripe_checkout_url !== null && expiresAt !== null && expiresAt > now;
  return { payUrl: open ? order.stripe_checkout_url : null, expiresAt: expiresAt?.toISOString() ?? null };
}

async function slugOf(trx: Transaction<Database>, tenantId: string): Promise<string> {
  const t = await trx.selectFrom("tenants").select("slug").where("id", "=", tenantId).executeTakeFirstOrThrow();
  return t.slug;
}

async function itemsOf(trx: Transaction<Database>, tenantId: string, orderId: string): Promise<OrderItemView[]> {
  const rows = await trx
    .selectFrom("order_items")
    .select(["product_id", "name_th", "name_en", "unit", "unit_price_satang", "quantity", "line_total_satang"])
    .where("tenant_id", "=", tenantId)
    .where("order_id", "=", orderId)
    .orderBy("name_th")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    productId: r.product_id,
    nameTh: r.name_th,
    nameEn: r.name_en,
    unit: r.unit,
    unitPriceSatang: r.unit_price_satang,
    quantity: r.quantity,
    lineTotalSatang: r.line_total_satang,
  }));
}

async function eventsOf(trx: Transaction<Database>, tenantId: string, orderId: string) {
  return trx
    .selectFrom("order_events as e")
    .leftJoin("users as u", "u.id", "e.actor_user_id")
    .select(["e.from_status", "e.to_status", "e.created_at", "e.note", "e.actor_user_id", "u.display_name"])
    .where("e.tenant_id", "=", tenantId)
    .where("e.order_id", "=", orderId)
    .orderBy("e.created_at")
    .orderBy("e.id")
    .execute();
}

/** The order behind a customer's private tracking link, on that co-op's site only. */
export async function getOrderByTrackingToken(db: Kysely<Database>, tenantId: string, token: string): Promise<TrackedOrder> {
  return withTenant(db, tenantId, async (trx) => {
    const order = await trx
      .selectFrom("orders")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      // The link from the confirmation e-mail, or the one sent when a slip was rejected.
      .where((eb) => eb.or([eb("tracking_token_hash", "=", hashToken(token)), eb("resent_token_hash", "=", hashToken(token))]))
      .executeTakeFirst();
    if (!order) throw new AppError("NOT_FOUND", "orders.not_found");
    const tenant = await trx
      .selectFrom("tenants")
      .select(["slug", "promptpay_id", "bank_name", "bank_account_no", "bank_account_name"])
      .where("id", "=", tenantId)
      .executeTakeFirstOrThrow();
    const events = await eventsOf(trx, tenantId, order.id);
    return {
      number: formatOrderNumber(tenant.slug, order.number),
      status: order.status,
      paymentMethod: order.payment_method,
      deliveryMethod: order.delivery_method,
      items: await itemsOf(trx, tenantId, order.id),
      subtotalSatang: order.subtotal_satang,
      deliveryFeeSatang: order.delivery_fee_satang,
      totalSatang: order.total_satang,
      amountRefundedSatang: order.amount_refunded_satang,
      ...stripePaymentOf(order),
      createdAt: order.created_at.toISOString(),
      // Staff names stay in the back office; customers see what happened and when.
      events: events.map((e) => ({ fromStatus: e.from_status, toStatus: e.to_status, at: e.created_at.toISOString(), note: e.note })),
      coop: {
        promptpayId: tenant.promptpay_id,
        bank:
          tenant.bank_name && tenant.bank_account_no && tenant.bank_account_name
            ? { name: tenant.bank_name, accountNo: tenant.bank_account_no, accountName: tenant.bank_account_name }
            : null,
      },
    };
  });
}

export async function loadOrderDetail(trx: Transaction<Database>, tenantId: string, orderId: string): Promise<OrderDetail> {
  const order = await trx.selectFrom("orders").selectAll().where("tenant_id", "=", tenantId).where("id", "=", orderId).executeTakeFirst();
  if (!order) throw new AppError("NOT_FOUND", "orders.not_found");
  const events = await eventsOf(trx, tenantId, orderId);
  return {
    id: order.id,
    number: formatOrderNumber(await slugOf(trx, tenantId), order.number),
    status: order.status,
    paymentMethod: order.payment_method,
    deliveryMethod: order.delivery_method,
    customerName: order.customer_name,
    customerPhone: order.customer_phone,
    customerEmail: order.customer_email,
    address: order.address,
    notes: order.notes,
    items: await itemsOf(trx, tenantId, orderId),
    subtotalSatang: order.subtotal_satang,
    deliveryFeeSatang: order.delivery_fee_satang,
    totalSatang: order.total_satang,
    amountRefundedSatang: order.amount_refunded_satang,
    ...stripePaymentOf(order),
    createdAt: order.created_at.toISOString(),
    updatedAt: order.updated_at.toISOString(),
    events: events.map((e) => ({
      fromStatus: e.from_status,
      toStatus: e.to_status,
      at: e.created_at.toISOString(),
      note: e.note,
      actor: e.actor_user_id && e.display_name ? { id: e.actor_user_id, displayName: e.display_name } : null,
    })),
    nextStatuses: nextStatuses(order.status, order.payment_method),
  };
}

/** One order of the co-op, for the back office. */
export async function getOrder(db: Kysely<Database>, tenantId: string, orderId: string): Promise<OrderDetail> {
  return withTenant(db, tenantId, (trx) => loadOrderDetail(trx, tenantId, orderId));
}

type Filters = ReturnType<typeof listOrdersInput.parse>;

function filtered(trx: Transaction<Database>, tenantId: string, f: Filters) {
  let q = trx.selectFrom("orders").where("tenant_id", "=", tenantId);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.paymentMethod) q = q.where("payment_method", "=", f.paymentMethod);
  if (f.deliveryMethod) q = q.where("delivery_method", "=", f.deliveryMethod);
  // Days are Bangkok days: an order at 23:30 on the 1st in Thailand belongs to the 1st.
  if (f.from) q = q.where("created_at", ">=", sql<Date>`(${f.from}::date)::timestamp AT TIME ZONE 'Asia/Bangkok'`);
  if (f.to) q = q.where("created_at", "<", sql<Date>`(${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Bangkok'`);
  if (f.search) {
    const number = parseOrderNumber(f.search);
    const digits = f.search.replace(/[\s-]/g, "").replace(/^\+66/, "0");
    q = q.where((eb) =>
      eb.or([
        ...(number !== null ? [eb("number", "=", number)] : []),
        ...(/^\d{3,10}$/.test(digits) ? [eb("customer_phone", "like", `%${digits}%`)] : []),
        eb("customer_name", "ilike", `%${f.search!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
      ]),
    );
  }
  return q;
}

/** The back office's order list: filters, search by number, phone or name, newest first, bounded pages. */
export async function listOrders(db: Kysely<Database>, tenantId: string, rawFilters: ListOrdersInput = {}): Promise<OrderPage> {
  const f = listOrdersInput.parse(rawFilters);
  return withTenant(db, tenantId, async (trx) => {
    const slug = await slugOf(trx, tenantId);
    const total = await filtered(trx, tenantId, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const rows = await filtered(trx, tenantId, f)
      .select([
        "id", "number", "status", "payment_method", "delivery_method", "customer_name", "customer_phone", "total_satang", "created_at",
        (eb) =>
          eb
            .selectFrom("order_items as i")
            .select((e) => e.fn.coalesce(e.fn.sum<number>("i.quantity"), sql<number>`0`).as("q"))
            .whereRef("i.tenant_id", "=", "orders.tenant_id")
            .whereRef("i.order_id", "=", "orders.id")
            .as("item_count"),
      ])
      .orderBy("created_at", "desc")
      .orderBy("number", "desc")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return {
      items: rows.map(
        (r): OrderSummary => ({
          id: r.id,
          number: formatOrderNumber(slug, r.number),
          status: r.status,
          paymentMethod: r.payment_method,
          deliveryMethod: r.delivery_method,
          customerName: r.customer_name,
          customerPhone: r.customer_phone,
          totalSatang: r.total_satang,
          itemCount: Number(r.item_count ?? 0),
          createdAt: r.created_at.toISOString(),
        }),
      ),
      total: total.n,
      page: f.page,
      pageSize: f.pageSize,
    };
  });
}

/** Most rows one CSV export holds; narrow the filters for more. */
export const ORDERS_CSV_MAX_ROWS = 10_000;

const bangkokTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Bangkok", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false,
});

/** The filtered orders as CSV (UTF-8 with a BOM so spreadsheet programs read Thai), amounts in baht. */
export async function ordersCsv(db: Kysely<Database>, tenantId: string, rawFilters: ListOrdersInput = {}): Promise<string> {
  const f = listOrdersInput.parse(rawFilters);
  const rows = await withTenant(db, tenantId, async (trx) => {
    const slug = await slugOf(trx, tenantId);
    const orders = await filtered(trx, tenantId, f)
      .select([
        "number", "created_at", "status", "payment_method", "delivery_method", "customer_name", "customer_phone", "customer_email",
        "address", "notes", "subtotal_satang", "delivery_fee_satang", "total_satang",
      ])
      .orderBy("created_at", "desc")
      .orderBy("number", "desc")
      .limit(ORDERS_CSV_MAX_ROWS)
      .execute();
    return orders.map((o) => ({ ...o, number: formatOrderNumber(slug, o.number) }));
  });
  type Row = (typeof rows)[number];
  const baht = (satang: number) => (satang / 100).toFixed(2);
  const columns: CsvColumn<Row>[] = [
    { header: "number", value: (o) => o.number },
    { header: "created_at", value: (o) => bangkokTime.format(o.created_at) },
    { header: "status", value: (o) => o.status },
    { header: "payment_method", value: (o) => o.payment_method },
    { header: "delivery_method", value: (o) => o.delivery_method },
    { header: "customer_name", value: (o) => o.customer_name },
    { header: "customer_phone", value: (o) => o.customer_phone },
    { header: "customer_email", value: (o) => o.customer_email },
    {
      header: "address",
      value: (o) => (o.address ? [o.address.line, o.address.subdistrict, o.address.district, String(o.address.provinceCode), o.address.postcode].join(" ") : null),
    },
    { header: "notes", value: (o) => o.notes },
    { header: "subtotal_thb", value: (o) => baht(o.subtotal_satang) },
    { header: "delivery_fee_thb", value: (o) => baht(o.delivery_fee_satang) },
    { header: "total_thb", value: (o) => baht(o.total_satang) },
  ];
  return csvDocument(columns, rows);
}
