import type { Database, PaymentMethod, Transaction } from "@coop/db";
import { enqueueEmail } from "../outbox/enqueue.ts";
import { formatOrderNumber } from "./number.ts";

/** The outbox kind of a LINE Messaging API push (sent by outbox/line.ts). */
export const LINE_PUSH_KIND = "line_push";

/** A LINE text message holds at most 5,000 characters. */
const LINE_TEXT_MAX = 5_000;

export interface LinePushPayload {
  /** The LINE user, group or room id to push to. */
  to: string;
  messages: Array<{ type: "text"; text: string }>;
}

export interface OrderNoticeOptions {
  /**
   * The co-op site's public origin from configuration (PUBLIC_URL / ROOT_DOMAIN via
   * `coopSiteUrl`), never from a request's Host header: links in e-mails go there only.
   */
  siteOrigin: string;
  /** The customer's language (the co-op is written to in Thai). */
  locale: "th" | "en";
}

type Locale = OrderNoticeOptions["locale"];

/** 24050 → "฿240.50" / "240.50 บาท"; grouping with commas in both languages. */
export function formatBahtPlain(satang: number, locale: Locale): string {
  const amount = (satang / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return locale === "th" ? `${amount} บาท` : `฿${amount}`;
}

const PAYMENT_NAME: Record<Locale, Record<PaymentMethod, string>> = {
  th: { promptpay: "พร้อมเพย์", bank_transfer: "โอนเงินเข้าบัญชี", cod: "ชำระเงินปลายทาง / ชำระเมื่อรับสินค้า", stripe: "บัตรหรือพร้อมเพย์ออนไลน์ (Stripe)" },
  en: { promptpay: "PromptPay", bank_transfer: "Bank transfer", cod: "Cash on delivery / pay at pickup", stripe: "Card or online PromptPay (Stripe)" },
};

interface PayTo {
  method: PaymentMethod;
  total: string;
  promptpayId: string | null;
  bank: { name: string; accountNo: string; accountName: string } | null;
}

function paymentInstructions(locale: Locale, pay: PayTo): string {
  if (locale === "th") {
    switch (pay.method) {
      case "promptpay":
        return [
          `ชำระเงินผ่านพร้อมเพย์${pay.promptpayId ? ` หมายเลข ${pay.promptpayId}` : ""} ยอด ${pay.total}`,
          "สแกน QR ได้ที่หน้าคำสั่งซื้อ เมื่อโอนแล้วกรุณาแนบสลิปที่หน้าเดียวกัน",
        ].join("\n");
      case "bank_transfer":
        return [
          pay.bank
            ? `โอนเงินเข้าบัญชี ${pay.bank.name} เลขที่ ${pay.bank.accountNo} ชื่อบัญชี ${pay.bank.accountName} ยอด ${pay.total}`
            : `โอนเงินเข้าบัญชีของสหกรณ์ ยอด ${pay.total}`,
          "เมื่อโอนแล้วกรุณาแนบสลิปที่หน้าคำสั่งซื้อ",
        ].join("\n");
      case "cod":
        return `ชำระเงิน ${pay.total} เมื่อรับสินค้า`;
      case "stripe":
        return `ชำระเงิน ${pay.total} ด้วยบัตรหรือพร้อมเพย์ที่หน้าชำระเงินที่ปลอดภัย (ลิงก์อยู่ที่หน้าคำสั่งซื้อ) ระบบยืนยันการชำระให้อัตโนมัติ`;
    }
  }
  switch (pay.method) {
    case "promptpay":
      return [
        `Pay ${pay.total} by PromptPay${pay.promptpayId ? ` to ${pay.promptpayId}` : ""}.`,
        "The QR code is on your order page; after paying, please upload the transfer slip there.",
      ].join("\n");
    case "bank_transfer":
      return [
        pay.bank
          ? `Transfer ${pay.total} to ${pay.bank.name}, account ${pay.bank.accountNo} (${pay.bank.accountName}).`
          : `Transfer ${pay.total} to the co-operative's account.`,
        "After paying, please upload the transfer slip on your order page.",
      ].join("\n");
    case "cod":
      return `Pay ${pay.total} when you receive your order.`;
    case "stripe":
      return `Pay ${pay.total} by card or PromptPay on the secure payment page linked from your order page; the payment is confirmed automatically.`;
  }
}

/**
 * Queues the notices of a newly placed order in the order's own transaction (so they go out
 * if and only if the order exists): an e-mail to the customer when they gave an address, an
 * e-mail to the co-op (`order_email`, else `contact_email`) and a LINE push when the co-op has
 * set a channel token and a target id. The LINE token itself stays on the tenant row; the
 * sender reads it when it sends.
 */
export async function enqueueOrderPlacedNotices(
  trx: Transaction<Database>,
  tenantId: string,
  placed: { orderId: string; trackingToken: string },
  options: OrderNoticeOptions,
): Promise<void> {
  const order = await trx
    .selectFrom("orders")
    .select(["id", "number", "payment_method", "customer_name", "customer_phone", "customer_email", "total_satang"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", placed.orderId)
    .executeTakeFirstOrThrow();
  const items = await trx
    .selectFrom("order_items")
    .select(["name_th", "name_en", "quantity", "line_total_satang"])
    .where("tenant_id", "=", tenantId)
    .where("order_id", "=", order.id)
    .orderBy("name_th")
    .orderBy("id")
    .execute();
  const tenant = await trx
    .selectFrom("tenants")
    .select([
      "slug", "name_th", "name_en", "contact_email", "order_email", "line_channel_token", "line_notify_user_id", "promptpay_id", "bank_name",
      "bank_account_no", "bank_account_name",
    ])
    .where("id", "=", tenantId)
    .executeTakeFirstOrThrow();

  const origin = options.siteOrigin.replace(/\/+$/, "");
  const number = formatOrderNumber(tenant.slug, order.number);
  const bank =
    tenant.bank_name && tenant.bank_account_no && tenant.bank_account_name
      ? { name: tenant.bank_name, accountNo: tenant.bank_account_no, accountName: tenant.bank_account_name }
      : null;
  const itemLines = (locale: Locale) =>
    items
      .map((i) => `${(locale === "en" && i.name_en) || i.name_th} × ${i.quantity} = ${formatBahtPlain(i.line_total_satang, locale)}`)
      .join("\n");

  if (order.customer_email) {
    const locale = options.locale;
    const total = formatBahtPlain(order.total_satang, locale);
    await enqueueEmail(
      trx,
      {
        to: order.customer_email,
        template: "order_placed",
        locale,
        params: {
          name: order.customer_name,
          coop: (locale === "en" && tenant.name_en) || tenant.name_th,
          number,
          items: itemLines(locale),
          total,
          payment: paymentInstructions(locale, { method: order.payment_method, total, promptpayId: tenant.promptpay_id, bank }),
          link: `${origin}/orders/${encodeURIComponent(placed.trackingToken)}`,
        },
      },
      tenantId,
    );
  }

  const total = formatBahtPlain(order.total_satang, "th");
  const coopEmail = tenant.order_email ?? tenant.contact_email;
  if (coopEmail) {
    await enqueueEmail(
      trx,
      {
        to: coopEmail,
        template: "order_received",
        locale: "th",
        params: {
          coop: tenant.name_th,
          number,
          customer: order.customer_name,
          phone: order.customer_phone,
          items: itemLines("th"),
          total,
          payment: PAYMENT_NAME.th[order.payment_method],
          link: `${origin}/admin/orders/${order.id}`,
        },
      },
      tenantId,
    );
  }

  if (tenant.line_channel_token && tenant.line_notify_user_id) {
    const text = [
      `คำสั่งซื้อใหม่ ${number}`,
      `${order.customer_name} โทร ${order.customer_phone}`,
      itemLines("th"),
      `ยอดรวม ${total} (${PAYMENT_NAME.th[order.payment_method]})`,
      `${origin}/admin/orders/${order.id}`,
    ].join("\n");
    const payload: LinePushPayload = {
      to: tenant.line_notify_user_id,
      messages: [{ type: "text", text: text.length > LINE_TEXT_MAX ? `${text.slice(0, LINE_TEXT_MAX - 1)}…` : text }],
    };
    await trx.insertInto("outbox").values({ kind: LINE_PUSH_KIND, payload: JSON.stringify(payload), for_tenant_id: tenantId }).execute();
  }
}
