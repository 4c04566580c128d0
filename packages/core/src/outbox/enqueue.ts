import type { Database, Transaction } from "@coop/db";

/** Templates the mailer knows how to render (see outbox/mail). */
export type EmailTemplate =
  | "verify_email" | "reset_password" | "team_invitation" | "welcome_coop" | "order_placed" | "order_received"
  | "order_notice_test" | "slip_rejected"
  // a card payment that arrived after the order's stock was gone (payments/stripe/order-events.ts)
  | "order_auto_refunded"
  // a co-op's standing with regional staff (tenants/signup.ts, staff/actions.ts)
  | "coop_awaiting_approval" | "coop_approved" | "coop_suspended" | "coop_restored";

export interface EmailMessage {
  to: string;
  template: EmailTemplate;
  locale: "th" | "en";
  /** Values the template needs (links, names); never a password. */
  params: Record<string, string>;
}

/**
 * Queues an e-mail in the same transaction as the change that causes it: if the change
 * commits, the e-mail will be sent (by the outbox worker) even if this process dies now.
 */
export async function enqueueEmail(
  trx: Transaction<Database>,
  message: EmailMessage,
  forTenantId: string | null = null,
): Promise<void> {
  await trx
    .insertInto("outbox")
    .values({ kind: "email", payload: JSON.stringify(message), for_tenant_id: forTenantId })
    .execute();
}
