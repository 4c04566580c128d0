import type { FormErrors } from "@coop/ui";

/** The marketplace checkout form's shared fields (each co-op's choices are `delivery.<coopId>` / `payment.<coopId>`). */
export type CheckoutField =
  | "idempotencyKey" | "name" | "phone" | "email" | "addressLine" | "addressProvinceCode" | "addressDistrict" | "addressSubdistrict" | "addressPostcode"
  | "notes" | "payAll";

/** The schema's paths (customer.phone, address.postcode…) as this form's field names. */
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
 * Refusals keyed by this form's field names: a co-op's part (`parts.1.deliveryMethod`, or a
 * refusal naming the co-op in `params.coopId`) goes to that co-op's radio group.
 */
export function checkoutFormErrors(errors: FormErrors, coopIds: string[]): FormErrors {
  const fields: Record<string, string> = {};
  let formError = errors.formError;
  const coopParam = typeof errors.params.coopId === "string" ? errors.params.coopId : null;
  for (const [path, key] of Object.entries(errors.fields)) {
    const part = /^parts\.(\d+)\.(deliveryMethod|paymentMethod)$/.exec(path);
    const coopId = part ? coopIds[Number(part[1])] : coopParam;
    const kind = part?.[2] ?? path;
    const field = FIELD_OF_PATH[path];
    if (field) fields[field] ??= key;
    else if (coopId && (kind === "deliveryMethod" || kind === "paymentMethod")) fields[`${kind === "deliveryMethod" ? "delivery" : "payment"}.${coopId}`] ??= key;
    else formError ??= key;
  }
  return { ...errors, formError, fields };
}
