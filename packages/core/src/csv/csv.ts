/**
 * RFC 4180 CSV, the one writer for every CSV file the platform serves (the open-data exports,
 * the staff reports): CRLF line ends, fields quoted when they hold a quote,
 * comma or line break, and cells a spreadsheet would run as a formula (= + - @, and the tab or
 * carriage return that can smuggle one) prefixed with an apostrophe (OWASP "CSV injection").
 */

export type CsvCell = string | number | boolean | Date | null | undefined | readonly string[] | PhoneText;

/** A phone number a spreadsheet must keep as text (with its leading zero): written as ="0812345678". */
export interface PhoneText {
  readonly phone: string;
}

/** Marks a phone number for `csvCell`; anything but digits, spaces, + ( ) and - is written as plain (defused) text. */
export const phoneText = (phone: string | null): PhoneText | null => (phone ? { phone } : null);

/** Excel needs the byte-order mark to read UTF-8 (Thai) correctly. */
export const UTF8_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  // Only these characters inside the quotes of ="…", so the formula can never be more than a text literal.
  if (isPhoneText(value) && /^[0-9+() -]{1,32}$/.test(value.phone)) return `"=""${value.phone}"""`;
  let text: string;
  if (isPhoneText(value)) text = value.phone;
  else if (value === null || value === undefined) text = "";
  else if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value)) text = value.join(";");
  else text = String(value);
  // Numbers we write ourselves (negative ones included) are data, not formulas.
  if (typeof value !== "number" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function isPhoneText(value: CsvCell): value is PhoneText {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date) && "phone" in value;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvCell;
}

/**
 * A CSV file streamed page by page: the header row first, then each page's rows as it is read,
 * so memory stays bounded by one page and the file by `maxRows`.
 */
export function csvStream<T>(
  columns: readonly CsvColumn<T>[],
  readPage: (page: number) => Promise<{ items: T[] }>,
  options: { maxRows: number; pageSize: number },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let page = 1;
  let written = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(UTF8_BOM + csvRow(columns.map((c) => c.header))));
        return;
      }
      try {
        const { items } = await readPage(page++);
        const rows = items.slice(0, options.maxRows - written);
        written += rows.length;
        if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((row) => csvRow(columns.map((c) => c.value(row)))).join("")));
        if (items.length < options.pageSize || written >= options.maxRows) controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

/** A whole (small) CSV file in memory: byte-order mark, header row, then one row per item. */
export function csvDocument<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return UTF8_BOM + csvRow(columns.map((c) => c.header)) + rows.map((row) => csvRow(columns.map((c) => c.value(row)))).join("");
}
