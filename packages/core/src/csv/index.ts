// RFC 4180 CSV writing shared by the open-data exports and the staff reports: the only CSV writer.
export { csvCell, csvDocument, csvRow, csvStream, phoneText, UTF8_BOM } from "./csv.ts";
export type { CsvCell, CsvColumn, PhoneText } from "./csv.ts";
