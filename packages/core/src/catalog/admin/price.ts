/** The most a product may cost: one million baht, in satang. */
export const MAX_PRICE_SATANG = 100_000_000;

export type PriceProblem = "required" | "invalid" | "decimals" | "too_high";
export type PriceParse = { ok: true; satang: number } | { ok: false; problem: PriceProblem };

const THAI_DIGITS = /[๐-๙]/g;

/** "๑,๒๕๐" → "1,250": Thai numerals are common on Thai keyboards. */
export function toAsciiDigits(value: string): string {
  return value.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));
}

// Whole baht with or without correctly grouped thousands, then up to any number of decimals
// (too many decimals gets its own message, so it is matched here and refused below).
const PRICE = /^(?<whole>\d{1,3}(?:,\d{3})+|\d*)(?:\.(?<fraction>\d*))?$/;

/**
 * A price as a person types it — "1,250.50", "45", "45.5", "฿45", "45 บาท", "๔๕" — to integer
 * satang. The string is parsed digit by digit, never through a float, so "0.29" is exactly 29.
 */
export function parseBahtToSatang(input: string | number): PriceParse {
  let text = typeof input === "number" ? (Number.isFinite(input) ? String(input) : "x") : input;
  text = toAsciiDigits(text.normalize("NFC").trim())
    .replace(/^฿\s*/, "")
    .replace(/\s*(?:บาท|บ\.)$/, "")
    .trim();
  if (text === "") return { ok: false, problem: "required" };
  const match = PRICE.exec(text);
  const whole = (match?.groups?.whole ?? "").replaceAll(",", "");
  const fraction = match?.groups?.fraction ?? "";
  if (!match || (whole === "" && fraction === "")) return { ok: false, problem: "invalid" };
  if (fraction.length > 2) return { ok: false, problem: "decimals" };
  const digits = whole.replace(/^0+(?=\d)/, "");
  // More than seven whole digits is over a million baht whatever they are (and beyond float-safe maths).
  if (digits.length > 7) return { ok: false, problem: "too_high" };
  const satang = Number(digits || "0") * 100 + Number(fraction.padEnd(2, "0"));
  if (satang > MAX_PRICE_SATANG) return { ok: false, problem: "too_high" };
  return { ok: true, satang };
}

