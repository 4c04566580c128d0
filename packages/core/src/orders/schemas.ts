import { DELIVERY_METHODS, ORDER_STATUSES, PAYMENT_METHODS } from "@coop/db";
import { z } from "zod";
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from "../cart/cart.ts";

/** Thai mobile numbers: 06/08/09 + 8 digits; spaces and dashes are ignored; +66 is accepted. */
export const thaiMobileSchema = z
  .string({ error: "validation.required" })
  .trim()
  .transform((v) => v.replace(/[\s-]/g, "").replace(/^\+66/, "0"))
  .refine((v) => /^0[689]\d{8}$/.test(v), "checkout.phone_invalid");

export const orderAddressSchema = z.object({
  line: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(300, "validation.too_long"),
  subdistrict: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(100, "validation.too_long"),
  district: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(100, "validation.too_long"),
  provinceCode: z.coerce.number({ error: "validation.required" }).int("validation.invalid").min(10, "validation.invalid").max(99, "validation.invalid"),
  postcode: z.string({ error: "validation.required" }).trim().regex(/^[0-9]{5}$/, "checkout.postcode_invalid"),
});

export const orderItemsSchema = z
  .array(
    z.object({
      productId: z.uuid("validation.invalid"),
      quantity: z.int("validation.invalid").min(1, "cart.quantity_invalid").max(MAX_LINE_QUANTITY, "cart.quantity_invalid"),
    }),
  )
  .min(1, "checkout.cart_empty")
  .max(MAX_CART_LINES, "cart.too_many_items");

/** Who orders (a co-op's checkout and the market checkout): an empty e-mail is no e-mail. */
export const orderCustomerSchema = z.object({
  name: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(200, "validation.too_long"),
  phone: thaiMobileSchema,
  email: z
    .union([z.literal(""), z.string().trim().toLowerCase().email("validation.email").max(254, "validation.too_long")])
    .transform((v) => v || null)
    .nullable()
    .optional(),
});

/** The customer's note to the co-op; blank is none. */
export const orderNotesSchema = z
  .string()
  .trim()
  .max(500, "validation.too_long")
  .transform((v) => v || null)
  .nullable()
  .optional();

const checkoutFields = z.object({
  idempotencyKey: z.uuid("checkout.idempotency_key_invalid"),
  customer: orderCustomerSchema,
  address: orderAddressSchema.optional(),
  deliveryMethod: z.enum(DELIVERY_METHODS, "checkout.delivery_invalid"),
  paymentMethod: z.enum(PAYMENT_METHODS, "checkout.payment_invalid"),
  notes: orderNotesSchema,
});

function addressForDelivery(input: { deliveryMethod: string; address?: unknown }, ctx: z.RefinementCtx): void {
  if (input.deliveryMethod !== "pickup" && !input.address) {
    ctx.addIssue({ code: "custom", path: ["address"], message: "checkout.address_required" });
  }
}

export const placeOrderInput = checkoutFields.extend({ items: orderItemsSchema }).superRefine(addressForDelivery);
/** checkout.place: the items may be left out, then the guest's cart is ordered. */
export const checkoutInput = checkoutFields.extend({ items: orderItemsSchema.optional() }).superRefine(addressForDelivery);
export type PlaceOrderInput = z.input<typeof placeOrderInput>;
export type ValidPlaceOrderInput = z.output<typeof placeOrderInput>;

export const transitionOrderInput = z.object({
  orderId: z.uuid("validation.invalid"),
  to: z.enum(ORDER_STATUSES, "validation.invalid"),
  note: z
    .string()
    .trim()
    .max(500, "validation.too_long")
    .transform((v) => v || null)
    .nullable()
    .optional(),
});
export type TransitionOrderInput = z.infer<typeof transitionOrderInput>;

const isoDate = z.iso.date("validation.invalid");

export const listOrdersInput = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
  deliveryMethod: z.enum(DELIVERY_METHODS).optional(),
  /** Bangkok calendar days, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** An order number (KR-000123, 000123 or 123) or part of a phone number. */
  search: z.string().trim().max(50, "validation.too_long").optional(),
  page: z.int().min(1).max(10_000).default(1),
  pageSize: z.int().min(1).max(100).default(25),
});
export type ListOrdersInput = z.input<typeof listOrdersInput>;

export const trackOrderInput = z.object({ token: z.string().trim().min(20).max(100) });
export const orderIdInput = z.object({ orderId: z.uuid("validation.invalid") });
