/**
 * `npm run coop:import -w @coop/api -- <file>`: restores a co-op exported by coop:export into this
 * database, where that co-op must not exist yet: one transaction as that tenant (row-level
 * security checks every row), all or nothing. Then puts its products, published articles and
 * seminars in the search index, and stores the uploaded files the file carries (exported with
 * --media) in this platform's media storage. Imported accounts have no password (hashes are never exported):
 * members use "forgot password". Uses the same configuration as the server (DATABASE_URL, or the
 * embedded database in DATA_DIR, which must not be in use by a running server).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createMediaStorage, type MediaStorage, readMediaEnv } from "@coop/core/media";
import { reindexSeminar, reindexTenantProducts, syncArticleIndex } from "@coop/core";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { CoopTransferError, importCoop } from "@coop/db/export";
import { launchDirectory } from "../env.ts";
import { storeCoopMedia } from "./coop-transfer-media.ts";
import { describeTransferError, nothingWritten } from "./coop-transfer-messages.ts";
import { runCli } from "./run-cli.ts";

const USAGE = "Usage: coop:import <file>   (e.g. npm run coop:import -w @coop/api -- korat.coop.ndjson.gz)";

/** Runs the command for the CLI's arguments; returns the exit code. */
export async function runCoopImport(
  db: Kysely<Database>,
  args: string[],
  print: (text: string) => void,
  options: { cwd?: string; storage?: MediaStorage } = {},
): Promise<number> {
  const [source, ...rest] = args;
  if (!source || rest.length > 0) {
    print(USAGE);
    return 2;
  }
  const file = path.resolve(options.cwd ?? launchDirectory(), source);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    print(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 1;
  }
  try {
    const result = await importCoop(db, bytes);
    const { coop } = result.header;
    // The search index is derived data, rebuilt here rather than carried in the file.
    const products = await reindexTenantProducts(db, coop.id);
    const indexed = await withTenant(db, coop.id, async (trx) => {
      const articles = await trx.selectFrom("articles").selectAll().where("tenant_id", "=", coop.id).execute();
      for (const article of articles) await syncArticleIndex(trx, article);
      const seminars = await trx.selectFrom("seminars").select("id").where("tenant_id", "=", coop.id).execute();
      for (const seminar of seminars) await reindexSeminar(trx, coop.id, seminar.id);
      return { articles: articles.length, seminars: seminars.length };
    });
    const rows = Object.values(result.header.tables).reduce((sum, n) => sum + n, 0);
    print(`Imported co-op ${coop.slug} (${coop.id}) from ${file}: ${rows} rows, exported ${result.header.createdAt}.`);
    print(`Accounts: ${result.createdUsers} created without a password (members use "forgot password"), ${result.linkedUsers} already here and linked.`);
    print(`Search index: ${products} products, ${indexed.articles} articles, ${indexed.seminars} seminars.`);
    if (result.media.length === 0) return 0;
    // After the rows are committed: a file whose import was refused must leave no files behind.
    const failed = options.storage ? await storeCoopMedia(options.storage, result.media) : result.media.map((m) => `${m.key} (no media storage)`);
    print(`Uploaded files: ${result.media.length - failed.length} of ${result.media.length} stored.`);
    if (failed.length === 0) return 0;
    print(`Not stored (the rows are imported; copy these from the old storage):\n  ${failed.join("\n  ")}`);
    return 1;
  } catch (error) {
    if (!(error instanceof CoopTransferError)) throw error;
    print(`${describeTransferError(error)}\n${nothingWritten()}`);
    return 1;
  }
}

runCli(import.meta.url, ({ db, args, print, dataDir }) => runCoopImport(db, args, print, { storage: createMediaStorage(readMediaEnv(), dataDir) }));
