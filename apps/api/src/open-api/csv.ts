/**
 * RFC 4180 CSV for the open-data exports: CRLF line ends, fields quoted when they hold a quote,
 * comma or line break, and cells a spreadsheet would run as a formula (= + - @, and the tab or
 * carriage return that can smuggle one) prefixed with an apostrophe (OWASP "CSV injection").
 */

export type CsvCell = string | number | boolean | Date | null | undefined | readonly string[];

/** Excel needs the byte-order mark to read UTF-8 (Thai) correctly. */
export const UTF8_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value)) text = value.join(";");
  else text = String(value);
  // Numbers we write ourselves (negative ones included) are data, not formulas.
  if (typeof value !== "number" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
