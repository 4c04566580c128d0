import type { Database, Kysely } from "@coop/db";
import { z } from "zod";
import type { OutboxHandlers } from "../../outbox/worker.ts";
import type { StripeRuntime } from "./client.ts";
import { transferMarketplacePart } from "./marketplace.ts";
import { STRIPE_REFUND_KIND, STRIPE_TRANSFER_KIND } from "./order-events.ts";
import { refundPaidTooLate } from "./refunds.ts";

const refundJob = z.object({ tenantId: z.uuid(), orderId: z.uuid(), amountSatang: z.number().int().positive(), reason: z.literal("paid_after_stock_gone") });
const transferJob = z.object({ tenantId: z.uuid(), orderId: z.uuid(), marketplaceOrderId: z.uuid() });

/**
 * The outbox handlers for money-moving Stripe calls, written in the transaction that decided
 * them (so a crash cannot lose one) and sent with idempotency keys (so a retry cannot double
 * one). Empty when Stripe is off: such rows then wait for a process that has Stripe.
 */
export function createStripeOutboxHandlers(db: Kysely<Database>, runtime: StripeRuntime | null): OutboxHandlers {
  if (!runtime) return {};
  return {
    [STRIPE_REFUND_KIND]: (job) => refundPaidTooLate(db, runtime, refundJob.parse(job.payload)),
    [STRIPE_TRANSFER_KIND]: (job) => transferMarketplacePart(db, runtime, transferJob.parse(job.payload)),
  };
}
