import { formatDate, type Locale, t, TIME_ZONE } from "@coop/i18n";

/** The Bangkok local date ("2026-12-05") and time ("09:30") of an instant (Thailand has no daylight saving). */
export function bangkokParts(instant: Date): { date: string; time: string } {
  const shifted = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE });

/** "5 ธ.ค. 2569 เวลา 09:00–12:00 น." — a seminar's date and hours in Bangkok time (Buddhist era in Thai). */
export function seminarWhen(startsAt: Date | string, endsAt: Date | string, locale: Locale, style: "medium" | "long" = "long"): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = bangkokParts(start).date === bangkokParts(end).date;
  const date = sameDay ? formatDate(start, locale, style) : `${formatDate(start, locale, style)} – ${formatDate(end, locale, style)}`;
  return t(locale, "seminar.when", { date, start: clock.format(start), end: clock.format(end) });
}
