import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generatePassword, hashPassword } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { sql, withTenant } from "@coop/db";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "@coop/db/testing";
import { seedDemoData } from "@coop/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCoopExport } from "./coop-export.ts";
import { runCoopImport } from "./coop-import.ts";

let source: TestDatabase;
let target: TestDatabase;
const dir = mkdtempSync(path.join(tmpdir(), "coop-transfer-"));
const sourceMedia = new LocalDiskStorage(path.join(dir, "source-media"));
const targetMedia = new LocalDiskStorage(path.join(dir, "target-media"));
let logoStem = "";

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await seedDemoData(source.db, { hashPassword, newPassword: generatePassword });
  // A logo: the row names the largest size; the smaller ones exist in storage beside it.
  const korat = await source.db.selectFrom("tenants").select("id").where("slug", "=", "korat").executeTakeFirstOrThrow();
  logoStem = `t/${korat.id}/logo/00112233aabbccdd`;
  for (const size of [128, 256, 512]) await sourceMedia.put(`${logoStem}-${size}.webp`, new Uint8Array([size % 256, 1, 2, 3]), "image/webp");
  await withTenant(source.db, korat.id, (trx) => trx.updateTable("tenants").set({ logo_key: `${logoStem}-512.webp` }).where("id", "=", korat.id).execute());
});
afterAll(async () => {
  await source?.destroy();
  await target?.destroy();
});

const run = async (command: typeof runCoopExport, db: TestDatabase, args: string[]) => {
  const lines: string[] = [];
  const code = await command(db.db, args, (text) => lines.push(text), { cwd: dir, storage: db === source ? sourceMedia : targetMedia });
  return { code, output: lines.join("\n") };
};

describe(`coop:export and coop:import (${TEST_ENGINE})`, () => {
  it("exports a co-op to a private file and imports it into another database, search index and uploaded files included", async () => {
    const exported = await run(runCoopExport, source, ["korat", "korat.ndjson.gz", "--media"]);
    expect(exported).toMatchObject({ code: 0 });
    expect(exported.output).toMatch(/Exported co-op korat .* sha256 [0-9a-f]{64}/);
    expect(statSync(path.join(dir, "korat.ndjson.gz")).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, "korat.ndjson.gz")).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip

    const again = await run(runCoopExport, source, ["korat", "korat.ndjson.gz"]);
    expect(again.code).toBe(1);
    expect(again.output).toContain("never overwrites");

    const imported = await run(runCoopImport, target, ["korat.ndjson.gz"]);
    expect(imported.output).toMatch(/Imported co-op korat/);
    expect(imported.code).toBe(0);
    const tenant = await target.db.selectFrom("tenants").select("id").where("slug", "=", "korat").executeTakeFirstOrThrow();
    const indexed = await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_documents WHERE owner_tenant_id = ${tenant.id} AND kind = 'product'`.execute(target.db);
    expect(indexed.rows[0]!.n).toBeGreaterThan(0);

    expect(exported.output).toContain("uploaded files: 3");
    expect(imported.output).toContain("Uploaded files: 3 of 3 stored.");
    for (const size of [128, 256, 512]) {
      const stored = await targetMedia.get(`${logoStem}-${size}.webp`);
      expect(stored?.body).toEqual(new Uint8Array([size % 256, 1, 2, 3]));
    }
  });

  it("explains refusals in Thai and English, and usage mistakes", async () => {
    const twice = await run(runCoopImport, target, ["korat.ndjson.gz"]);
    expect(twice.code).toBe(1);
    expect(twice.output).toContain("ฐานข้อมูลนี้มีสหกรณ์ korat");
    expect(twice.output).toContain("A co-op with the slug korat");
    expect(twice.output).toContain("[coop_exists]");
    expect(twice.output).toContain("ไม่มีข้อมูลใดถูกเขียนลงฐานข้อมูล");

    const unknown = await run(runCoopExport, source, ["no-such-coop", "x.gz"]);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.output).toContain("ไม่พบสหกรณ์ที่ใช้ชื่อย่อ no-such-coop");

    expect((await run(runCoopImport, target, ["missing.gz"])).output).toContain("Cannot read");
    expect((await run(runCoopExport, source, ["korat"])).code).toBe(2);
    expect((await run(runCoopImport, target, [])).code).toBe(2);
  });
});
