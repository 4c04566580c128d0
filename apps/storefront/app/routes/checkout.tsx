import { resolveLocale, t, translator } from "@coop/i18n";
import { useRef, useState } from "react";
import { data, Form, redirect } from "react-router";
import {
  addressOptions,
  Alert,
  CheckoutAddress,
  CheckoutContact,
  CheckoutFailed,
  type CheckoutField,
  checkoutFormErrors,
  CheckoutLines,
  CheckoutTotals,
  ChoiceGroup,
  type DeliveryMethod,
  DeliveryOptions,
  FormSection,
  formErrors,
  linkClass,
  localizedText,
  type PaymentMethod,
  PaymentOptions,
  primaryButtonClass,
  settleAddressDraft,
  SubmitButton,
  text,
  TextAreaField,
  translateKey,
  typedAddress,
  useFocusFirstInvalid,
  useHydrated,
} from "@coop/ui";
import type { Route } from "./+types/checkout";

const FIELDS = [
  "idempotencyKey", "name", "phone", "email", "deliveryMethod", "addressLine", "addressProvinceCode", "addressDistrict",
  "addressSubdistrict", "addressPostcode", "paymentMethod", "notes",
] as const satisfies readonly (CheckoutField | "deliveryMethod" | "paymentMethod")[];
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

function readValues(form: FormData): Values {
  return Object.fromEntries(FIELDS.map((f) => [f, text(form, f)])) as Values;
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
    settleAddressDraft(values, address);
    return { kind: "draft" as const, values, address, errors: null };
  }

  const needsAddress = values.deliveryMethod === "local" || values.deliveryMethod === "parcel";
  const address = needsAddress ? typedAddress(values) : undefined;
  let placed: { trackingToken: string; paymentUrl: string | null };
  try {
    placed = await context.trpc.checkout.place({
      idempotencyKey: values.idempotencyKey,
      customer: { name: values.name, phone: values.phone, email: values.email },
      ...(address ? { address } : {}),
      deliveryMethod: values.deliveryMethod as DeliveryMethod,
      paymentMethod: values.paymentMethod as PaymentMethod,
      notes: values.notes,
    });
  } catch (error) {
    let errors = checkoutFormErrors(formErrors(error));
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
  const feeOf = (d: { method: DeliveryMethod; feeSatang: number }) => (d.method === "parcel" ? parcelFee : d.feeSatang);
  const chosen = delivery.find((d) => d.method === deliveryMethod);
  const feeSatang = chosen ? feeOf(chosen) : 0;

  return (
    <div className="container-page max-w-3xl py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("shop.checkout.title")}</h1>

      <CheckoutFailed locale={locale} errors={errors} />

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

        <CheckoutContact locale={locale} phoneHint={tr("shop.checkout.phoneHint")} values={values} fieldError={fieldError} />

        <FormSection title={tr("shop.checkout.delivery")}>
          <ChoiceGroup legend={tr("shop.checkout.delivery")} legendVisible={false} error={fieldError("deliveryMethod")} errorId="delivery-error">
            <DeliveryOptions
              locale={locale}
              name="deliveryMethod"
              options={delivery}
              feeOf={feeOf}
              checked={values.deliveryMethod}
              onChoose={setDeliveryMethod}
              invalid={Boolean(fieldError("deliveryMethod"))}
              feeTestIds
            />
          </ChoiceGroup>
        </FormSection>

        <CheckoutAddress
          locale={locale}
          show={showAddress}
          description={tr("shop.checkout.addressLead")}
          values={values}
          provinces={provinces}
          address={address}
          fieldError={fieldError}
        />

        <FormSection title={tr("shop.checkout.payment")}>
          <ChoiceGroup legend={tr("shop.checkout.payment")} legendVisible={false} error={fieldError("paymentMethod")}>
            <PaymentOptions
              locale={locale}
              name="paymentMethod"
              methods={payment}
              checked={values.paymentMethod}
              onChoose={(method) => setPaymentChoice({ values, method })}
              invalid={Boolean(fieldError("paymentMethod"))}
            />
          </ChoiceGroup>
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
          <CheckoutLines locale={locale} lines={lines} />
          <CheckoutTotals
            locale={locale}
            subtotalSatang={subtotalSatang}
            feeSatang={feeSatang}
            totalLabel={tr("shop.checkout.total")}
            totalClassName="pt-1 text-lg font-bold text-leaf-900"
            feeTestId="checkout-delivery-fee"
            totalTestId="checkout-total"
          />
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
