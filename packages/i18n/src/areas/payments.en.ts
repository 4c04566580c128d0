import type { paymentsTh } from "./payments.th.ts";

/** English messages for card payments through Stripe Connect (keys and placeholders match payments.th.ts). */
export const paymentsEn: { readonly [K in keyof typeof paymentsTh]: string } = {
};
