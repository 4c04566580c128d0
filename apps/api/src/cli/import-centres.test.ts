import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImportCentres } from "./import-centres.ts";

const SAMPLE = path.resolve(import.meta.dirname, "../../../../docs/data/learning-centres-sample.csv");

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.destroy());

const count = async () => Number((await t.db.selectFrom("learning_centres").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);

describe("centres:import", () => {
  it("dry-runs the sample file by default, writes it with --commit, and updates on a second run", async () => {
    const out: string[] = [];
    expect(await runImportCentres(t.db, [SAMPLE], (s) => out.push(s))).toBe(0);
    expect(out.join("\n")).toContain("OK (dry run (nothing written)): 12 rows — 12 new, 0 updated.");
    expect(await count()).toBe(0);
    expect(await runImportCentres(t.db, [SAMPLE, "--commit"], (s) => out.push(s))).toBe(0);
    expect(await count()).toBe(12);
    expect(await runImportCentres(t.db, [SAMPLE, "--commit"], (s) => out.push(s))).toBe(0);
    expect(out.at(-1)).toContain("0 new, 12 updated");
  });

  it("prints each problem with row, column, Thai and English text, and exits 1", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "centres-"));
    const file = path.join(dir, "bad.csv");
    writeFileSync(file, "code,name_th,province,district_th\r\nX-1,ศพก. เอ็กซ์,Atlantis,เมือง\r\n");
    const out: string[] = [];
    expect(await runImportCentres(t.db, [file, "--commit"], (s) => out.push(s))).toBe(1);
    const text = out.join("\n");
    expect(text).toContain("row 2, column province: ไม่รู้จักจังหวัด “Atlantis”");
    expect(text).toContain("Unknown province “Atlantis”");
    expect(await runImportCentres(t.db, [], (s) => out.push(s))).toBe(2);
  });
});
