import { randomUUID } from "node:crypto";
import { type Database, type Kysely, sql, type StripeAccountKind, type Transaction, withTenant } from "@coop/db";
import Stripe from "stripe";
import { z } from "zod";
import { recordAudit } from "../../audit/record.ts";
import { AppError } from "../../errors.ts";
import type { StripeRuntime } from "./client.ts";

/** Where Stripe sends the owner back to, on the co-op's own host. */
export const PAYMENTS_SETTINGS_PATH = "/admin/settings/payments";

export interface PaymentAccountView {
  accountId: string;
  kind: StripeAccountKind;
  detailsSubmitted: boolean;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  updatedAt: Date;
}

/** What the back office shows: nothing at all when Stripe is off. */
export type PaymentAccountStatus =
  | { enabled: false }
  | { enabled: true; mode: "express" | "existing"; account: PaymentAccountView | null };

export const linkAccountInput = z.object({
  accountId: z
    .string()
    .trim()
    .regex(/^acct_[A-Za-z0-9]{8,64}$/, "payments.errors.account_id_format"),
});

function requireStripe(runtime: StripeRuntime | null): StripeRuntime {
  if (!runtime) throw new AppError("NOT_FOUND", "payments.errors.not_enabled");
  return runtime;
}

/** Stripe's refusals become clear domain errors; the Stripe message stays in the log detail. */
export function stripeFailure(error: unknown, refusedKey: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripePermissionError) {
    return new AppError("CONFLICT", refusedKey, { detail: `${error.type}: ${error.message}` });
  }
  if (error instanceof Stripe.errors.StripeError) {
    return new AppError("UNAVAILABLE", "payments.errors.stripe_unavailable", { detail: `${error.type}: ${error.message}` });
  }
  throw error;
}

type AccountRow = {
  account_id: string;
  kind: StripeAccountKind;
  details_submitted: boolean;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  updated_at: Date;
};

function view(row: AccountRow): PaymentAccountView {
  return {
    accountId: row.account_id,
    kind: row.kind,
    detailsSubmitted: row.details_submitted,
    chargesEnabled: row.charges_enabled,
    payoutsEnabled: row.payouts_enabled,
    updatedAt: row.updated_at,
  };
}

async function readAccount(trx: Transaction<Database>, tenantId: string): Promise<AccountRow | undefined> {
  return trx
    .selectFrom("stripe_accounts")
    .select(["account_id", "kind", "details_submitted", "charges_enabled", "payouts_enabled", "updated_at"])
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
}

/** The flags the platform keeps of a Stripe account. */
export function accountState(account: Pick<Stripe.Account, "details_submitted" | "charges_enabled" | "payouts_enabled">) {
  return {
    details_submitted: account.details_submitted === true,
    charges_enabled: account.charges_enabled === true,
    payouts_enabled: account.payouts_enabled === true,
  };
}

/**
 * Stores Stripe's view of the account taken at `at`, unless a newer one is already stored
 * (webhooks and retrieves race; the newest wins). Returns whether the row changed.
 */
