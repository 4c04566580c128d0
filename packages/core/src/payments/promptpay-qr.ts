import QRCode from "qrcode";
import { AppError } from "../errors.ts";
import { normalizePromptPayId } from "./promptpay-id.ts";

/** PromptPay's application id inside tag 29 (Thai QR Payment, merchant-presented). */
const PROMPTPAY_AID = "A000000677010111";
const THB = "764";
/** Tag 54 holds at most 13 characters: "99999999999.99" would not fit, so cap well below it. */
const MAX_AMOUNT_SATANG = 100_000_000_00;

/** One EMVCo TLV field: two-digit id, two-digit length, value. */
function field(id: string, value: string): string {
  if (value.length > 99) throw new Error(`EMVCo field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor), as the Thai QR standard asks. */
export function crc16Ccitt(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

/** "0812345678" → "0066812345678": the country code replaces the trunk 0, padded to 13 digits. */
function proxyField(id: string): string {
  if (id.length === 13) return field("02", id);
  return field("01", `66${id.slice(1)}`.padStart(13, "0"));
}

function formatAmount(satang: number): string {
  if (!Number.isSafeInteger(satang) || satang <= 0 || satang > MAX_AMOUNT_SATANG) {
    throw new AppError("VALIDATION", "validation.invalid", { detail: `PromptPay amount ${satang} satang` });
  }
  return `${Math.floor(satang / 100)}.${String(satang % 100).padStart(2, "0")}`;
}

/**
 * The text of a PromptPay QR code (EMVCo merchant-presented, Thai QR Payment profile).
 * Without an amount the code is static (the payer types the amount); with one it is dynamic
 * (single use, amount fixed). `id` is a mobile number or a 13-digit tax / citizen id.
 */
export function promptPayPayload({ id, amountSatang }: { id: string; amountSatang?: number }): string {
  const proxy = normalizePromptPayId(id);
  if (!proxy) throw new AppError("VALIDATION", "settings.promptpay_invalid", { detail: "PromptPay id" });
  const body = [
    field("00", "01"),
    field("01", amountSatang === undefined ? "11" : "12"),
    field("29", field("00", PROMPTPAY_AID) + proxyField(proxy)),
    field("58", "TH"),
    field("53", THB),
    amountSatang === undefined ? "" : field("54", formatAmount(amountSatang)),
  ].join("");
  const withCrcHeader = `${body}6304`;
  return withCrcHeader + crc16Ccitt(withCrcHeader);
}

/** The payload drawn as a QR code, as a self-contained SVG document (error correction M). */
export async function promptPayQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
