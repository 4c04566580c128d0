import type { coopStatusTh } from "./coop-status.th.ts";

/** English messages for a co-op's pending and suspended states in the back office and sign-up (keys and placeholders match coop-status.th.ts). */
export const coopStatusEn: { readonly [K in keyof typeof coopStatusTh]: string } = {
  "coopStatus.banner.suspended.title": "The co-op's website is suspended",
  "coopStatus.banner.suspended.reason": "Reason given by staff: {reason}",
  "coopStatus.banner.suspended.since": "Suspended on {date}",
  "coopStatus.banner.pending.title": "Waiting for approval by regional staff",
  "coopStatus.banner.pending.body":
    "Go ahead and add products, contact details and payment options. The shop opens to the public once staff approve it, and we will let you know by e-mail.",
  "coopStatus.readOnly.title": "The back office is read-only",
  "coopStatus.openingSoon.meta": "Opening soon",
  "coopStatus.openingSoon.title": "Opening soon",
  "coopStatus.openingSoon.body": "{name} is preparing its website, which opens once regional staff approve it.",
  "coopStatus.openingSoon.cta": "See other co-ops in the network",
  "coopStatus.teamSignIn": "For the co-op's team: sign in to the back office",
  "coopStatus.signup.approvalRegion": "shop opens after staff approval",
  "coopStatus.signup.approvalHint":
    "In the regions marked in the list, the shop opens to the public once regional staff approve it; meanwhile you can use the back office straight away.",
  "coopStatus.welcomePending.title": "Signed up: waiting for approval",
  "coopStatus.welcomePending.body": "While you wait, follow the list below to get the site ready: add a logo, tell the co-op's story, set up payments and add products. Customers will see the site once regional staff approve it.",
  "coopStatus.orderClosed.title": "The co-op is closed for now",
  "coopStatus.orderClosed.body": "Your order is safe: its details and status are on this page, but payments and slips cannot be taken until the co-op reopens. For questions, contact the co-op directly.",
};
