import { type Locale, TIME_ZONE } from "@coop/i18n";

// Calendar helpers of the overview pages. Days are Asia/Bangkok calendar days (as the order rollup counts them).

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in Bangkok, YYYY-MM-DD. */
export function bangkokToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The first day of the month of `day` (YYYY-MM-DD). */
export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

/** A query-string day if it is a real calendar day, else null (the API validates again). */
export function queryDay(value: string | null): string | null {
  if (!value || !ISO_DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

/** The last twelve months' range ending with `day`'s month: for the co-op detail's figures. */
export function lastTwelveMonths(day: string): { from: string; to: string } {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 - 11;
  return { from: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`, to: day };
}

/** "ต.ค. 69" / "Oct 26" for a YYYY-MM month: Thai in the Buddhist era, like formatDate. */
export function monthLabel(month: string, locale: Locale, long = false): string {
  const date = new Date(`${month}-15T00:00:00Z`);
  const tag = locale === "th" ? "th-TH-u-ca-buddhist" : "en-GB-u-ca-gregory";
  return new Intl.DateTimeFormat(tag, { month: long ? "long" : "short", year: long ? "numeric" : "2-digit", timeZone: TIME_ZONE }).format(date);
}
