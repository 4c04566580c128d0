import { createHmac } from "node:crypto";
import { hashToken } from "../security/tokens.ts";

// A marketplace checkout has one secret, its idempotency key (a random UUID only the customer's
// browser knows). Everything else is derived from it, so a retried checkout gets the same links,
// and the database keeps only hashes: a leaked row reveals no usable link.

/** Hash of the marketplace checkout's key (a different domain from a co-op checkout's key hash). */
export function marketplaceKeyHash(idempotencyKey: string): string {
  return hashToken(`marketplace-checkout:${idempotencyKey.toLowerCase()}`);
}

/** The customer's link to the whole marketplace order. */
export function marketplaceTrackingToken(idempotencyKey: string): string {
  return createHmac("sha256", idempotencyKey.toLowerCase()).update("marketplace-tracking").digest("base64url");
}

/**
 * The idempotency key of the co-op's own order within the marketplace order: a UUID (version 8,
 * "custom") derived from the marketplace key, so placeOrderIn's per-co-op retry rules hold too.
 */
export function partIdempotencyKey(idempotencyKey: string, coopId: string): string {
  const h = createHmac("sha256", idempotencyKey.toLowerCase()).update(`marketplace-part:${coopId.toLowerCase()}`).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The tracking token of the co-op's own order, derived from the marketplace order's token: the
 * marketplace page can link to `<co-op site>/orders/<part token>` without storing the link, while
 * the co-op's order page (one co-op's token) reveals nothing of the other parts.
 */
export function partTrackingToken(marketplaceToken: string, coopId: string): string {
  return createHmac("sha256", marketplaceToken).update(`marketplace-part-tracking:${coopId.toLowerCase()}`).digest("base64url");
}
