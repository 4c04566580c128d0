import { type Database, type Kysely } from "@coop/db";
import { CsvError, parse } from "csv-parse/sync";
import { upsertCentre } from "./centres.ts";
import { centreFields, type CentreFields } from "./schemas.ts";

/** The columns of the ศพก. CSV, in the documented order (docs/data/learning-centres-sample.csv). */
export const CENTRE_CSV_COLUMNS = [
  "code", "name_th", "name_en", "province", "district_th", "subdistrict_th", "main_crops", "model_farmer_name", "phone", "address",
  "description_th", "latitude", "longitude",
] as const;
type Column = (typeof CENTRE_CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ["code", "name_th", "province", "district_th"];

export const CENTRE_CSV_MAX_BYTES = 2 * 1024 * 1024;
export const CENTRE_CSV_MAX_ROWS = 5000;
const MAX_ERRORS = 200;

/** One problem in the file: the spreadsheet row (the header is row 1), the column, and a message key with its params. */
export interface CentreImportError {
  row: number;
  column: string | null;
  key: string;
  params?: Record<string, string | number>;
}

export interface CentreImportReport {
  ok: boolean;
  dryRun: boolean;
  /** Data rows read (blank rows are skipped). */
  rows: number;
  created: number;
  updated: number;
  /** Nothing is written when there is any error. */
  errors: CentreImportError[];
  /** True when errors were cut at the cap. */
  errorsTruncated: boolean;
}

const FIELD_COLUMN: Record<string, Column> = {
  code: "code", nameTh: "name_th", nameEn: "name_en", provinceCode: "province", districtTh: "district_th", subdistrictTh: "subdistrict_th",
  mainCrops: "main_crops", modelFarmerName: "model_farmer_name", phone: "phone", address: "address", descriptionTh: "description_th",
  latitude: "latitude", longitude: "longitude",
};

const norm = (s: string) => s.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");

function messageKey(message: string): string {
  return /^[a-z_]+\.[a-z_.]+$/.test(message) ? message : "validation.invalid";
}

/**
 * Reads a ศพก. CSV and upserts its centres by code, all or nothing: every row is checked first
 * and, if any row has a problem, nothing is written and every problem is reported with its row
 * and column. A byte-order mark and Windows line endings are fine. `dryRun` checks without writing.
 */
export async function importCentresCsv(db: Kysely<Database>, csvText: string, options: { dryRun: boolean }): Promise<CentreImportReport> {
  const report: CentreImportReport = { ok: false, dryRun: options.dryRun, rows: 0, created: 0, updated: 0, errors: [], errorsTruncated: false };
  const fail = (error: CentreImportError) => {
    if (report.errors.length < MAX_ERRORS) report.errors.push(error);
    else report.errorsTruncated = true;
  };
  if (Buffer.byteLength(csvText, "utf8") > CENTRE_CSV_MAX_BYTES) {
    fail({ row: 0, column: null, key: "directory.import.too_large", params: { max: CENTRE_CSV_MAX_BYTES / 1024 / 1024 } });
    return report;
  }
  let records: string[][];
  try {
    records = parse(csvText, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      fail({ row: Number(error.lines ?? 0), column: null, key: "directory.import.malformed" });
      return report;
    }
    throw error;
  }
  const header = (records[0] ?? []).map((h) => norm(h.replace(/^\uFEFF/, "")));
  if (records.length === 0 || header.every((h) => h === "")) {
    fail({ row: 1, column: null, key: "directory.import.empty" });
    return report;
  }
  const index = new Map<Column, number>();
  header.forEach((name, i) => {
    if (name === "") return;
    if (!(CENTRE_CSV_COLUMNS as readonly string[]).includes(name)) fail({ row: 1, column: name, key: "directory.import.unknown_column", params: { column: name } });
    else if (index.has(name as Column)) fail({ row: 1, column: name, key: "directory.import.duplicate_column", params: { column: name } });
    else index.set(name as Column, i);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!index.has(column)) fail({ row: 1, column, key: "directory.import.missing_column", params: { column } });
  }
  if (report.errors.length > 0) return report;

  const dataRows = records.slice(1).map((cells, i) => ({ row: i + 2, cells })).filter(({ cells }) => cells.some((c) => c.trim() !== ""));
  if (dataRows.length === 0) {
    fail({ row: 2, column: null, key: "directory.import.no_rows" });
    return report;
  }
  if (dataRows.length > CENTRE_CSV_MAX_ROWS) {
    fail({ row: 0, column: null, key: "directory.import.too_many_rows", params: { max: CENTRE_CSV_MAX_ROWS } });
    return report;
  }
  report.rows = dataRows.length;

  const [provinces, crops] = await Promise.all([
    db.selectFrom("provinces").select(["code", "name_th", "name_en"]).execute(),
    db.selectFrom("crops").select(["code", "name_th", "name_en"]).execute(),
  ]);
  const provinceBy = new Map<string, number>();
  for (const p of provinces) {
    provinceBy.set(String(p.code), p.code);
    provinceBy.set(norm(p.name_th), p.code);
    provinceBy.set(norm(p.name_en), p.code);
    provinceBy.set(norm(p.name_en).replace(/\s/g, ""), p.code);
  }
  const cropBy = new Map<string, string>();
  for (const c of crops) {
    cropBy.set(c.code, c.code);
    cropBy.set(norm(c.name_th), c.code);
    cropBy.set(norm(c.name_en), c.code);
  }

  const valid: CentreFields[] = [];
  const seenCodes = new Map<string, number>();
  for (const { row, cells } of dataRows) {
    const cell = (column: Column) => {
      const i = index.get(column);
      return i === undefined ? "" : (cells[i] ?? "").trim();
    };
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== "")) {
      fail({ row, column: null, key: "directory.import.extra_cells" });
    }
    let rowOk = true;
    const provinceText = cell("province");
    const provinceCode = provinceText === "" ? undefined : provinceBy.get(norm(provinceText)) ?? provinceBy.get(norm(provinceText).replace(/\s/g, ""));
    if (provinceText !== "" && provinceCode === undefined) {
      fail({ row, column: "province", key: "directory.import.province_unknown", params: { value: provinceText.slice(0, 60) } });
      rowOk = false;
    }
    const mainCrops: string[] = [];
    for (const part of cell("main_crops").split(/[|,]/).map((s) => s.trim()).filter(Boolean)) {
      const code = cropBy.get(norm(part)) ?? cropBy.get(part.toLowerCase());
      if (code) mainCrops.push(code);
      else {
        fail({ row, column: "main_crops", key: "directory.errors.crop_unknown", params: { value: part.slice(0, 60) } });
        rowOk = false;
      }
    }
    const parsed = centreFields.safeParse({
      code: cell("code"), nameTh: cell("name_th"), nameEn: cell("name_en"), provinceCode: provinceCode ?? (provinceText === "" ? "" : 0),
      districtTh: cell("district_th"), subdistrictTh: cell("subdistrict_th"), mainCrops, modelFarmerName: cell("model_farmer_name"),
      phone: cell("phone"), address: cell("address"), descriptionTh: cell("description_th"), latitude: cell("latitude"), longitude: cell("longitude"),
    });
    if (!parsed.success) {
      const reported = new Set<string>();
      for (const issue of parsed.error.issues) {
        const column = FIELD_COLUMN[String(issue.path[0])] ?? null;
        // The province's own message was given above; one message per column is enough.
        if ((column === "province" && provinceText !== "" && provinceCode === undefined) || reported.has(String(column))) continue;
        reported.add(String(column));
        fail({ row, column, key: column === "province" && provinceText === "" ? "validation.required" : messageKey(issue.message) });
      }
      continue;
    }
    if (!rowOk) continue;
    const firstRow = seenCodes.get(parsed.data.code.toLowerCase());
    if (firstRow !== undefined) {
      fail({ row, column: "code", key: "directory.import.duplicate_code", params: { code: parsed.data.code, row: firstRow } });
      continue;
    }
    seenCodes.set(parsed.data.code.toLowerCase(), row);
    valid.push(parsed.data);
  }
  if (report.errors.length > 0) return report;

  const existing = new Set(
    (await db.selectFrom("learning_centres").select("code").where("code", "in", valid.map((v) => v.code)).execute()).map((r) => r.code),
  );
  report.updated = valid.filter((v) => existing.has(v.code)).length;
  report.created = valid.length - report.updated;
  if (!options.dryRun) {
    await db.transaction().execute(async (trx) => {
      for (const centre of valid) await upsertCentre(trx, centre);
    });
  }
  report.ok = true;
  return report;
}
