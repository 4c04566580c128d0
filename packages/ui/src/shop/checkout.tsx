import { formatBaht, type Locale, translator } from "@coop/i18n";
import type { ReactNode } from "react";
import { AddressFields, type Province } from "../AddressFields.tsx";
import type { AddressOptions } from "../address-options.ts";
import { Alert, FormSection, TextAreaField, TextField } from "../form.tsx";
import { translateKey, type FormErrors } from "../form-errors.ts";
import type { CheckoutField } from "./checkout-errors.ts";
import { DELIVERY_LABEL, type DeliveryMethod, PAYMENT_HINT, PAYMENT_LABEL, type PaymentMethod } from "./labels.ts";

// The pieces of the two checkout forms (a co-op's /checkout and the marketplace's /market/checkout):
// the same fields, choices and totals, so a customer meets one form on both sites. The routes keep
// their loaders, actions and layout.

const ADDRESS_FIELDS = ["addressLine", "addressProvinceCode", "addressDistrict", "addressSubdistrict", "addressPostcode"] as const;
type AddressValues = Record<(typeof ADDRESS_FIELDS)[number], string>;

/**
 * After the no-script "show districts" round trip: keep the district and sub-district only if
 * the new lists still have them, and take the postcode from the chosen sub-district.
 */
export function settleAddressDraft(values: AddressValues, address: AddressOptions): void {
  if (!address.districts.some((d) => d.nameTh === values.addressDistrict)) values.addressDistrict = "";
  const subdistrict = address.subdistricts.find((s) => s.nameTh === values.addressSubdistrict);
  if (!subdistrict) values.addressSubdistrict = "";
  if (subdistrict) values.addressPostcode = subdistrict.postcode;
  else if (!values.addressSubdistrict) values.addressPostcode = "";
}

/** The address as the checkout procedures take it, or undefined when nothing of it was typed (pickup needs none). */
export function typedAddress(values: AddressValues) {
  const typed = ADDRESS_FIELDS.some((f) => values[f].trim() !== "");
  if (!typed) return undefined;
  const provinceCode = values.addressProvinceCode ? Number(values.addressProvinceCode) : null;
  return {
    line: values.addressLine,
    subdistrict: values.addressSubdistrict,
    district: values.addressDistrict,
    provinceCode: provinceCode ?? undefined,
    postcode: values.addressPostcode,
  };
}

export const radioCardClass =
  "flex cursor-pointer items-start gap-3 rounded-xl border border-earth-300 bg-white p-3 has-[:checked]:border-leaf-600 has-[:checked]:bg-leaf-50 has-[:checked]:ring-2 has-[:checked]:ring-leaf-600/25";

/** One choice of a radio group drawn as a card that lights up when chosen. */
export function RadioCard({
  name,
  value,
  defaultChecked,
  onChange,
  invalid,
  children,
}: {
  name: string;
  value: string;
  defaultChecked: boolean;
  onChange?: () => void;
  invalid?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={radioCardClass}>
      <input
        type="radio"
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        onChange={onChange}
        aria-invalid={invalid ? true : undefined}
        className="mt-1 size-4 accent-leaf-700"
      />
      {children}
    </label>
  );
}

