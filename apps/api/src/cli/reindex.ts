/**
 * `npm run search:reindex -w @coop/api`: rebuilds the product rows of the search index from the
 * products of every co-op (after a bulk import, or on a database seeded before products were
 * indexed). Articles, seminars, centres and sages are indexed as they are saved.
 * Uses the same configuration as the server (DATABASE_URL, or the embedded database in DATA_DIR,
 * which must not be in use by a running server).
 */
import { reindexAllProducts } from "@coop/core";
import { runCli } from "./run-cli.ts";

runCli(import.meta.url, async ({ db, print }) => {
  const started = Date.now();
  const { tenants, products } = await reindexAllProducts(db);
  print(`Search index: ${products} products of ${tenants} co-ops re-indexed in ${Date.now() - started} ms.`);
});
