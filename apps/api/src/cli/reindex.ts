/**
 * `npm run search:reindex -w @coop/api`: rebuilds the product rows of the search index from the
 * products of every co-op (after a bulk import, or on a database seeded before products were
 * indexed). Articles, seminars, centres and sages are indexed as they are saved.
 * Uses the same configuration as the server (DATABASE_URL, or the embedded database in DATA_DIR,
 * which must not be in use by a running server).
 */
import path from "node:path";
import { reindexAllProducts } from "@coop/core";
import { createDatabase, migrateToLatest, readDbEnv } from "@coop/db";
import { lockDataDirectory } from "../data-dir-lock.ts";
import { launchDirectory } from "../env.ts";

async function main() {
  const env = readDbEnv();
  const embedded = !env.DATABASE_URL;
  const dataDir = path.resolve(launchDirectory(), env.DATA_DIR);
  const unlock = embedded ? lockDataDirectory(dataDir) : () => undefined;
  const database = await createDatabase(
    embedded
      ? { dataDir: path.join(dataDir, "pglite") }
      : { url: env.DATABASE_URL, migrationUrl: env.MIGRATION_DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
  );
  try {
    await migrateToLatest(database.owner());
    const started = Date.now();
    const { tenants, products } = await reindexAllProducts(database.db);
    console.info(`Search index: ${products} products of ${tenants} co-ops re-indexed in ${Date.now() - started} ms.`);
  } finally {
    await database.close();
    unlock();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
