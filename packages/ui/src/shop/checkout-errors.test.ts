import { describe, expect, it } from "vitest";
import { checkoutFormErrors } from "./checkout-errors.ts";

const A = "0b7c4f0e-0000-4000-8000-00000000000a";
const B = "0b7c4f0e-0000-4000-8000-00000000000b";

describe("checkoutFormErrors", () => {
  it("puts the customer's and the address's refusals on their fields", () => {
    const errors = checkoutFormErrors({ fields: { "customer.phone": "validation.phone", "address.postcode": "validation.postcode", address: "checkout.address_required" }, params: {} }, [A]);
    expect(errors.fields).toEqual({ phone: "validation.phone", addressPostcode: "validation.postcode", addressLine: "checkout.address_required" });
    expect(errors.formError).toBeUndefined();
  });

  it("puts a part's refusal on that co-op's radio group, by the part's position", () => {
    const errors = checkoutFormErrors({ fields: { "parts.1.paymentMethod": "checkout.payment_invalid", "parts.0.deliveryMethod": "checkout.delivery_invalid" }, params: {} }, [A, B]);
    expect(errors.fields).toEqual({ [`payment.${B}`]: "checkout.payment_invalid", [`delivery.${A}`]: "checkout.delivery_invalid" });
  });

  it("uses the co-op a refusal names when the field carries no part", () => {
    const errors = checkoutFormErrors({ fields: { deliveryMethod: "checkout.parcel_not_to_province" }, params: { coopId: B, province: "เชียงใหม่" } }, [A, B]);
    expect(errors.fields).toEqual({ [`delivery.${B}`]: "checkout.parcel_not_to_province" });
  });

  it("says anything else once for the whole form (a co-op it cannot place, a changed cart)", () => {
    expect(checkoutFormErrors({ fields: { deliveryMethod: "checkout.parcel_not_to_province" }, params: {} }, [A, B]).formError).toBe("checkout.parcel_not_to_province");
    expect(checkoutFormErrors({ fields: { parts: "marketplace.cart_changed" }, params: {} }, [A]).formError).toBe("marketplace.cart_changed");
    expect(checkoutFormErrors({ formError: "checkout.rate_limited", fields: {}, params: { seconds: 30 } }, [A]).formError).toBe("checkout.rate_limited");
  });
});

describe("checkoutFormErrors on a co-op's own checkout", () => {
  it("keeps the delivery and payment choices on their one radio group each", () => {
    const errors = checkoutFormErrors({ fields: { deliveryMethod: "checkout.parcel_not_to_province", paymentMethod: "checkout.payment_invalid", "customer.name": "validation.required" }, params: {} });
    expect(errors.fields).toEqual({ deliveryMethod: "checkout.parcel_not_to_province", paymentMethod: "checkout.payment_invalid", name: "validation.required" });
    expect(errors.formError).toBeUndefined();
  });

  it("says a path the form has no field for once for the whole form", () => {
    expect(checkoutFormErrors({ fields: { items: "checkout.cart_changed" }, params: {} }).formError).toBe("checkout.cart_changed");
  });
});
