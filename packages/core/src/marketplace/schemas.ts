import { DELIVERY_METHODS, PAYMENT_METHODS } from "@coop/db";
import { z } from "zod";
import { MAX_CART_LINES } from "../cart/cart.ts";
import { orderAddressSchema, orderCustomerSchema, orderNotesSchema, trackOrderInput } from "../orders/schemas.ts";

// The market cart takes the same line inputs as a co-op's cart (cartItemInput, cartUpdateInput,
// cartRemoveInput): one product id names its co-op, so the client never sends a co-op id.

export const marketCheckoutOptionsInput = z
  .object({
    provinceCode: z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(10, "validation.invalid").max(99, "validation.invalid").optional(),
  })
  .optional();
export type MarketCheckoutOptionsInput = z.input<typeof marketCheckoutOptionsInput>;

/** How one co-op's part of the cart is delivered and paid. */
const partInput = z.object({
  coopId: z.uuid("validation.invalid"),
  deliveryMethod: z.enum(DELIVERY_METHODS, "checkout.delivery_invalid"),
  paymentMethod: z.enum(PAYMENT_METHODS, "checkout.payment_invalid"),
});

/**
 * One checkout for the whole market cart: the customer once, then one part per co-op in the
 * cart. With `payWithStripe` every part is paid by one Stripe payment (the parts' payment
 * methods are ignored); otherwise a part may not choose Stripe (a card payment covers all or none).
 */
export const marketCheckoutInput = z
  .object({
    idempotencyKey: z.uuid("checkout.idempotency_key_invalid"),
    customer: orderCustomerSchema,
    address: orderAddressSchema.optional(),
    notes: orderNotesSchema,
    parts: z.array(partInput).min(1, "marketplace.parts_missing").max(MAX_CART_LINES, "validation.invalid"),
    payWithStripe: z.boolean({ error: "validation.invalid" }).default(false),
  })
  .superRefine((input, ctx) => {
    if (input.parts.some((p) => p.deliveryMethod !== "pickup") && !input.address) {
      ctx.addIssue({ code: "custom", path: ["address"], message: "checkout.address_required" });
    }
    const seen = new Set<string>();
    input.parts.forEach((p, i) => {
      if (seen.has(p.coopId.toLowerCase())) ctx.addIssue({ code: "custom", path: ["parts", i, "coopId"], message: "marketplace.part_repeated" });
      seen.add(p.coopId.toLowerCase());
      if (!input.payWithStripe && p.paymentMethod === "stripe") {
        ctx.addIssue({ code: "custom", path: ["parts", i, "paymentMethod"], message: "marketplace.stripe_all_or_none" });
      }
    });
  });
export type MarketCheckoutInput = z.input<typeof marketCheckoutInput>;
export type ValidMarketCheckoutInput = z.output<typeof marketCheckoutInput>;

/** The customer's link to a marketplace order (same shape as a co-op order's tracking token). */
export const marketOrderInput = trackOrderInput;
