import {
  AppError, hitRateLimit, linkAccountInput, linkExistingAccount, paymentAccountStatus, refreshPaymentAccount, startOnboarding, stripeRuntime,
} from "@coop/core";
import { coopSiteUrl } from "../../site.ts";
import { memberProcedure, router } from "../../trpc.ts";

/** Each call asks Stripe for something; a handful per co-op in 10 minutes is plenty for a person. */
export const STRIPE_ACTION_LIMIT = { limit: 10, windowSeconds: 600 };

async function limitStripeCalls(db: Parameters<typeof hitRateLimit>[0], tenantId: string) {
  const rate = await hitRateLimit(db, `stripe-account:tenant:${tenantId}`, STRIPE_ACTION_LIMIT);
  if (!rate.allowed) throw new AppError("RATE_LIMITED", "payments.errors.rate_limited", { detail: `retry after ${rate.retryAfterSeconds}s` });
}

/** Card payments through Stripe Connect (issue 7): the co-op's connected account, from its back office. */
export const stripeRouter = router({
  /** `{ enabled: false }` when the platform has no Stripe keys: the page then shows nothing of Stripe. */
  status: memberProcedure("settings.edit").query(({ ctx }) => paymentAccountStatus(ctx.db, stripeRuntime(), ctx.tenant.id)),

  /** The owner's return from Stripe: read the account's state now rather than wait for the webhook. */
  refresh: memberProcedure("settings.edit").mutation(async ({ ctx }) => {
    await limitStripeCalls(ctx.db, ctx.tenant.id);
    return refreshPaymentAccount(ctx.db, stripeRuntime(), ctx.tenant.id);
  }),

  /** Express mode: the Account Link URL to send the owner to. */
  startOnboarding: memberProcedure("settings.edit").mutation(async ({ ctx }) => {
    await limitStripeCalls(ctx.db, ctx.tenant.id);
    const { url } = await startOnboarding(ctx.db, stripeRuntime(), {
      tenantId: ctx.tenant.id,
      actorUserId: ctx.user.id,
      siteOrigin: coopSiteUrl(ctx.origins, ctx.tenant.slug),
    });
    return { url };
  }),

  /** Existing mode: link the co-op's own account by its id (acct_…). */
  linkAccount: memberProcedure("settings.edit")
    .input(linkAccountInput)
    .mutation(async ({ ctx, input }) => {
      await limitStripeCalls(ctx.db, ctx.tenant.id);
      return linkExistingAccount(ctx.db, stripeRuntime(), { tenantId: ctx.tenant.id, actorUserId: ctx.user.id, accountId: input.accountId });
    }),
});
