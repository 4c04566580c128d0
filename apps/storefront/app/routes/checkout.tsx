import { formatBaht, type Locale, resolveLocale, t, translator } from "@coop/i18n";
import { useRef, useState } from "react";
import { data, Form, redirect } from "react-router";
import {
  Alert,
  FormSection,
  formErrors,
  type FormErrors,
  linkClass,
  localizedText,
  primaryButtonClass,
  SubmitButton,
  text,
  TextAreaField,
  TextField,
  translateKey,
  useFocusFirstInvalid,
  useHydrated,
} from "@coop/ui";
import type { Route } from "./+types/checkout";
import { AddressFields } from "../components/admin/AddressFields.tsx";
import { DELIVERY_LABEL, type DeliveryMethod, PAYMENT_HINT, PAYMENT_LABEL, type PaymentMethod } from "../components/shop/labels.ts";
import { addressOptions } from "../lib/address.server.ts";

const FIELDS = [
  "idempotencyKey", "name", "phone", "email", "deliveryMethod", "addressLine", "addressProvinceCode", "addressDistrict",
  "addressSubdistrict", "addressPostcode", "paymentMethod", "notes",
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

function readValues(form: FormData): Values {
  return Object.fromEntries(FIELDS.map((f) => [f, text(form, f)])) as Values;
}

/** The schema's paths (customer.phone, address.postcode…) as this form's field names. */
const FIELD_OF_PATH: Record<string, Field> = {
  "customer.name": "name",
  "customer.phone": "phone",
  "customer.email": "email",
  address: "addressLine",
  "address.line": "addressLine",
  "address.provinceCode": "addressProvinceCode",
  "address.district": "addressDistrict",
  "address.subdistrict": "addressSubdistrict",
  "address.postcode": "addressPostcode",
  deliveryMethod: "deliveryMethod",
  paymentMethod: "paymentMethod",
  notes: "notes",
};

function toFormErrors(errors: FormErrors): FormErrors {
  const fields: Record<string, string> = {};
  let formError = errors.formError;
  for (const [path, key] of Object.entries(errors.fields)) {
    const field = FIELD_OF_PATH[path];
    if (field) fields[field] ??= key;
    else formError ??= key;
  }
  return { ...errors, formError, fields };
}

async function loadPage(context: Route.LoaderArgs["context"]) {
  const [cart, options, { items: provinces }] = await Promise.all([
    context.trpc.cart.get(),
    context.trpc.checkout.options(),
    context.trpc.signup.provinces(),
  ]);
  return { cart, options, provinces };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const { cart, options, provinces } = await loadPage(context);
  if (cart.items.length === 0 || cart.items.some((line) => !line.available)) throw redirect("/cart");
  return {
    locale,
    cartCount: cart.count,
    lines: cart.items.map((line) => ({
      productId: line.productId,
      name: localizedText(locale, line.nameTh, line.nameEn),
      quantity: line.quantity,
      lineTotalSatang: line.lineTotalSatang,
    })),
    subtotalSatang: cart.subtotalSatang,
    delivery: options.delivery,
    parcelFeeByProvince: options.parcelFeeByProvince,
    payment: options.payment,
    provinces,
    address: { districts: [], subdistricts: [] } as Awaited<ReturnType<typeof addressOptions>>,
    // One key per checkout page: a double submit or a browser retry of this form places one order.
    values: {
      ...(Object.fromEntries(FIELDS.map((f) => [f, ""])) as Values),
      idempotencyKey: crypto.randomUUID(),
      deliveryMethod: options.delivery[0]?.method ?? "",
      paymentMethod: options.payment.length === 1 ? (options.payment[0] ?? "") : "",
    },
  };
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const locale = loaderData?.locale ?? "th";
  const root = matches.find((m) => m?.id === "root")?.loaderData as { coop?: { name: string } } | undefined;
  return [{ title: `${t(locale, "shop.checkout.title")} | ${root?.coop?.name ?? t(locale, "brand.network")}` }, { name: "robots", content: "noindex" }];
};

/** Stripe refused the card order or could not be reached (the API cancelled the order). */
const CARD_UNAVAILABLE = "payments.errors.checkout_unavailable";

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const values = readValues(form);
  const provinceCode = values.addressProvinceCode ? Number(values.addressProvinceCode) : null;
  const districtName = values.addressDistrict || null;

  // Without scripts, choosing a province or district needs a round trip: show the next list
  // with everything typed so far, and place nothing yet.
  if (text(form, "intent") === "address") {
    const address = await addressOptions(context.trpc, provinceCode, districtName);
    if (!address.districts.some((d) => d.nameTh === values.addressDistrict)) values.addressDistrict = "";
    const subdistrict = address.subdistricts.find((s) => s.nameTh === values.addressSubdistrict);
    if (!subdistrict) values.addressSubdistrict = "";
    if (subdistrict) values.addressPostcode = subdistrict.postcode;
    else if (!values.addressSubdistrict) values.addressPostcode = "";
    return { kind: "draft" as const, values, address, errors: null };
  }

  const needsAddress = values.deliveryMethod === "local" || values.deliveryMethod === "parcel";
  const addressTyped = [values.addressLine, values.addressProvinceCode, values.addressDistrict, values.addressSubdistrict, values.addressPostcode].some(
    (v) => v.trim() !== "",
  );
  let placed: { trackingToken: string; paymentUrl: string | null };
  try {
    placed = await context.trpc.checkout.place({
      idempotencyKey: values.idempotencyKey,
      customer: { name: values.name, phone: values.phone, email: values.email },
      ...(needsAddress && addressTyped
        ? {
            address: {
              line: values.addressLine,
              subdistrict: values.addressSubdistrict,
              district: values.addressDistrict,
              provinceCode: provinceCode ?? undefined,
              postcode: values.addressPostcode,
            },
          }
        : {}),
      deliveryMethod: values.deliveryMethod as DeliveryMethod,
      paymentMethod: values.paymentMethod as PaymentMethod,
      notes: values.notes,
    });
  } catch (error) {
    let errors = toFormErrors(formErrors(error));
    if (errors.formError === CARD_UNAVAILABLE) {
      // That order was cancelled (stock back, the cart kept): the next try is a new order, so it
      // needs a new key (the old one would answer with the cancelled order), and a new choice,
      // asked for at the payment choices.
      values.idempotencyKey = crypto.randomUUID();
      values.paymentMethod = "";
      errors = { ...errors, formError: undefined, fields: { ...errors.fields, paymentMethod: CARD_UNAVAILABLE } };
    }
    const address = await addressOptions(context.trpc, provinceCode, districtName);
    return data({ kind: "invalid" as const, values, address, errors }, { status: 400 });
  }
  // A card payment goes straight to Stripe's page (an absolute URL: React Router leaves the app
  // for it, and without scripts the browser follows the same redirect); it comes back to the order page.
  if (placed.paymentUrl) return redirect(placed.paymentUrl);
  return redirect(`/orders/${encodeURIComponent(placed.trackingToken)}?placed=1`);
}

