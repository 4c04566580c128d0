import { randomUUID } from "node:crypto";
import { type Database, type Kysely, sql, type Transaction, withTenant } from "@coop/db";
import { AppError } from "../errors.ts";
import { processImage, type VariantSpec } from "../media/process.ts";
import type { MediaStorage, StoredObject } from "../media/storage.ts";
import { tenantMediaPrefix } from "../media/urls.ts";
import { hashToken } from "../security/tokens.ts";
import { recordOrderEvent } from "./transition-order.ts";

/**
 * Transfer slips are private: stored under the co-op's prefix in a `slips/` folder with a
 * random name (never derived from the content, so a key cannot be guessed from the image),
 * listed in `order_slips`, and served only through the routes that check the tracking token
 * or the member's permission (see apps/api/src/slip-routes.ts), never from /media/.
 */
export const SLIP_VARIANTS: VariantSpec = { sizes: [1600], fit: "width" };

/** The event note written when a customer's slip moves an order to payment review. */
export const SLIP_UPLOADED_NOTE = "slip uploaded";

export const slipKeyPrefix = (tenantId: string) => `${tenantMediaPrefix(tenantId)}slips/`;

/** Whether a storage key is a private slip (for a public media server to refuse it). */
export function isSlipKey(key: string): boolean {
  return /^t\/[^/]+\/slips\//.test(key);
}

export interface OrderSlipView {
  id: string;
  /** 1 for the first slip of the order, in upload order. */
  index: number;
  width: number;
  height: number;
  createdAt: Date;
}

async function orderByToken(trx: Transaction<Database>, tenantId: string, token: string, lock: boolean) {
  let query = trx
    .selectFrom("orders")
    .select(["id", "status", "payment_method"])
    .where("tenant_id", "=", tenantId)
    .where((eb) => eb.or([eb("tracking_token_hash", "=", hashToken(token)), eb("resent_token_hash", "=", hashToken(token))]));
  if (lock) query = query.forUpdate();
  const order = await query.executeTakeFirst();
  if (!order) throw new AppError("NOT_FOUND", "orders.not_found");
  return order;
}

function assertAcceptsSlip(order: { status: string; payment_method: string }): void {
  if (order.payment_method !== "promptpay" && order.payment_method !== "bank_transfer") {
    throw new AppError("CONFLICT", "shop.slip.not_needed");
  }
  if (order.status !== "pending_payment") throw new AppError("CONFLICT", "shop.slip.wrong_status", { params: { status: order.status } });
}

/**
 * A customer's transfer slip for the order behind a tracking token (no sign-in): only for
 * PromptPay and bank-transfer orders waiting for payment. The image goes through the media
 * pipeline (type sniffed, decoded, metadata stripped, re-encoded); the order moves to
 * `payment_review` with the event note "slip uploaded", in one transaction with the slip row.
 */
export async function uploadOrderSlip(
  db: Kysely<Database>,
  storage: MediaStorage,
  input: { tenantId: string; token: string; bytes: Uint8Array },
): Promise<{ slipId: string; status: "payment_review" }> {
  const { tenantId, token } = input;
  // Cheap refusals first: no image work for an order that cannot take a slip.
  assertAcceptsSlip(await withTenant(db, tenantId, (trx) => orderByToken(trx, tenantId, token, false)));

  const image = await processImage(input.bytes, SLIP_VARIANTS);
  const variant = image.variants.at(-1);
  if (!variant) throw new AppError("VALIDATION", "media.corrupt", { detail: "no variants" });
  const key = `${slipKeyPrefix(tenantId)}${randomUUID()}.webp`;
  await storage.put(key, variant.bytes, "image/webp");

  try {
    return await withTenant(db, tenantId, async (trx) => {
      // Checked again under the lock: a second upload racing this one finds the order in review.
      const order = await orderByToken(trx, tenantId, token, true);
      assertAcceptsSlip(order);
      const slip = await trx
        .insertInto("order_slips")
        .values({ tenant_id: tenantId, order_id: order.id, storage_key: key, width: variant.width, height: variant.height })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .updateTable("orders")
        .set({ status: "payment_review", updated_at: sql`now()` })
        .where("tenant_id", "=", tenantId)
        .where("id", "=", order.id)
        .execute();
      await recordOrderEvent(trx, tenantId, { orderId: order.id, from: order.status, to: "payment_review", actorUserId: null, note: SLIP_UPLOADED_NOTE });
      return { slipId: slip.id, status: "payment_review" as const };
    });
  } catch (error) {
    await storage.delete(key).catch((cause: unknown) => console.error(`[slips] could not delete ${key}:`, (cause as Error)?.message ?? cause));
    throw error;
  }
}

async function slipsOf(trx: Transaction<Database>, tenantId: string, orderId: string) {
  return trx
    .selectFrom("order_slips")
    .select(["id", "storage_key", "width", "height", "created_at"])
    .where("tenant_id", "=", tenantId)
    .where("order_id", "=", orderId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

const toView = (row: { id: string; width: number; height: number; created_at: Date }, i: number): OrderSlipView => ({
  id: row.id,
  index: i + 1,
  width: row.width,
  height: row.height,
  createdAt: row.created_at,
});

/** The slips of an order, oldest first (for a member of the co-op; check the permission first). */
export async function listOrderSlips(db: Kysely<Database>, tenantId: string, orderId: string): Promise<OrderSlipView[]> {
  return withTenant(db, tenantId, async (trx) => (await slipsOf(trx, tenantId, orderId)).map(toView));
}

/**
 * The image of an order's `index`-th slip (1-based; 0 for the latest),
 * for a member with orders.manage (the caller checks); null when there is none.
 */
export async function readOrderSlip(
  db: Kysely<Database>,
  storage: MediaStorage,
  tenantId: string,
  orderId: string,
  index: number,
): Promise<StoredObject | null> {
  const rows = await withTenant(db, tenantId, (trx) => slipsOf(trx, tenantId, orderId));
  const row = (index >= 1 ? rows[index - 1] : undefined) ?? (index === 0 ? rows.at(-1) : undefined);
  return row ? storage.get(row.storage_key) : null;
}

/** The latest slip's image of the order behind a tracking token; null when there is none (unknown token: NOT_FOUND). */
export async function readSlipByTrackingToken(
  db: Kysely<Database>,
  storage: MediaStorage,
  tenantId: string,
  token: string,
): Promise<StoredObject | null> {
  const row = await withTenant(db, tenantId, async (trx) => {
    const order = await orderByToken(trx, tenantId, token, false);
    return (await slipsOf(trx, tenantId, order.id)).at(-1);
  });
  return row ? storage.get(row.storage_key) : null;
}
