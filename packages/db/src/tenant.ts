import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "./schema.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidTenantIdError extends Error {
  constructor(value: unknown) {
    super(`Not a tenant id: ${JSON.stringify(value)}`);
    this.name = "InvalidTenantIdError";
  }
}

/**
 * Runs `fn` in one transaction in which row-level security shows and accepts only rows of
 * `tenantId`. The setting is transaction-local (`set_config(..., true)`), so it cannot leak
 * to the next user of a pooled connection.
 */
export async function withTenant<T>(
  db: Kysely<Database>,
  tenantId: string,
  fn: (trx: Transaction<Database>) => Promise<T>,
  /** `repeatable read` for work that reads many tables and needs one consistent snapshot (an export). */
  options: { isolation?: "repeatable read" } = {},
): Promise<T> {
  if (typeof tenantId !== "string" || !UUID.test(tenantId)) throw new InvalidTenantIdError(tenantId);
  const transaction = options.isolation ? db.transaction().setIsolationLevel(options.isolation) : db.transaction();
  return transaction.execute(async (trx) => {
    await sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`.execute(trx);
    return fn(trx);
  });
}
