import { formatBaht, type Locale, resolveLocale, t, translator, withLocale } from "@coop/i18n";
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
  RadioCard,
  settleAddressDraft,
  SubmitButton,
  text,
  TextAreaField,
  translateKey,
  typedAddress,
  useFocusFirstInvalid,
  useHydrated,
} from "@coop/ui";
import type { Route } from "./+types/market.checkout";

const FIELDS = [
  "idempotencyKey", "name", "phone", "email", "addressLine", "addressProvinceCode", "addressDistrict", "addressSubdistrict", "addressPostcode", "notes", "payAll",
] as const satisfies readonly (CheckoutField | "payAll")[];
type Field = (typeof FIELDS)[number];
/** The shared fields, plus each co-op's delivery and payment choice under `delivery.<coopId>` / `payment.<coopId>`. */
type Values = Record<Field, string> & { choices: Record<string, { delivery: string; payment: string }> };

const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

function readValues(form: FormData, coopIds: string[]): Values {
  const shared = Object.fromEntries(FIELDS.map((f) => [f, text(form, f)])) as Record<Field, string>;
  const choices = Object.fromEntries(coopIds.map((id) => [id, { delivery: text(form, `delivery.${id}`), payment: text(form, `payment.${id}`) }]));
  return { ...shared, choices };
}

async function loadPage(context: Route.LoaderArgs["context"]) {
  const [cart, options, { items: provinces }] = await Promise.all([
    context.trpc.market.cart.get(),
    context.trpc.market.checkout.options({}),
    context.trpc.signup.provinces(),
  ]);
  return { cart, options, provinces };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const { cart, options, provinces } = await loadPage(context);
  if (cart.groups.length === 0 || cart.groups.some((g) => g.lines.some((line) => !line.available))) throw redirect("/market/cart");
  const offerOf = new Map(options.parts.map((o) => [o.coop.id, o]));
  const coops = cart.groups.map((group) => {
    const offer = offerOf.get(group.coop.id);
    return {
      id: group.coop.id,
      name: localizedText(locale, group.coop.name, group.coop.nameEn),
      siteUrl: withLocale(group.coop.siteUrl, locale),
      lines: group.lines.map((line) => ({
        productId: line.productId,
        name: localizedText(locale, line.nameTh, line.nameEn),
        quantity: line.quantity,
        lineTotalSatang: line.lineTotalSatang,
      })),
      subtotalSatang: group.subtotalSatang,
      delivery: offer?.delivery ?? [],
      parcelFeeByProvince: offer?.parcelFeeByProvince ?? {},
      payment: (offer?.payment ?? []) as PaymentMethod[],
    };
  });
  return data(
    {
      locale,
      cartCount: cart.count,
      coops,
      stripeForAll: options.stripeForAll,
      provinces,
      address: { districts: [], subdistricts: [] } as Awaited<ReturnType<typeof addressOptions>>,
      // One key per checkout page: a double submit or a browser retry of this form places one marketplace order.
      values: {
        ...(Object.fromEntries(FIELDS.map((f) => [f, ""])) as Record<Field, string>),
        idempotencyKey: crypto.randomUUID(),
        payAll: options.stripeForAll ? "stripe" : "each",
        choices: Object.fromEntries(
          coops.map((c) => [c.id, { delivery: c.delivery[0]?.method ?? "", payment: c.payment.filter((m) => m !== "stripe").length === 1 ? (c.payment.find((m) => m !== "stripe") ?? "") : "" }]),
        ),
      } satisfies Values as Values,
    },
    { headers: PRIVATE_HEADERS },
  );
}