function Money({ satang, locale }: { satang: number; locale: Locale }) {
  return <>{formatBaht(satang, locale)}</>;
}

const radioCardClass =
  "flex cursor-pointer items-start gap-3 rounded-xl border border-earth-300 bg-white p-3 has-[:checked]:border-leaf-600 has-[:checked]:bg-leaf-50 has-[:checked]:ring-2 has-[:checked]:ring-leaf-600/25";

export default function Checkout({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, lines, subtotalSatang, delivery, parcelFeeByProvince, payment, provinces } = loaderData;
  const tr = translator(locale);
  const hydrated = useHydrated();
  const values = actionData?.values ?? loaderData.values;
  const address = actionData?.address ?? loaderData.address;
  const errors = actionData?.errors ?? null;
  const [deliveryMethod, setDeliveryMethod] = useState(values.deliveryMethod);
  // The choice made since these values came (a refused post may clear it): it names the button.
  const [paymentChoice, setPaymentChoice] = useState({ values, method: values.paymentMethod });
  const paymentMethod = paymentChoice.values === values ? paymentChoice.method : values.paymentMethod;
  // The parcel fee follows the chosen province at once (with scripts) or after the province round trip.
  const [provinceCode, setProvinceCode] = useState(values.addressProvinceCode);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, actionData?.kind === "invalid" ? actionData : null);
  const fieldError = (name: Field) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);

  if (delivery.length === 0 || payment.length === 0) {
    return (
      <div className="container-page max-w-3xl py-8 sm:py-12">
        <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("shop.checkout.title")}</h1>
        <Alert tone="warning" className="mt-6">
          {tr("shop.checkout.closed")}
        </Alert>
      </div>
    );
  }

  const shipsAnywhere = delivery.some((d) => d.method !== "pickup");
  // Without scripts the address stays in view (the choice cannot hide it); with them only when delivering.
  const showAddress = shipsAnywhere && (!hydrated || deliveryMethod !== "pickup");
  // undefined: no province yet; null: the co-op sends no parcels there.
  const parcelFee: number | null | undefined = provinceCode ? parcelFeeByProvince[Number(provinceCode)] : undefined;
  const feeOf = (d: (typeof delivery)[number]) => (d.method === "parcel" ? parcelFee : d.feeSatang);
  const chosen = delivery.find((d) => d.method === deliveryMethod);
  const feeSatang = chosen ? feeOf(chosen) : 0;
  const fee = (satang: number) => (satang === 0 ? tr("shop.checkout.free") : `+${formatBaht(satang, locale)}`);
  const feeLabel = (d: (typeof delivery)[number]) => {
    const satang = feeOf(d);
    if (satang === null) return tr("shop.checkout.parcelNotToProvince");
    if (satang === undefined) return tr("shop.checkout.feeFrom", { fee: formatBaht(d.feeSatang, locale) });
    return fee(satang);
  };

  return (
    <div className="container-page max-w-3xl py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("shop.checkout.title")}</h1>

      {errors ? (
        <Alert tone="error" className="mt-4" title={tr("shop.checkout.failed")}>
          {errors.formError && errors.formError !== "validation.invalid" ? <p>{translateKey(locale, errors.formError, errors.params)}</p> : null}
        </Alert>
      ) : null}

      <Form
        method="post"
        ref={formRef}
        noValidate
        data-testid="checkout-form"
        className="mt-6 space-y-5"
        key={JSON.stringify(values)}
        onChange={(event) => {
          const target = event.target as unknown as HTMLSelectElement;
          if (target.name === "addressProvinceCode") setProvinceCode(target.value);
        }}
      >
        {/* Enter in any field places the order (the first submit button is the form's default). */}
        <button type="submit" name="intent" value="place" tabIndex={-1} aria-hidden="true" className="sr-only">
          {tr("shop.checkout.place")}
        </button>
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />

        <FormSection title={tr("shop.checkout.contact")}>
          <TextField label={tr("shop.checkout.name")} name="name" autoComplete="name" required defaultValue={values.name} error={fieldError("name")} />
          <TextField
            label={tr("shop.checkout.phone")}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder="081 234 5678"
            required
            hint={tr("shop.checkout.phoneHint")}
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

        <FormSection title={tr("shop.checkout.delivery")}>
          <fieldset aria-describedby={fieldError("deliveryMethod") ? "delivery-error" : undefined}>
            <legend className="sr-only">{tr("shop.checkout.delivery")}</legend>
            <div className="space-y-2">
              {delivery.map((d) => (
                <label key={d.method} className={radioCardClass}>
                  <input
                    type="radio"
                    name="deliveryMethod"
                    value={d.method}
                    defaultChecked={values.deliveryMethod === d.method}
                    onChange={() => setDeliveryMethod(d.method)}
                    aria-invalid={fieldError("deliveryMethod") ? true : undefined}
                    className="mt-1 size-4 accent-leaf-700"
                  />
                  <span className="flex min-w-0 flex-1 flex-wrap justify-between gap-x-3">
                    <span className="font-medium text-earth-900">{tr(DELIVERY_LABEL[d.method])}</span>
                    <span className={feeOf(d) === null ? "font-medium text-clay-800" : "text-earth-700"} data-testid={`delivery-fee-${d.method}`}>
                      {feeLabel(d)}
                    </span>
                    {d.method === "parcel" && feeOf(d) === undefined ? <span className="w-full text-sm text-earth-600">{tr("shop.checkout.parcelByProvince")}</span> : null}
                  </span>
                </label>
              ))}
            </div>
            {fieldError("deliveryMethod") ? (
              <p id="delivery-error" className="mt-1.5 text-sm font-medium text-clay-800">
                {fieldError("deliveryMethod")}
              </p>
            ) : null}
          </fieldset>
        </FormSection>

        {showAddress ? (
          <FormSection title={tr("shop.checkout.address")} description={tr("shop.checkout.addressLead")}>
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
        ) : (
          <>
            {/* Kept across a switch to pickup and back. */}
            {(["addressLine", "addressProvinceCode", "addressDistrict", "addressSubdistrict", "addressPostcode"] as const).map((f) => (
              <input key={f} type="hidden" name={f} value={values[f]} />
            ))}
          </>
        )}

        <FormSection title={tr("shop.checkout.payment")}>
          <fieldset>
            <legend className="sr-only">{tr("shop.checkout.payment")}</legend>
            <div className="space-y-2">
              {payment.map((method) => (
                <label key={method} className={radioCardClass}>
                  <input
                    type="radio"
                    name="paymentMethod"
                    value={method}
                    defaultChecked={values.paymentMethod === method}
                    onChange={() => setPaymentChoice({ values, method })}
                    aria-invalid={fieldError("paymentMethod") ? true : undefined}
                    className="mt-1 size-4 accent-leaf-700"
                  />
                  <span className="min-w-0">
                    <span className="block font-medium text-earth-900">{tr(PAYMENT_LABEL[method])}</span>
                    <span className="block text-sm text-earth-600">{tr(PAYMENT_HINT[method])}</span>
                    {method === "stripe" ? <span className="block text-sm text-earth-600">{tr("stripeShop.checkout.timeLimit")}</span> : null}
                  </span>
                </label>
              ))}
            </div>
            {fieldError("paymentMethod") ? <p className="mt-1.5 text-sm font-medium text-clay-800">{fieldError("paymentMethod")}</p> : null}
          </fieldset>
          <TextAreaField
            label={tr("shop.checkout.notes")}
            name="notes"
            rows={2}
            maxLength={500}
            optional={tr("shop.checkout.optional")}
            placeholder={tr("shop.checkout.notesPlaceholder")}
            defaultValue={values.notes}
            error={fieldError("notes")}
          />
        </FormSection>

        <FormSection title={tr("shop.checkout.summary")}>
          <ul className="divide-y divide-earth-100">
            {lines.map((line) => (
              <li key={line.productId} className="flex justify-between gap-3 py-2">
                <span className="min-w-0 text-earth-800">
                  <span lang={line.name.lang === locale ? undefined : line.name.lang}>{line.name.text}</span> × {line.quantity}
                </span>
                <span className="shrink-0 text-earth-900">
                  <Money satang={line.lineTotalSatang} locale={locale} />
                </span>
              </li>
            ))}
          </ul>
          <dl className="space-y-1 border-t border-earth-200 pt-3">
            <div className="flex justify-between gap-3">
              <dt className="text-earth-700">{tr("shop.checkout.subtotal")}</dt>
              <dd>
                <Money satang={subtotalSatang} locale={locale} />
              </dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-earth-700">{tr("shop.checkout.deliveryFee")}</dt>
              <dd data-testid="checkout-delivery-fee">
                {feeSatang === undefined ? (
                  <span className="text-earth-600">{tr("shop.checkout.chooseProvince")}</span>
                ) : feeSatang === null ? (
                  <span className="text-clay-800">{tr("shop.checkout.parcelNotToProvince")}</span>
                ) : feeSatang === 0 ? (
                  tr("shop.checkout.free")
                ) : (
                  <Money satang={feeSatang} locale={locale} />
                )}
              </dd>
            </div>
            <div className="flex justify-between gap-3 pt-1 text-lg font-bold text-leaf-900">
              <dt>{tr("shop.checkout.total")}</dt>
              <dd data-testid="checkout-total">
                <Money satang={subtotalSatang + (feeSatang ?? 0)} locale={locale} />
              </dd>
            </div>
          </dl>
          <a href="/cart" className={`${linkClass} text-sm`}>
            {tr("shop.checkout.editCart")}
          </a>
        </FormSection>

        {/* Without scripts the choice cannot change the label: the plain one fits every method. */}
        <SubmitButton
          intent="place"
          className={`${primaryButtonClass} w-full text-lg`}
          pendingLabel={tr(hydrated && paymentMethod === "stripe" ? "stripeShop.checkout.goingToPay" : "shop.checkout.placing")}
        >
          {tr(hydrated && paymentMethod === "stripe" ? "stripeShop.checkout.placeAndPay" : "shop.checkout.place")}
        </SubmitButton>
      </Form>
    </div>
  );
}
