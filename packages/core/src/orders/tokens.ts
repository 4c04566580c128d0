import { createHmac } from "node:crypto";
import { hashToken } from "../security/tokens.ts";

/**
 * The tracking token of an order is derived from the checkout's idempotency key (a random
 * UUID only the customer's browser knows), so a retried checkout gets the same link back,
 * while the database keeps only hashes of both: a leak reveals no usable link.
 */
export function trackingTokenFor(tenantId: string, idempotencyKey: string): string {
  return createHmac("sha256", idempotencyKey.toLowerCase()).update(`order-tracking:${tenantId}`).digest("base64url");
}

export function idempotencyKeyHash(idempotencyKey: string): string {
  return hashToken(`checkout:${idempotencyKey.toLowerCase()}`);
}
