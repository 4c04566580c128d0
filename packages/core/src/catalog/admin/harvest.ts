import { toAsciiDigits } from "./price.ts";

/** "YYYY-MM" of `now` on the calendar in Bangkok (a co-op's "this month" starts at midnight there). */
export function currentMonth(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok", year: "numeric", month: "2-digit" }).formatToParts(now);
  const year = parts.find((p) => p.type === "year")?.value ?? "";
  const month = parts.find((p) => p.type === "month")?.value ?? "";
  return `${year}-${month}`;
}

const MONTH = /^(?<year>\d{4})-(?<month>0[1-9]|1[0-2])$/;

/**
 * A harvest month as sent by `<input type="month">` ("2026-03"), or typed where the browser
 * shows a plain text box — then Thai people often write the Buddhist year ("2569-03"), which
 * is converted. Returns null when the text is not a month.
 */
export function parseHarvestMonth(input: string): string | null {
  const match = MONTH.exec(toAsciiDigits(input.trim()).replace(/^(\d{4})[/.](\d{1,2})$/, (_, y: string, m: string) => `${y}-${m.padStart(2, "0")}`));
  if (!match?.groups) return null;
  let year = Number(match.groups.year);
  if (year >= 2400) year -= 543;
  if (year < 2000 || year > 2100) return null;
  return `${year}-${match.groups.month}`;
}

/**
 * The problem with a product's harvest month, if any: a "coming soon" product needs one, and a
 * month being set must not already be over. (An unchanged old month is left alone.)
 */
export function harvestProblem(input: {
  status: string;
  harvest: string | null;
  harvestChanged: boolean;
  now?: Date;
}): "catalog.harvest_required" | "catalog.harvest_past" | null {
  if (input.status === "coming_soon" && !input.harvest) return "catalog.harvest_required";
  if (input.harvest && input.harvestChanged && input.harvest < currentMonth(input.now)) return "catalog.harvest_past";
  return null;
}