/** A radio group with its legend (shown, or only for screen readers) and its error under it (`errorId` ties them together). */
export function ChoiceGroup({
  legend,
  legendVisible,
  error,
  errorId,
  children,
}: {
  legend: string;
  legendVisible: boolean;
  error: string | undefined;
  errorId?: string;
  children: ReactNode;
}) {
  return (
    <fieldset aria-describedby={error && errorId ? errorId : undefined}>
      <legend className={legendVisible ? "mb-2 font-medium text-earth-900" : "sr-only"}>{legend}</legend>
      {children}
      {error ? (
        <p id={errorId} className="mt-1.5 text-sm font-medium text-clay-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * A delivery method's fee as its choice shows it: free, "+฿40", "from ฿50" until a province is
 * chosen (parcels; `fee` undefined), or that the co-op sends no parcels there (`fee` null).
 */
export function deliveryFeeLabel(locale: Locale, fee: number | null | undefined, feeFromSatang: number): string {
  const tr = translator(locale);
  if (fee === null) return tr("shop.checkout.parcelNotToProvince");
  if (fee === undefined) return tr("shop.checkout.feeFrom", { fee: formatBaht(feeFromSatang, locale) });
  return fee === 0 ? tr("shop.checkout.free") : `+${formatBaht(fee, locale)}`;
}

/** The delivery choices of one co-op; `feeOf` answers each method's fee for the chosen province. */
export function DeliveryOptions({
  locale,
  name,
  options,
  feeOf,
  checked,
  onChoose,
  invalid,
  feeTestIds,
}: {
  locale: Locale;
  name: string;
  options: { method: DeliveryMethod; feeSatang: number }[];
  feeOf: (option: { method: DeliveryMethod; feeSatang: number }) => number | null | undefined;
  checked: string;
  onChoose: (method: DeliveryMethod) => void;
  invalid: boolean;
  /** Marks each fee `delivery-fee-<method>` (the shop journey reads them). */
  feeTestIds?: boolean;
}) {
  const tr = translator(locale);
  return (
    <div className="space-y-2">
      {options.map((d) => {
        const fee = feeOf(d);
        return (
          <RadioCard key={d.method} name={name} value={d.method} defaultChecked={checked === d.method} onChange={() => onChoose(d.method)} invalid={invalid}>
            <span className="flex min-w-0 flex-1 flex-wrap justify-between gap-x-3">
              <span className="font-medium text-earth-900">{tr(DELIVERY_LABEL[d.method])}</span>
              <span className={fee === null ? "font-medium text-clay-800" : "text-earth-700"} data-testid={feeTestIds ? `delivery-fee-${d.method}` : undefined}>
                {deliveryFeeLabel(locale, fee, d.feeSatang)}
              </span>
              {d.method === "parcel" && fee === undefined ? <span className="w-full text-sm text-earth-600">{tr("shop.checkout.parcelByProvince")}</span> : null}
            </span>
          </RadioCard>
        );
      })}
    </div>
  );
}

/** The payment choices of one co-op, each with its hint (a card payment also says how long its page stays open). */
export function PaymentOptions({
  locale,
  name,
  methods,
  checked,
  onChoose,
  invalid,
}: {
  locale: Locale;
  name: string;
  methods: PaymentMethod[];
  checked: string;
  onChoose?: (method: PaymentMethod) => void;
  invalid: boolean;
}) {
  const tr = translator(locale);
  return (
    <div className="space-y-2">
      {methods.map((method) => (
        <RadioCard key={method} name={name} value={method} defaultChecked={checked === method} onChange={onChoose ? () => onChoose(method) : undefined} invalid={invalid}>
          <span className="min-w-0">
            <span className="block font-medium text-earth-900">{tr(PAYMENT_LABEL[method])}</span>
            <span className="block text-sm text-earth-600">{tr(PAYMENT_HINT[method])}</span>
            {method === "stripe" ? <span className="block text-sm text-earth-600">{tr("stripeShop.checkout.timeLimit")}</span> : null}
          </span>
        </RadioCard>
      ))}
    </div>
  );
}

/** What the order holds, line by line. */
export function CheckoutLines({
  locale,
  lines,
}: {
  locale: Locale;
  lines: { productId: string; name: { text: string; lang: Locale }; quantity: number; lineTotalSatang: number }[];
}) {
  return (
    <ul className="divide-y divide-earth-100">
      {lines.map((line) => (
        <li key={line.productId} className="flex justify-between gap-3 py-2">
          <span className="min-w-0 text-earth-800">
            <span lang={line.name.lang === locale ? undefined : line.name.lang}>{line.name.text}</span> × {line.quantity}
          </span>
          <span className="shrink-0 text-earth-900">{formatBaht(line.lineTotalSatang, locale)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Subtotal, delivery fee (or why it is not known yet) and total of one co-op's order. */
export function CheckoutTotals({
  locale,
  subtotalSatang,
  feeSatang,
  totalLabel,
  totalClassName,
  feeTestId,
  totalTestId,
}: {
  locale: Locale;
  subtotalSatang: number;
  feeSatang: number | null | undefined;
  /** Translated. */
  totalLabel: string;
  totalClassName: string;
  feeTestId?: string;
  totalTestId: string;
}) {
  const tr = translator(locale);
  return (
    <dl className="space-y-1 border-t border-earth-200 pt-3">
      <div className="flex justify-between gap-3">
        <dt className="text-earth-700">{tr("shop.checkout.subtotal")}</dt>
        <dd>{formatBaht(subtotalSatang, locale)}</dd>
      </div>
      <div className="flex justify-between gap-3">
        <dt className="text-earth-700">{tr("shop.checkout.deliveryFee")}</dt>
        <dd data-testid={feeTestId}>
          {feeSatang === undefined ? (
            <span className="text-earth-600">{tr("shop.checkout.chooseProvince")}</span>
          ) : feeSatang === null ? (
            <span className="text-clay-800">{tr("shop.checkout.parcelNotToProvince")}</span>
          ) : feeSatang === 0 ? (
            tr("shop.checkout.free")
          ) : (
            formatBaht(feeSatang, locale)
          )}
        </dd>
      </div>
      <div className={`flex justify-between gap-3 ${totalClassName}`}>
        <dt>{totalLabel}</dt>
        <dd data-testid={totalTestId}>{formatBaht(subtotalSatang + (feeSatang ?? 0), locale)}</dd>
      </div>
    </dl>
  );
}

/** The refusal of a checkout: a title, and the sentence when it is not about one field. */
export function CheckoutFailed({ locale, errors }: { locale: Locale; errors: FormErrors | null }) {
  const tr = translator(locale);
  return errors ? (
    <Alert tone="error" className="mt-4" title={tr("shop.checkout.failed")}>
      {errors.formError && errors.formError !== "validation.invalid" ? <p>{translateKey(locale, errors.formError, errors.params)}</p> : null}
    </Alert>
  ) : null;
}

/** The translated refusal of one of the form's fields, if any. */
type FieldError = (name: CheckoutField) => string | undefined;

/** Who is buying: name, phone (`phoneHint` says who calls), optional email. */
export function CheckoutContact({
  locale,
  description,
  phoneHint,
  values,
  fieldError,
}: {
  locale: Locale;
  description?: string;
  phoneHint: string;
  values: { name: string; phone: string; email: string };
  fieldError: FieldError;
}) {
  const tr = translator(locale);
  return (
    <FormSection title={tr("shop.checkout.contact")} description={description}>
      <TextField label={tr("shop.checkout.name")} name="name" autoComplete="name" required defaultValue={values.name} error={fieldError("name")} />
      <TextField
        label={tr("shop.checkout.phone")}
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        placeholder="081 234 5678"
        required
        hint={phoneHint}
        defaultValue={values.phone}
        error={fieldError("phone")}
      />
      <TextField
        label={tr("shop.checkout.email")}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        optional={tr("shop.checkout.optional")}
        hint={tr("shop.checkout.emailHint")}
        defaultValue={values.email}
        error={fieldError("email")}
      />
    </FormSection>
  );
}

/**
 * The delivery address, when `show` (something is delivered, or scripts are not running yet);
 * otherwise its values ride along hidden, kept across a switch to pickup and back.
 */
export function CheckoutAddress({
  locale,
  show,
  description,
  values,
  provinces,
  address,
  fieldError,
}: {
  locale: Locale;
  show: boolean;
  description: string;
  values: AddressValues;
  provinces: Province[];
  address: AddressOptions;
  fieldError: FieldError;
}) {
  const tr = translator(locale);
  if (!show) {
    return (
      <>
        {ADDRESS_FIELDS.map((f) => (
          <input key={f} type="hidden" name={f} value={values[f]} />
        ))}
      </>
    );
  }
  return (
    <FormSection title={tr("shop.checkout.address")} description={description}>
      <TextAreaField
        label={tr("shop.checkout.addressLine")}
        name="addressLine"
        rows={2}
        autoComplete="street-address"
        placeholder={tr("settings.address.linePlaceholder")}
        defaultValue={values.addressLine}
        error={fieldError("addressLine")}
      />
      <AddressFields
        key={`${values.addressProvinceCode}|${values.addressDistrict}|${address.districts.length}|${address.subdistricts.length}`}
        locale={locale}
        provinces={provinces}
        districts={address.districts}
        subdistricts={address.subdistricts}
        values={values}
        errors={{
          addressProvinceCode: fieldError("addressProvinceCode"),
          addressDistrict: fieldError("addressDistrict"),
          addressSubdistrict: fieldError("addressSubdistrict"),
          addressPostcode: fieldError("addressPostcode"),
        }}
      />
    </FormSection>
  );
}
