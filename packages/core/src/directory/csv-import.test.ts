import { readFileSync } from "node:fs";
import path from "node:path";
import type { Database, Kysely } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importCentresCsv } from "./csv-import.ts";

const SAMPLE = readFileSync(path.resolve(import.meta.dirname, "../../../../docs/data/learning-centres-sample.csv"), "utf8");
const HEADER = "code,name_th,name_en,province,district_th,subdistrict_th,main_crops,model_farmer_name,phone,address,description_th,latitude,longitude";

let t: TestDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
});
afterAll(async () => t.destroy());
beforeEach(async () => {
  await db.deleteFrom("search_documents").where("kind", "=", "centre").execute();
  await db.deleteFrom("learning_centres").execute();
});

const count = async () => Number((await db.selectFrom("learning_centres").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);

describe("importCentresCsv", () => {
  it("imports the sample file (Thai/English/code provinces, crop names and codes) and indexes each centre", async () => {
    const report = await importCentresCsv(db, SAMPLE, { dryRun: false });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ ok: true, rows: 12, created: 12, updated: 0 });
    expect(await count()).toBe(12);
    const phimai = await db.selectFrom("learning_centres").selectAll().where("code", "=", "NMA-PHIMAI-01").executeTakeFirstOrThrow();
    expect(phimai).toMatchObject({ province_code: 30, main_crops: ["rice", "vegetables"], model_farmer_name: "นายสมบูรณ์ ทองดี" });
    const pak = await db.selectFrom("learning_centres").selectAll().where("code", "=", "NMA-PAKTHONGCHAI-01").executeTakeFirstOrThrow();
    expect(pak.province_code).toBe(30);
    const docs = await db.selectFrom("search_documents").select(["ref_id", "owner_tenant_id", "network_visible", "province_code"]).where("kind", "=", "centre").execute();
    expect(docs).toHaveLength(12);
    expect(docs.every((d) => d.owner_tenant_id === null && d.network_visible)).toBe(true);
  });

  it("dry run reports counts and writes nothing", async () => {
    const report = await importCentresCsv(db, SAMPLE, { dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, created: 12, updated: 0 });
    expect(await count()).toBe(0);
  });

  it("upserts by code: a second import updates instead of duplicating", async () => {
    await importCentresCsv(db, SAMPLE, { dryRun: false });
    const changed = SAMPLE.replace("นายสมบูรณ์ ทองดี", "นายสมบูรณ์ ทองคำ");
    const report = await importCentresCsv(db, changed, { dryRun: false });
    expect(report).toMatchObject({ ok: true, created: 0, updated: 12 });
    expect(await count()).toBe(12);
    const phimai = await db.selectFrom("learning_centres").select("model_farmer_name").where("code", "=", "NMA-PHIMAI-01").executeTakeFirstOrThrow();
    expect(phimai.model_farmer_name).toBe("นายสมบูรณ์ ทองคำ");
  });

  it("tolerates a byte-order mark and LF or CRLF line endings, and skips blank rows", async () => {
    const text = `\uFEFF${HEADER}\n\nA-1,ศพก. ทดสอบ,,Surin,ท่าตูม,,rice,,,,,,\r\n`;
    const report = await importCentresCsv(db, text, { dryRun: false });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ ok: true, rows: 1, created: 1 });
  });

  it("reports every bad row with its row and column, and writes nothing", async () => {
    const rows = [
      HEADER,
      "OK-1,ศพก. ดี,,นครราชสีมา,พิมาย,,ข้าว,,,,,,", // row 2: fine
      "BAD-PROV,ศพก. ก,,Atlantis,พิมาย,,rice,,,,,,", // row 3: unknown province
      "BAD-CROP,ศพก. ข,,30,พิมาย,,rice|ทองคำ,,,,,,", // row 4: unknown crop
      ",ศพก. ค,,30,พิมาย,,,,,,,,", // row 5: no code
      "BAD-NAME,,,30,พิมาย,,,,,,,,", // row 6: no Thai name
      "BAD-LAT,ศพก. ง,,30,พิมาย,,,,,,,95,100", // row 7: latitude out of range
      "BAD-PHONE,ศพก. จ,,30,พิมาย,,,,call me,,,,", // row 8: phone
      "OK-1,ศพก. ซ้ำ,,30,พิมาย,,,,,,,,", // row 9: duplicate code of row 2
      "BAD CODE,ศพก. ฉ,,30,,,,,,,,,", // row 10: code with a space, no district
    ];
    const report = await importCentresCsv(db, rows.join("\r\n"), { dryRun: false });
    expect(report.ok).toBe(false);
    const found = report.errors.map((e) => [e.row, e.column, e.key]);
    expect(found).toEqual(
      expect.arrayContaining([
        [3, "province", "directory.import.province_unknown"],
        [4, "main_crops", "directory.errors.crop_unknown"],
        [5, "code", "validation.required"],
        [6, "name_th", "validation.required"],
        [7, "latitude", "directory.errors.coordinate_invalid"],
        [8, "phone", "directory.errors.phone_invalid"],
        [9, "code", "directory.import.duplicate_code"],
        [10, "code", "directory.errors.code_invalid"],
        [10, "district_th", "validation.required"],
      ]),
    );
    expect(report.errors.some((e) => e.row === 2)).toBe(false);
    expect(report.errors.find((e) => e.row === 4)?.params).toEqual({ value: "ทองคำ" });
    expect(await count()).toBe(0);
  });

  it("refuses unknown and missing columns at the header row", async () => {
    const report = await importCentresCsv(db, "code,name_th,colour\nX,ศพก.,red\n", { dryRun: false });
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column, e.key])).toEqual(
      expect.arrayContaining([
        [1, "colour", "directory.import.unknown_column"],
        [1, "province", "directory.import.missing_column"],
        [1, "district_th", "directory.import.missing_column"],
      ]),
    );
  });

  it("reports a malformed file, an empty file and a file without rows", async () => {
    expect((await importCentresCsv(db, `${HEADER}\n"unclosed,quote\n`, { dryRun: true })).errors[0]?.key).toBe("directory.import.malformed");
    expect((await importCentresCsv(db, "", { dryRun: true })).errors[0]?.key).toBe("directory.import.empty");
    expect((await importCentresCsv(db, `${HEADER}\r\n\r\n`, { dryRun: true })).errors[0]?.key).toBe("directory.import.no_rows");
  });

  it("caps the size and the number of rows", async () => {
    const big = `${HEADER}\n${"x".repeat(2 * 1024 * 1024 + 1)}`;
    expect((await importCentresCsv(db, big, { dryRun: true })).errors[0]?.key).toBe("directory.import.too_large");
    const many = [HEADER, ...Array.from({ length: 5001 }, (_, i) => `C-${i},ศพก. ${i},,30,พิมาย,,,,,,,,`)].join("\n");
    expect((await importCentresCsv(db, many, { dryRun: true })).errors[0]?.key).toBe("directory.import.too_many_rows");
    expect(await count()).toBe(0);
  });
});
