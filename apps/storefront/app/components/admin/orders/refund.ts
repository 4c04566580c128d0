import type { MessageKey } from "@coop/i18n";
import type { AdminOrder, OrderStatus } from "./values.ts";

/** Statuses in which the co-op holds the customer's money (the state machine's way to "refunded"). */
const PAID_STATUSES: readonly OrderStatus[] = ["paid", "packed", "shipped", "ready_for_pickup", "completed"];

/** What can still be given back: nothing unless the order was paid and is not fully refunded yet. */
export function refundableSatang(order: Pick<AdminOrder, "status" | "totalSatang" | "amountRefundedSatang">): number {
  if (!PAID_STATUSES.includes(order.status)) return 0;
  return Math.max(order.totalSatang - order.amountRefundedSatang, 0);
}

export type RefundAmount = { ok: true; satang: number } | { ok: false; message: MessageKey };

const THAI_DIGITS = /[๐-๙]/g;
// Whole baht, with or without correctly grouped thousands, then decimals (too many get their own message).
const BAHT = /^(?<whole>\d{1,3}(?:,\d{3})+|\d*)(?:\.(?<fraction>\d*))?$/;

/**
 * A refund amount as typed ("120", "1,250.50", "฿45.5", "45 บาท", "๔๕") → integer satang, digit by
 * digit (never through a float, so "0.29" is exactly 29). Same rules as the product price
 * (@coop/core's parseBahtToSatang, which this app cannot import: the back office reaches core
 * through tRPC only, and the refund procedure takes satang); the server checks the limit again.
 */
export function parseRefundAmount(input: string, maxSatang: number): RefundAmount {
  const text = input
    .normalize("NFC")
    .trim()
    .replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/^฿\s*/, "")
    .replace(/\s*(?:บาท|บ\.)$/, "")
    .trim();
  if (text === "") return { ok: false, message: "stripeShop.refund.amountRequired" };
  const match = BAHT.exec(text);
  const whole = (match?.groups?.whole ?? "").replaceAll(",", "").replace(/^0+(?=\d)/, "");
  const fraction = match?.groups?.fraction ?? "";
  if (!match || (whole === "" && fraction === "")) return { ok: false, message: "stripeShop.refund.amountInvalid" };
  if (fraction.length > 2) return { ok: false, message: "stripeShop.refund.amountDecimals" };
  // Eight or more whole digits is beyond any order (and beyond float-safe sums).
  if (whole.length > 7) return { ok: false, message: "stripeShop.refund.amountTooHigh" };
  const satang = Number(whole || "0") * 100 + Number(fraction.padEnd(2, "0"));
  if (satang === 0) return { ok: false, message: "stripeShop.refund.amountZero" };
  if (satang > maxSatang) return { ok: false, message: "stripeShop.refund.amountTooHigh" };
  return { ok: true, satang };
}

/** The refund form as typed: "full" gives back everything not yet refunded. */
export interface RefundFormValues {
  mode: "full" | "partial";
  amount: string;
  reason: string;
}

/** The order page action's answers about a refund (the transition answers are the page's own). */
export type RefundResult =
  | { kind: "refund-edit"; values: RefundFormValues }
  | { kind: "refund-refused"; values: RefundFormValues; message: string | null; fields: { amount?: string; reason?: string }; params: Record<string, string | number> }
  | { kind: "refund-confirm"; values: RefundFormValues; amountSatang: number; refundedBefore: number }
  | { kind: "refund-done"; amountSatang: number };

export function isRefundResult(result: { kind: string }): result is RefundResult {
  return result.kind.startsWith("refund-");
}

export function readRefundForm(form: FormData): RefundFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return { mode: text("refundMode") === "partial" ? "partial" : "full", amount: text("refundAmount").trim(), reason: text("refundReason").trim() };
}

export const REFUND_REASON_MAX = 300;
