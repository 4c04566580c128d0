import { type Database, type Kysely, withTenant } from "@coop/db";
import type { StripeRuntime } from "./client.ts";

/**
 * The platform's fee on a co-op's Stripe payments, in basis points: the co-op's own rate, else
 * its region's, else the platform default (PLATFORM_FEE_PERCENT, 0 unless set).
 */
export async function platformFeeBps(db: Kysely<Database>, runtime: StripeRuntime, tenantId: string): Promise<number> {
  const row = await withTenant(db, tenantId, (trx) =>
    trx
      .selectFrom("tenants")
      .innerJoin("regions", "regions.id", "tenants.region_id")
      .select(["tenants.stripe_fee_bps as own", "regions.stripe_fee_bps as region"])
      .where("tenants.id", "=", tenantId)
      .executeTakeFirstOrThrow(),
  );
  return row.own ?? row.region ?? runtime.settings.defaultFeeBps;
}

/** The application fee on an amount: rounded down, so a co-op is never charged more than the rate. */
export function applicationFeeSatang(amountSatang: number, feeBps: number): number {
  if (!Number.isInteger(amountSatang) || amountSatang < 0) throw new RangeError(`not an amount in satang: ${amountSatang}`);
  return Math.floor((amountSatang * feeBps) / 10_000);
}
