// Card and PromptPay payments through Stripe Connect (issue 7): configuration, the co-op's
// connected account and onboarding, and verified webhooks. Checkout and refunds build on these.
export { readStripeEnv } from "./env.ts";
export type { StripeSettings } from "./env.ts";
export { configureStripe, createStripeClient, createStripeRuntime, STRIPE_API_VERSION, stripeRuntime } from "./client.ts";
export type { StripeRuntime } from "./client.ts";
export {
  linkAccountInput, linkExistingAccount, PAYMENTS_SETTINGS_PATH, paymentAccountStatus, refreshPaymentAccount, startOnboarding,
} from "./accounts.ts";
export type { LinkAccountInput, PaymentAccountStatus, PaymentAccountView, StartOnboardingInput } from "./accounts.ts";
export { applicationFeeSatang, platformFeeBps } from "./fees.ts";
export { CHECKOUT_EVENT_TYPES, handleStripeWebhook, StripeDisabledError, StripeSignatureError } from "./webhook.ts";
export { CHECKOUT_LIFETIME_MS, createOrderCheckoutSession } from "./checkout.ts";
export type { OrderCheckoutInput } from "./checkout.ts";
export { STRIPE_REFUND_KIND, STRIPE_TRANSFER_KIND } from "./order-events.ts";
export type { PaymentNotices } from "./order-events.ts";
export { refundOrder, refundOrderInput } from "./refunds.ts";
export type { RefundOrderInput } from "./refunds.ts";
export { createMarketplaceCheckoutSession, transferGroupOf } from "./marketplace.ts";
export { EXPIRY_GRACE_MS, settleExpiredCheckouts, startCheckoutExpiryTimer } from "./expiry.ts";
export { createStripeOutboxHandlers } from "./jobs.ts";
export type { WebhookResult } from "./webhook.ts";
// Test harness (local stand-in for Stripe's API, signed events) for the tests of every package.
export { checkoutSessionReply, signedEvent, signPayload, startFakeStripeApi, stopFakeStripe, stripeAccountObject, TEST_WEBHOOK_SECRET } from "./testing.ts";
export type { FakeStripeApi, RecordedRequest } from "./testing.ts";
