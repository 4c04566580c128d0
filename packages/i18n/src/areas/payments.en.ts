import type { paymentsTh } from "./payments.th.ts";

/** English messages for card payments through Stripe Connect (keys and placeholders match payments.th.ts). */
export const paymentsEn: { readonly [K in keyof typeof paymentsTh]: string } = {
  // ---- errors (core / tRPC) ----
  "payments.errors.not_enabled": "Card payments through Stripe are not enabled on this platform",
  "payments.errors.stripe_unavailable": "Stripe cannot be reached right now. Please try again in a moment.",
  "payments.errors.express_disabled": "This platform links a Stripe account the co-op already has; it does not create new ones",
  "payments.errors.linking_disabled": "This platform creates the co-op's Stripe account; no account ID is needed",
  "payments.errors.express_refused": "Stripe does not allow new accounts to be created right now. Please contact the platform administrators.",
  "payments.errors.link_refused": "The Stripe set-up link could not be created. Please try again or contact the platform administrators.",
  "payments.errors.already_linked": "This co-op already has a Stripe account. To change it, please contact the platform administrators.",
  "payments.errors.account_id_format": "An account ID starts with acct_ followed by letters or digits",
  "payments.errors.account_not_found": "No such account, or it is not connected to this platform in Stripe",
  "payments.errors.account_taken": "This account is already linked to another co-op",
  "payments.errors.rate_limited": "Too many Stripe requests. Please wait a moment and try again.",

  // ---- back office: /admin/settings/payments ----
  "payments.title": "Card payments (Stripe)",
  "payments.lead": "Let customers pay by card or PromptPay through Stripe. The money goes to the co-op's Stripe account, then to its bank account.",
  "payments.back": "Back to site settings",
  "payments.account.title": "The co-op's Stripe account",
  "payments.account.id": "Account ID",
  "payments.account.kind.express": "Created through the platform",
  "payments.account.kind.existing": "The co-op's existing account",
  "payments.account.updated": "As reported by Stripe on {date}",
  "payments.account.none": "No Stripe account yet. Customers can still pay by PromptPay, transfer or cash as usual.",
  "payments.state.details": "Co-op details submitted to Stripe",
  "payments.state.charges": "Can accept payments",
  "payments.state.payouts": "Payouts to the bank account",
  "payments.state.yes": "Done",
  "payments.state.no": "Not yet",
  "payments.ready": "Ready to accept card payments",
  "payments.pending": "Card payments are not possible yet: Stripe needs more information or is still reviewing it",
  "payments.onboard.title": "Set up with Stripe",
  "payments.onboard.lead": "You will go to Stripe's pages to enter the co-op's details, its representative and bank account, then come back here.",
  "payments.onboard.start": "Start setting up with Stripe",
  "payments.onboard.continue": "Continue on Stripe",
  "payments.onboard.going": "Going to Stripe…",
  "payments.link.title": "Link an existing Stripe account",
  "payments.link.lead": "If the co-op has a Stripe account connected to this platform, enter its ID here (shown in Stripe's account settings).",
  "payments.link.label": "Stripe account ID",
  "payments.link.hint": "Starts with acct_, e.g. acct_1A2b3C4d5E6f7G8h",
  "payments.link.submit": "Link account",
  "payments.link.linking": "Checking with Stripe…",
  "payments.linked": "The Stripe account is linked",
  "payments.returned": "Back from Stripe. The state below is Stripe's latest.",
  "payments.linkExpired": "The set-up link has expired. Press the button below to carry on where you left off.",
  /** The link from the settings page (admin.settings.tsx), shown only while Stripe is enabled. */
  "payments.settingsLink": "Card and PromptPay payments through Stripe: set up the account",

  // ---- audit log labels (for admin.audit.tsx's ACTIONS map) ----
  "payments.audit.stripe_account_created": "Created the Stripe account",
  "payments.audit.stripe_account_linked": "Linked the Stripe account",
};
