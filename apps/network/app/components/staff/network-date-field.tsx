import { type Locale, translator } from "@coop/i18n";
import { AlertIcon, inputClass } from "@coop/ui";
import { useId } from "react";

/** The Buddhist era is 543 years ahead of the common era. */
const BE_OFFSET = 543;

/** Today as YYYY-MM-DD in Asia/Bangkok (the day a meeting form starts at). */
export function bangkokToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * The ISO date (YYYY-MM-DD) the three selects of a DateField named `name` submitted, or "" when
 * any part is missing. Whether the day exists (31 February) is the schema's to say.
 */
export function isoDateFromForm(form: FormData, name: string): string {
  const part = (suffix: string) => {
    const value = form.get(`${name}_${suffix}`);
    return typeof value === "string" && /^\d{1,4}$/.test(value) ? value : "";
  };
  const [day, month, year] = [part("day"), part("month"), part("year")];
  if (!day || !month || !year) return "";
  return `${year.padStart(4, "0")}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/**
 * A date as day, month and year selects: the year shows in the Buddhist era in Thai (2569) and
 * the months by name, while the value sent is the common-era number, so the action rebuilds an
 * ISO date. No JavaScript and no browser date picker (whose calendar follows the device, not the page).
 */
export function DateField({ locale, name, label, value, error, yearsBack = 5, yearsAhead = 1 }: {
  locale: Locale; name: string; label: string; value: string; error?: string | undefined; yearsBack?: number; yearsAhead?: number;
}) {
  const tr = translator(locale);
  const id = useId();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const thisYear = Number(bangkokToday().slice(0, 4));
  const years: number[] = [];
  for (let y = thisYear + yearsAhead; y >= thisYear - yearsBack; y--) years.push(y);
  if (year && !years.includes(year)) years.push(year);
  const monthName = new Intl.DateTimeFormat(locale === "th" ? "th-TH" : "en-GB", { month: "long", timeZone: "UTC" });
  const invalid = error ? true : undefined;
  const described = error ? `${id}-error` : undefined;
  return (
    <fieldset>
      <legend className="mb-1.5 font-medium text-earth-900">{label}</legend>
      <div className="grid grid-cols-[4.5rem_minmax(0,1fr)_6rem] gap-2">
        <label className="sr-only" htmlFor={`${id}-day`}>{tr("staff.network.date.day")}</label>
        <select id={`${id}-day`} name={`${name}_day`} defaultValue={day || ""} className={inputClass} aria-invalid={invalid} aria-describedby={described}>
          <option value="">{tr("staff.network.date.day")}</option>
          {Array.from({ length: 31 }, (_, i) => i + 1).map((d) => (
            <option key={d} value={d}>{d}</option>
          ))}
        </select>
        <label className="sr-only" htmlFor={`${id}-month`}>{tr("staff.network.date.month")}</label>
        <select id={`${id}-month`} name={`${name}_month`} defaultValue={month || ""} className={inputClass} aria-invalid={invalid} aria-describedby={described}>
          <option value="">{tr("staff.network.date.month")}</option>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <option key={m} value={m}>{monthName.format(new Date(Date.UTC(2000, m - 1, 1)))}</option>
          ))}
        </select>
        <label className="sr-only" htmlFor={`${id}-year`}>{tr("staff.network.date.year")}</label>
        <select id={`${id}-year`} name={`${name}_year`} defaultValue={year || ""} className={inputClass} aria-invalid={invalid} aria-describedby={described}>
          <option value="">{tr("staff.network.date.year")}</option>
          {years.map((y) => (
            <option key={y} value={y}>{locale === "th" ? y + BE_OFFSET : y}</option>
          ))}
        </select>
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 flex items-start gap-1.5 text-sm font-medium text-clay-800">
          <AlertIcon className="mt-0.5 size-4 shrink-0" />
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