export const headers: Route.HeadersFunction = ({ loaderHeaders, actionHeaders }) => actionHeaders ?? loaderHeaders;

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  return [{ title: `${t(locale, "marketCart.checkoutTitle")} | ${t(locale, "brand.network")}` }, { name: "robots", content: "noindex" }];
};

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  // The co-ops the page showed, in its order: the parts follow it and refusals find their section by it.
  const coopIds = form.getAll("coopId").filter((v): v is string => typeof v === "string" && v !== "");
  const values = readValues(form, coopIds);
  const provinceCode = values.addressProvinceCode ? Number(values.addressProvinceCode) : null;
  const districtName = values.addressDistrict || null;

  // Without scripts, choosing a province or district needs a round trip: show the next list
  // with everything typed so far, and place nothing yet.
  if (text(form, "intent") === "address") {
    const address = await addressOptions(context.trpc, provinceCode, districtName);
    settleAddressDraft(values, address);
    return data({ kind: "draft" as const, values, address, errors: null }, { headers: PRIVATE_HEADERS });
  }

  const payWithStripe = values.payAll === "stripe";
  const needsAddress = Object.values(values.choices).some((c) => c.delivery === "local" || c.delivery === "parcel");
  const address = needsAddress ? typedAddress(values) : undefined;
  let placed: { trackingToken: string; paymentUrl: string | null };
  try {
    placed = await context.trpc.market.checkout.place({
      idempotencyKey: values.idempotencyKey,
      customer: { name: values.name, phone: values.phone, email: values.email },
      ...(address ? { address } : {}),
      notes: values.notes,
      parts: coopIds.map((coopId) => ({
        coopId,
        deliveryMethod: values.choices[coopId]?.delivery as DeliveryMethod,
        // Paying everything at once, each part is a card/PromptPay part of the one Stripe payment.
        paymentMethod: (payWithStripe ? "stripe" : values.choices[coopId]?.payment) as PaymentMethod,
      })),
      payWithStripe,
    });
  } catch (error) {
    const errors = checkoutFormErrors(formErrors(error), coopIds);
    const address = await addressOptions(context.trpc, provinceCode, districtName);
    return data({ kind: "invalid" as const, values, address, errors }, { status: 400, headers: PRIVATE_HEADERS });
  }
  if (placed.paymentUrl) return redirect(placed.paymentUrl);
  return redirect(`/market/orders/${encodeURIComponent(placed.trackingToken)}?placed=1`);
}

type Coop = Route.ComponentProps["loaderData"]["coops"][number];

/** A co-op's fee for a delivery method: undefined until a province is chosen (parcels), null where it sends no parcels. */
function feeOf(coop: Coop, method: Coop["delivery"][number], provinceCode: string): number | null | undefined {
  if (method.method !== "parcel") return method.feeSatang;
  return provinceCode ? coop.parcelFeeByProvince[Number(provinceCode)] : undefined;
}

