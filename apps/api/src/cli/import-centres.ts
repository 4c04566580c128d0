/**
 * `npm run centres:import -w @coop/api -- <file.csv> [--commit]`: checks a ศพก. CSV (columns in
 * docs/data/learning-centres-sample.csv) and, with --commit, upserts its centres by code — all or
 * nothing. Without --commit it is a dry run. Prints every problem with its row and column, in Thai
 * and English. Uses the same configuration as the server (DATABASE_URL, or the embedded database
 * in DATA_DIR, which must not be in use by a running server).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { type CentreImportReport, importCentresCsv } from "@coop/core";
import type { Database, Kysely } from "@coop/db";
import { t } from "@coop/i18n";
import { launchDirectory } from "../env.ts";
import { runCli } from "./run-cli.ts";

const message = (locale: "th" | "en", key: string, params?: Record<string, string | number>) => t(locale, key as never, params as never);

/** The report as lines of text: a summary, then one line per problem (row, column, Thai · English). */
export function formatImportReport(report: CentreImportReport): string {
  const lines: string[] = [];
  const mode = report.dryRun ? "dry run (nothing written)" : "commit";
  if (report.ok) {
    lines.push(`OK (${mode}): ${report.rows} rows — ${report.created} new, ${report.updated} updated.`);
    if (report.dryRun) lines.push("Run again with --commit to write them.");
  } else {
    lines.push(`REFUSED (${mode}): ${report.errors.length}${report.errorsTruncated ? "+" : ""} problem(s); nothing was written.`);
    for (const e of report.errors) {
      const where = `${e.row > 0 ? `row ${e.row}` : "file"}${e.column ? `, column ${e.column}` : ""}`;
      lines.push(`  ${where}: ${message("th", e.key, e.params)} · ${message("en", e.key, e.params)} [${e.key}]`);
    }
  }
  return lines.join("\n");
}

/** Runs the import for the CLI's arguments; returns the exit code. */
export async function runImportCentres(db: Kysely<Database>, args: readonly string[], print: (text: string) => void): Promise<number> {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    print("Usage: centres:import <file.csv> [--commit]");
    return 2;
  }
  const report = await importCentresCsv(db, readFileSync(file, "utf8"), { dryRun: !args.includes("--commit") });
  print(formatImportReport(report));
  return report.ok ? 0 : 1;
}

// Paths are relative to where the command was started (npm -w changes into apps/api).
runCli(import.meta.url, ({ db, args, print }) =>
  runImportCentres(db, args.map((a) => (a.startsWith("--") ? a : path.resolve(launchDirectory(), a))), print),
);
