/**
 * `npm run coop:export -w @coop/api -- <slug> <file> [--media]`: writes one co-op's data (its row,
 * every row of every tenant table, and the accounts its rows refer to, without password hashes) to
 * a gzip'd NDJSON file with a versioned, checksummed header (docs/decisions/027-coop-export-format.md);
 * with --media, the uploaded files its rows mention too (from local disk or S3, as configured).
 * The file holds personal data (customers' names and addresses): it is created readable by its
 * owner only, and an existing file is never overwritten. Uses the same configuration as the
 * server (DATABASE_URL, or the embedded database in DATA_DIR, which must not be in use).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createMediaStorage, type MediaStorage, readMediaEnv } from "@coop/core/media";
import type { Database, Kysely } from "@coop/db";
import { CoopTransferError, exportCoop } from "@coop/db/export";
import { launchDirectory } from "../env.ts";
import { coopMediaReader } from "./coop-transfer-media.ts";
import { describeTransferError } from "./coop-transfer-messages.ts";
import { runCli } from "./run-cli.ts";

const USAGE = "Usage: coop:export <slug> <file> [--media]   (e.g. npm run coop:export -w @coop/api -- korat korat.coop.ndjson.gz --media)";

/** Runs the command for the CLI's arguments; returns the exit code. */
export async function runCoopExport(
  db: Kysely<Database>,
  args: string[],
  print: (text: string) => void,
  options: { cwd?: string; storage?: MediaStorage } = {},
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { media: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  } catch (error) {
    print(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [slug, target, ...rest] = parsed.positionals;
  if (!slug || !target || rest.length > 0 || (parsed.values.media && !options.storage)) {
    print(USAGE);
    return 2;
  }
  const file = path.resolve(options.cwd ?? launchDirectory(), target);
  const media = parsed.values.media && options.storage ? coopMediaReader(options.storage) : null;
  try {
    const { file: bytes, header } = await exportCoop(db, slug, media ? { media: media.read } : {});
    writeFileSync(file, bytes, { mode: 0o600, flag: "wx" });
    const rows = Object.entries(header.tables).filter(([, n]) => n > 0);
    print(`Exported co-op ${header.coop.slug} (${header.coop.id}) to ${file}: ${bytes.length} bytes, schema ${header.schema}, sha256 ${header.sha256}.`);
    print(rows.map(([table, n]) => `  ${table}: ${n}`).join("\n"));
    if (media) {
      print(`  uploaded files: ${header.media?.files ?? 0} (${header.media?.bytes ?? 0} bytes)`);
      if (media.missing.length > 0) print(`Not in storage, so not in the file (${media.missing.length}): ${media.missing.join(", ")}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof CoopTransferError) {
      print(describeTransferError(error));
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      print(`${file} exists already; choose another name (an export never overwrites a file).`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      print(`The folder of ${file} does not exist.`);
      return 1;
    }
    throw error;
  }
}

runCli(import.meta.url, ({ db, args, print, dataDir }) => runCoopExport(db, args, print, { storage: createMediaStorage(readMediaEnv(), dataDir) }));