/** One co-op's part of the order: its lines, how it delivers and how it is paid. */
function CoopPart({
  locale,
  coop,
  choice,
  provinceCode,
  payAll,
  hydrated,
  fieldError,
  onDelivery,
}: {
  locale: Locale;
  coop: Coop;
  choice: { delivery: string; payment: string };
  provinceCode: string;
  payAll: boolean;
  hydrated: boolean;
  fieldError: (name: string) => string | undefined;
  onDelivery: (method: string) => void;
}) {
  const tr = translator(locale);
  const chosen = coop.delivery.find((d) => d.method === choice.delivery);
  const fee = chosen ? feeOf(coop, chosen, provinceCode) : 0;
  const deliveryError = fieldError(`delivery.${coop.id}`);
  const paymentError = fieldError(`payment.${coop.id}`);
  // Paying everything at once by Stripe replaces the per-co-op choice; without scripts it stays
  // in view (the choice above cannot hide it) and the page says it is then ignored.
  const perCoopPayments = coop.payment.filter((m) => m !== "stripe");
  const showPayment = !payAll || !hydrated;
  return (
    <FormSection title={<a href={coop.siteUrl} className="underline-offset-4 hover:underline">{coop.name.text}</a>}>
      <input type="hidden" name="coopId" value={coop.id} />
      <div data-testid="market-checkout-coop" data-coop={coop.id} className="space-y-5">
        <CheckoutLines locale={locale} lines={coop.lines} />

        <ChoiceGroup legend={tr("shop.checkout.delivery")} legendVisible error={deliveryError} errorId={`delivery-error-${coop.id}`}>
          {coop.delivery.length === 0 ? (
            <Alert tone="warning">{tr("marketCart.coopClosed")}</Alert>
          ) : (
            <DeliveryOptions
              locale={locale}
              name={`delivery.${coop.id}`}
              options={coop.delivery}
              feeOf={(d) => feeOf(coop, d, provinceCode)}
              checked={choice.delivery}
              onChoose={onDelivery}
              invalid={Boolean(deliveryError)}
            />
          )}
        </ChoiceGroup>

        {showPayment ? (
          <ChoiceGroup legend={tr("shop.checkout.payment")} legendVisible error={paymentError} errorId={`payment-error-${coop.id}`}>
            {payAll ? <p className="mb-2 text-sm text-earth-600">{tr("marketCart.payEachIgnored")}</p> : null}
            {perCoopPayments.length === 0 ? (
              <Alert tone="warning">{tr("marketCart.coopClosed")}</Alert>
            ) : (
              <PaymentOptions locale={locale} name={`payment.${coop.id}`} methods={perCoopPayments} checked={choice.payment} invalid={Boolean(paymentError)} />
            )}
          </ChoiceGroup>
        ) : (
          <input type="hidden" name={`payment.${coop.id}`} value={choice.payment} />
        )}

        <CheckoutTotals
          locale={locale}
          subtotalSatang={coop.subtotalSatang}
          feeSatang={fee}
          totalLabel={tr("marketCart.coopTotal")}
          totalClassName="font-semibold text-leaf-900"
          totalTestId="market-checkout-coop-total"
        />
      </div>
    </FormSection>
  );
}

