import type { Locale } from "./locale.ts";

export const TIME_ZONE = "Asia/Bangkok";

const numberLocale = (locale: Locale) => (locale === "th" ? "th-TH" : "en-US");

/**
 * Integer satang → "฿1,250" (whole baht) or "฿45.50".
 * `narrowSymbol` keeps the ฿ sign in English too (en-US would otherwise print "THB").
 */
export function formatBaht(satang: number, locale: Locale): string {
  if (!Number.isSafeInteger(satang)) {
    throw new RangeError(`formatBaht expects integer satang, got ${satang}`);
  }
  const whole = satang % 100 === 0;
  return new Intl.NumberFormat(numberLocale(locale), {
    style: "currency",
    currency: "THB",
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(satang / 100);
}

export type DateStyle = "short" | "medium" | "long" | "datetime";

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  short: { day: "numeric", month: "numeric", year: "numeric" },
  medium: { day: "numeric", month: "short", year: "numeric" },
  long: { day: "numeric", month: "long", year: "numeric" },
  datetime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
};

/**
 * Always shown in Bangkok time. Thai uses the Buddhist calendar ("26 พ.ย. 2569");
 * English uses day-month-year Gregorian ("26 Nov 2026").
 */
export function formatDate(date: Date | string, locale: Locale, style: DateStyle = "medium"): string {
  const value = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(value.getTime())) {
    throw new RangeError(`formatDate got an invalid date: ${String(date)}`);
  }
  const tag = locale === "th" ? "th-TH-u-ca-buddhist" : "en-GB-u-ca-gregory";
  return new Intl.DateTimeFormat(tag, { ...DATE_OPTIONS[style], timeZone: TIME_ZONE }).format(value);
}