export async function applyAccountState(
  trx: Transaction<Database>,
  tenantId: string,
  accountId: string,
  state: ReturnType<typeof accountState>,
  at: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable("stripe_accounts")
    .set({ ...state, state_at: at, updated_at: sql<Date>`now()` })
    .where("tenant_id", "=", tenantId)
    .where("account_id", "=", accountId)
    .where("state_at", "<=", at)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The co-op of a connected account, or null. Runs in its own transaction that may see only the
 * one stripe_accounts row of `accountId` (policy stripe_account_route).
 */
export async function tenantOfStripeAccount(trx: Transaction<Database>, accountId: string): Promise<string | null> {
  await sql`SELECT set_config('app.stripe_account', ${accountId}, true)`.execute(trx);
  const rows = await trx.selectFrom("stripe_accounts").select("tenant_id").where("account_id", "=", accountId).execute();
  await sql`SELECT set_config('app.stripe_account', '', true)`.execute(trx);
  return rows[0]?.tenant_id ?? null;
}

/** Whether Stripe is on, which onboarding the platform uses, and this co-op's account state. */
export async function paymentAccountStatus(
  db: Kysely<Database>,
  runtime: StripeRuntime | null,
  tenantId: string,
): Promise<PaymentAccountStatus> {
  if (!runtime) return { enabled: false };
  const row = await withTenant(db, tenantId, (trx) => readAccount(trx, tenantId));
  return { enabled: true, mode: runtime.settings.connectMode, account: row ? view(row) : null };
}

/**
 * Asks Stripe for the account's current state and stores it (the owner's return from onboarding:
 * the account.updated webhook may not have arrived yet, or may have come before the row existed).
 */
export async function refreshPaymentAccount(
  db: Kysely<Database>,
  runtime: StripeRuntime | null,
  tenantId: string,
): Promise<PaymentAccountStatus> {
  const stripe = requireStripe(runtime);
  const row = await withTenant(db, tenantId, (trx) => readAccount(trx, tenantId));
  if (!row) return paymentAccountStatus(db, runtime, tenantId);
  const takenAt = new Date();
  let account: Stripe.Account;
  try {
    account = await stripe.client.accounts.retrieve(row.account_id);
  } catch (error) {
    throw stripeFailure(error, "payments.errors.account_not_found");
  }
  await withTenant(db, tenantId, (trx) => applyAccountState(trx, tenantId, row.account_id, accountState(account), takenAt));
  return paymentAccountStatus(db, runtime, tenantId);
}

export interface StartOnboardingInput {
  tenantId: string;
  actorUserId: string;
  /** The co-op's site origin, e.g. https://korat.sahakorn.example (return and refresh URLs). */
  siteOrigin: string;
}

/**
 * Express onboarding: creates the co-op's Express account once (an idempotency key per co-op,
 * so a double click or a retry creates one account), stores it, and returns a fresh Account
 * Link to send the owner to. Calling it again (the link expired, or the owner came back
 * halfway) reuses the stored account.
 */
export async function startOnboarding(
  db: Kysely<Database>,
  runtime: StripeRuntime | null,
  input: StartOnboardingInput,
): Promise<{ url: string; accountId: string }> {
  const stripe = requireStripe(runtime);
  if (stripe.settings.connectMode !== "express") throw new AppError("CONFLICT", "payments.errors.express_disabled");
  const { tenantId } = input;
  const { tenant, existing } = await withTenant(db, tenantId, async (trx) => ({
    tenant: await trx
      .selectFrom("tenants")
      .select(["slug", "name_th", "name_en", "contact_email", "phone"])
      .where("id", "=", tenantId)
      .executeTakeFirstOrThrow(),
    existing: await readAccount(trx, tenantId),
  }));
  if (existing && existing.kind !== "express") throw new AppError("CONFLICT", "payments.errors.already_linked");

  let accountId = existing?.account_id;
  if (!accountId) {
    let account: Stripe.Account;
    try {
      account = await stripe.client.accounts.create(
        {
          type: "express",
          country: "TH",
          ...(tenant.contact_email ? { email: tenant.contact_email } : {}),
          // PromptPay is asked for with cards: the checkout offers both on the co-op's account.
          capabilities: { card_payments: { requested: true }, transfers: { requested: true }, promptpay_payments: { requested: true } },
          business_profile: {
            name: tenant.name_en ? `${tenant.name_th} (${tenant.name_en})` : tenant.name_th,
            url: input.siteOrigin,
            ...(tenant.phone ? { support_phone: tenant.phone } : {}),
            product_description: "Agricultural products sold by a Thai agricultural co-operative",
          },
          metadata: { tenant_id: tenantId, slug: tenant.slug },
        },
        { idempotencyKey: `coop-express-account-${tenantId}` },
      );
    } catch (error) {
      throw stripeFailure(error, "payments.errors.express_refused");
    }
    accountId = account.id;
    const created = account;
    await withTenant(db, tenantId, async (trx) => {
      // ON CONFLICT: a concurrent call got the same account (same idempotency key) and stored it first.
      await trx
        .insertInto("stripe_accounts")
        .values({ tenant_id: tenantId, account_id: created.id, kind: "express", ...accountState(created), state_at: new Date(), linked_by: input.actorUserId })
        .onConflict((oc) => oc.column("tenant_id").doNothing())
        .execute();
      await recordAudit(trx, {
        tenantId,
        actorUserId: input.actorUserId,
        action: "payments.stripe_account_created",
        subjectType: "stripe_account",
        subjectId: null,
        data: { accountId: created.id },
      });
    });
  }

  const settingsUrl = `${input.siteOrigin}${PAYMENTS_SETTINGS_PATH}`;
  try {
    const link = await stripe.client.accountLinks.create(
      { account: accountId, type: "account_onboarding", refresh_url: `${settingsUrl}?stripe=refresh`, return_url: `${settingsUrl}?stripe=return` },
      // Links are single-use and short-lived: a new one each time, one key per attempt.
      { idempotencyKey: `coop-account-link-${tenantId}-${randomUUID()}` },
    );
    return { url: link.url, accountId };
  } catch (error) {
    throw stripeFailure(error, "payments.errors.link_refused");
  }
}

export interface LinkAccountInput {
  tenantId: string;
  actorUserId: string;
  accountId: string;
}

/**
 * Existing-account mode: the co-op names its account (acct_…); the platform retrieves it, which
 * succeeds only for accounts connected to this platform, and stores it with its current state.
 */
export async function linkExistingAccount(
  db: Kysely<Database>,
  runtime: StripeRuntime | null,
  input: LinkAccountInput,
): Promise<PaymentAccountStatus> {
  const stripe = requireStripe(runtime);
  if (stripe.settings.connectMode !== "existing") throw new AppError("CONFLICT", "payments.errors.linking_disabled");
  const parsed = linkAccountInput.safeParse({ accountId: input.accountId });
  if (!parsed.success) throw new AppError("VALIDATION", "payments.errors.account_id_format", { fields: { accountId: "payments.errors.account_id_format" } });
  const { accountId } = parsed.data;
  const { tenantId } = input;

  const existing = await withTenant(db, tenantId, (trx) => readAccount(trx, tenantId));
  if (existing?.account_id === accountId) return paymentAccountStatus(db, runtime, tenantId);
  if (existing) throw new AppError("CONFLICT", "payments.errors.already_linked");
  const owner = await db.transaction().execute((trx) => tenantOfStripeAccount(trx, accountId));
  if (owner) throw new AppError("CONFLICT", "payments.errors.account_taken", { fields: { accountId: "payments.errors.account_taken" } });

  const takenAt = new Date();
  let account: Stripe.Account;
  try {
    account = await stripe.client.accounts.retrieve(accountId);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripePermissionError) {
      throw new AppError("VALIDATION", "payments.errors.account_not_found", {
        fields: { accountId: "payments.errors.account_not_found" },
        detail: `${error.type}: ${error.message}`,
      });
    }
    throw stripeFailure(error, "payments.errors.account_not_found");
  }

  await withTenant(db, tenantId, async (trx) => {
    // Two co-ops linking the same account at once: the second waits here, then sees the first.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`stripe-account:${account.id}`}))`.execute(trx);
    if ((await tenantOfStripeAccount(trx, account.id)) !== null) {
      throw new AppError("CONFLICT", "payments.errors.account_taken", { fields: { accountId: "payments.errors.account_taken" } });
    }
    const inserted = await trx
      .insertInto("stripe_accounts")
      .values({ tenant_id: tenantId, account_id: account.id, kind: "existing", ...accountState(account), state_at: takenAt, linked_by: input.actorUserId })
      .onConflict((oc) => oc.column("tenant_id").doNothing())
      .returning("account_id")
      .executeTakeFirst();
    if (!inserted) throw new AppError("CONFLICT", "payments.errors.already_linked");
    await recordAudit(trx, {
      tenantId,
      actorUserId: input.actorUserId,
      action: "payments.stripe_account_linked",
      subjectType: "stripe_account",
      subjectId: null,
      data: { accountId: account.id },
    });
  });
  return paymentAccountStatus(db, runtime, tenantId);
}