export default function MarketCheckout({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, coops, stripeForAll, provinces } = loaderData;
  const tr = translator(locale);
  const hydrated = useHydrated();
  const values = actionData?.values ?? loaderData.values;
  const address = actionData?.address ?? loaderData.address;
  const errors = actionData?.errors ?? null;
  const [choices, setChoices] = useState(values.choices);
  const [provinceCode, setProvinceCode] = useState(values.addressProvinceCode);
  const [payAll, setPayAll] = useState(stripeForAll && values.payAll === "stripe");
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, actionData?.kind === "invalid" ? actionData : null);
  const fieldError = (name: string) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);

  const shipsAnywhere = coops.some((c) => c.delivery.some((d) => d.method !== "pickup"));
  const delivering = coops.some((c) => {
    const method = choices[c.id]?.delivery;
    return method === "local" || method === "parcel";
  });
  // Without scripts the address stays in view (the choices cannot hide it); with them only when a co-op delivers.
  const showAddress = shipsAnywhere && (!hydrated || delivering);
  const totalSatang = coops.reduce((sum, coop) => {
    const chosen = coop.delivery.find((d) => d.method === choices[coop.id]?.delivery);
    return sum + coop.subtotalSatang + ((chosen ? feeOf(coop, chosen, provinceCode) : 0) ?? 0);
  }, 0);
  const feesKnown = coops.every((coop) => {
    const chosen = coop.delivery.find((d) => d.method === choices[coop.id]?.delivery);
    return !chosen || typeof feeOf(coop, chosen, provinceCode) === "number";
  });

  return (
    <div className="container-page max-w-3xl py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("marketCart.checkoutTitle")}</h1>
      <p className="mt-2 max-w-prose text-earth-700">{tr("marketCart.checkoutLead", { count: coops.length })}</p>

      <CheckoutFailed locale={locale} errors={errors} />

      <Form
        method="post"
        ref={formRef}
        noValidate
        data-testid="market-checkout-form"
        className="mt-6 space-y-5"
        key={JSON.stringify(values)}
        onChange={(event) => {
          const target = event.target as unknown as HTMLInputElement;
          if (target.name === "addressProvinceCode") setProvinceCode(target.value);
          if (target.name === "payAll") setPayAll(target.value === "stripe");
        }}
      >
        {/* Enter in any field places the order (the first submit button is the form's default). */}
        <button type="submit" name="intent" value="place" tabIndex={-1} aria-hidden="true" className="sr-only">
          {tr("shop.checkout.place")}
        </button>
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />

        <CheckoutContact
          locale={locale}
          description={tr("marketCart.contactLead")}
          phoneHint={tr("marketCart.phoneHint")}
          values={values}
          fieldError={fieldError}
        />

        <CheckoutAddress
          locale={locale}
          show={showAddress}
          description={tr("marketCart.addressLead")}
          values={values}
          provinces={provinces}
          address={address}
          fieldError={fieldError}
        />

        {stripeForAll ? (
          <FormSection title={tr("marketCart.payHow")}>
            <fieldset>
              <legend className="sr-only">{tr("marketCart.payHow")}</legend>
              <div className="space-y-2">
                <RadioCard name="payAll" value="stripe" defaultChecked={values.payAll === "stripe"}>
                  <span className="min-w-0">
                    <span className="block font-medium text-earth-900">{tr("marketCart.payAllStripe")}</span>
                    <span className="block text-sm text-earth-600">{tr("marketCart.payAllStripeHint")}</span>
                  </span>
                </RadioCard>
                <RadioCard name="payAll" value="each" defaultChecked={values.payAll !== "stripe"}>
                  <span className="min-w-0">
                    <span className="block font-medium text-earth-900">{tr("marketCart.payEach")}</span>
                    <span className="block text-sm text-earth-600">{tr("marketCart.payEachHint")}</span>
                  </span>
                </RadioCard>
              </div>
            </fieldset>
          </FormSection>
        ) : (
          <input type="hidden" name="payAll" value="each" />
        )}

        {coops.map((coop) => (
          <CoopPart
            key={coop.id}
            locale={locale}
            coop={coop}
            choice={values.choices[coop.id] ?? { delivery: "", payment: "" }}
            provinceCode={provinceCode}
            payAll={payAll}
            hydrated={hydrated}
            fieldError={fieldError}
            onDelivery={(method) => setChoices((all) => ({ ...all, [coop.id]: { delivery: method, payment: all[coop.id]?.payment ?? "" } }))}
          />
        ))}

        <FormSection title={tr("shop.checkout.summary")}>
          <TextAreaField
            label={tr("marketCart.notes")}
            name="notes"
            rows={2}
            maxLength={500}
            optional={tr("shop.checkout.optional")}
            placeholder={tr("shop.checkout.notesPlaceholder")}
            defaultValue={values.notes}
            error={fieldError("notes")}
          />
          <dl className="space-y-1 border-t border-earth-200 pt-3">
            {coops.map((coop) => (
              <div key={coop.id} className="flex justify-between gap-3">
                <dt className="min-w-0 text-earth-700">{coop.name.text}</dt>
                <dd className="shrink-0">{formatBaht(coop.subtotalSatang, locale)}</dd>
              </div>
            ))}
            <div className="flex justify-between gap-3 pt-1 text-lg font-bold text-leaf-900">
              <dt>{tr("shop.checkout.total")}</dt>
              <dd data-testid="market-checkout-total">{formatBaht(totalSatang, locale)}</dd>
            </div>
          </dl>
          {!feesKnown ? <p className="text-sm text-earth-600">{tr("marketCart.totalBeforeFees")}</p> : <p className="text-sm text-earth-600">{tr("marketCart.totalWithFees")}</p>}
          <a href="/market/cart" className={`${linkClass} text-sm`}>
            {tr("shop.checkout.editCart")}
          </a>
        </FormSection>

        <SubmitButton intent="place" data-testid="market-place" className={`${primaryButtonClass} w-full text-lg`} pendingLabel={tr("shop.checkout.placing")}>
          {payAll ? tr("marketCart.placeAndPay") : tr("shop.checkout.place")}
        </SubmitButton>
      </Form>
    </div>
  );
}
