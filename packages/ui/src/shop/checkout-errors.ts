import type { FormErrors } from "../form-errors.ts";

/** The checkout forms' shared fields (a co-op's choices are `deliveryMethod`/`paymentMethod`, or `delivery.<coopId>`/`payment.<coopId>` on the marketplace). */
export type CheckoutField =
  | "idempotencyKey" | "name" | "phone" | "email" | "addressLine" | "addressProvinceCode" | "addressDistrict" | "addressSubdistrict" | "addressPostcode"
  | "notes";

/** The schema's paths (customer.phone, address.postcode…) as the form's field names. */
const FIELD_OF_PATH: Record<string, CheckoutField> = {
  "customer.name": "name",
  "customer.phone": "phone",
  "customer.email": "email",
  address: "addressLine",
  "address.line": "addressLine",
  "address.provinceCode": "addressProvinceCode",
  "address.district": "addressDistrict",
  "address.subdistrict": "addressSubdistrict",
  "address.postcode": "addressPostcode",
  notes: "notes",
};

/**
 * Refusals keyed by the checkout form's field names. A co-op's checkout has one delivery and one
 * payment choice (`deliveryMethod`, `paymentMethod`). The marketplace passes the co-ops in the
 * form's order: a part's refusal (`parts.1.deliveryMethod`, or one naming the co-op in
 * `params.coopId`) goes to that co-op's radio group (`delivery.<coopId>`). Anything else is said
 * once for the whole form.
 */
export function checkoutFormErrors(errors: FormErrors, coopIds?: readonly string[]): FormErrors {
  const fields: Record<string, string> = {};
  let formError = errors.formError;
  const coopParam = typeof errors.params.coopId === "string" ? errors.params.coopId : null;
  for (const [path, key] of Object.entries(errors.fields)) {
    const field = FIELD_OF_PATH[path];
    const part = /^parts\.(\d+)\.(deliveryMethod|paymentMethod)$/.exec(path);
    const kind = part?.[2] ?? path;
    const choice = kind === "deliveryMethod" || kind === "paymentMethod";
    if (field) fields[field] ??= key;
    else if (choice && !coopIds && !part) fields[kind] ??= key;
    else if (choice && coopIds) {
      const coopId = part ? coopIds[Number(part[1])] : coopParam;
      if (coopId) fields[`${kind === "deliveryMethod" ? "delivery" : "payment"}.${coopId}`] ??= key;
      else formError ??= key;
    } else formError ??= key;
  }
  return { ...errors, formError, fields };
}
