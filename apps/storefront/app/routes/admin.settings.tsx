import { type Locale, resolveLocale, translator } from "@coop/i18n";
import { type ReactNode, useRef } from "react";
import { data, Form, Link } from "react-router";
import { addressOptions, AddressFields, Alert, AlertIcon, CheckIcon, formErrors, type FormErrors, FormSection, primaryButtonClass, requiredWhenEmpty, secondaryButtonClass, SubmitButton, text, TextAreaField, TextField, translateKey, useFocusFirstInvalid } from "@coop/ui";
import type { Route } from "./+types/admin.settings";
import { ImageUpload } from "../components/admin/ImageUpload.tsx";
import { PageHeader } from "../components/admin/PageHeader.tsx";
import { satangToBahtInput } from "../components/admin/products/values.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("settings.title"));

/** Parcel fees by zone, in the order checkout matches them; blank = no parcels to that zone. */
const ZONE_FEES = ["parcelFeeProvince", "parcelFeeBangkok", "parcelFeeRegion", "parcelFeeCountry"] as const;
type ZoneFee = (typeof ZONE_FEES)[number];

/** Every setting the form edits, as the form's field names. */
const FIELDS = [
  "nameTh", "nameEn", "storyTh", "storyEn", "themeColor", "contactName", "contactEmail", "phone", "lineId", "facebookUrl",
  "openingHours", "addressLine", "addressProvinceCode", "addressDistrict", "addressSubdistrict", "addressPostcode",
  "promptpayId", "bankName", "bankAccountNo", "bankAccountName", "localDeliveryFee", ...ZONE_FEES,
  "orderEmail", "lineChannelToken", "lineNotifyUserId", "crops",
] as const;
/** The delivery and payment switches (check boxes: "on" or ""). */
const FLAGS = ["pickupEnabled", "localDeliveryEnabled", "parcelEnabled", "promptpayEnabled", "bankTransferEnabled", "codEnabled"] as const;
type Flag = (typeof FLAGS)[number];
type Field = (typeof FIELDS)[number] | Flag;
type Values = Record<Field, string>;
type SavedSettings = Record<Exclude<Field, Flag | "localDeliveryFee" | ZoneFee | "lineChannelToken" | "crops">, string | number | null> &
  Record<Flag, boolean> & { localDeliveryFeeSatang: number; crops: string[] } & Record<`${ZoneFee}Satang`, number | null>;

const DEFAULT_THEME = "#3b5b29";

function valuesOf(settings: SavedSettings): Values {
  const values = {} as Values;
  for (const f of FIELDS) {
    if (f === "localDeliveryFee") values[f] = satangToBahtInput(settings.localDeliveryFeeSatang);
    // The token is write-only: the form never holds the saved one.
    else if (f === "lineChannelToken") values[f] = "";
    else if (f === "crops") values[f] = settings.crops.join(",");
    else if ((ZONE_FEES as readonly string[]).includes(f)) {
      const satang = settings[`${f as ZoneFee}Satang`];
      values[f] = satang === null ? "" : satangToBahtInput(satang);
    }
    else {
      const saved = settings[f as Exclude<typeof f, ZoneFee | "lineChannelToken" | "crops">];
      values[f] = saved == null ? "" : String(saved);
    }
  }
  for (const f of FLAGS) values[f] = settings[f] ? "on" : "";
  return values;
}

function readValues(form: FormData): Values {
  const values = Object.fromEntries([...FIELDS, ...FLAGS].map((f) => [f, text(form, f)])) as Values;
  values.crops = form.getAll("crops").filter((v): v is string => typeof v === "string").slice(0, 50).join(",");
  return values;
}

/** The form as `settings.update` input: text as typed (the server parses fees), switches as booleans. */
function settingsInput(values: Values, provinceCode: number | null, removeLineToken: boolean) {
  const flags = Object.fromEntries(FLAGS.map((f) => [f, values[f] === "on"])) as Record<Flag, boolean>;
  return {
    ...values,
    ...flags,
    addressProvinceCode: provinceCode,
    crops: values.crops ? values.crops.split(",") : [],
    lineChannelToken: removeLineToken ? null : values.lineChannelToken,
  };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const settings = await orRespond(request, context.trpc.settings.get());
  const [{ items: provinces }, address, crops, stripe] = await Promise.all([
    context.trpc.signup.provinces(),
    addressOptions(context.trpc, settings.addressProvinceCode, settings.addressDistrict),
    context.trpc.knowledge.crops(),
    context.trpc.stripe.status(),
  ]);
  return {
    locale: resolveLocale(request),
    values: valuesOf(settings),
    logoUrl: settings.logoUrl,
    coverUrl: settings.coverUrl,
    lineTokenLast4: settings.lineChannelTokenLast4,
    // Card and PromptPay payments through Stripe: only offered when the platform has Stripe keys.
    stripeEnabled: stripe.enabled,
    crops,
    provinces,
    address,
    // A script-less upload comes back here with its outcome.
    upload: url.searchParams.has("upload") ? ("ok" as const) : url.searchParams.get("uploadError"),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const values = readValues(form);
  const provinceCode = values.addressProvinceCode ? Number(values.addressProvinceCode) : null;

  // Without scripts, choosing a province or district needs a round trip: show the next list
  // with everything typed so far, and save nothing yet.
  if (form.get("intent") === "address") {
    const address = await addressOptions(context.trpc, provinceCode, values.addressDistrict || null);
    // A district of the previous province (or a sub-district of the previous district) no longer applies.
    if (!address.districts.some((d) => d.nameTh === values.addressDistrict)) values.addressDistrict = "";
    const subdistrict = address.subdistricts.find((s) => s.nameTh === values.addressSubdistrict);
    if (!subdistrict) values.addressSubdistrict = "";
    if (subdistrict) values.addressPostcode = subdistrict.postcode;
    else if (!values.addressSubdistrict) values.addressPostcode = "";
    return { kind: "draft" as const, values: { ...values, lineChannelToken: "" }, address, errors: null, test: null };
  }

  // "Send a test message" saves what is on the form first, so the test uses it.
  let test: { email: string | null; line: boolean } | null = null;
  try {
    await context.trpc.settings.update(settingsInput(values, provinceCode, text(form, "lineChannelTokenRemove") === "on"));
    if (form.get("intent") === "testNotice") test = await context.trpc.settings.testNotice();
  } catch (error) {
    const errors: FormErrors = requiredWhenEmpty(formErrors(error), values);
    const address = await addressOptions(context.trpc, provinceCode, values.addressDistrict || null);
    // A token typed in is not sent back to the browser.
    return data({ kind: "invalid" as const, values: { ...values, lineChannelToken: "" }, address, errors, test: null }, { status: 400 });
  }
  return { kind: "saved" as const, values: null, address: null, errors: null, test };
}

const SECTIONS = [
  { id: "images", label: "settings.images.title" },
  { id: "coop", label: "settings.coop.title" },
  { id: "contact", label: "settings.contact.title" },
  { id: "address", label: "settings.address.title" },
  { id: "payment", label: "settings.payment.title" },
  { id: "delivery", label: "settings.delivery.title" },
  { id: "notices", label: "settings.notices.title" },
  { id: "crops", label: "settings.crops.title" },
  { id: "theme", label: "settings.theme.title" },
] as const;

const THEME_PRESETS = ["#3b5b29", "#1f6f5c", "#2f5d8a", "#7a4d06", "#8b3a2b", "#5b3f7a", "#35271a"];

const BANKS = [
  "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร (ธ.ก.ส.)", "ธนาคารกรุงไทย", "ธนาคารกรุงเทพ", "ธนาคารกสิกรไทย", "ธนาคารไทยพาณิชย์",
  "ธนาคารกรุงศรีอยุธยา", "ธนาคารทหารไทยธนชาต", "ธนาคารออมสิน", "ธนาคารอาคารสงเคราะห์", "ธนาคารยูโอบี", "ธนาคารซีไอเอ็มบี ไทย",
  "ธนาคารเกียรตินาคินภัทร", "ธนาคารแลนด์ แอนด์ เฮ้าส์", "ธนาคารอิสลามแห่งประเทศไทย", "ธนาคารทิสโก้",
];

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, provinces, logoUrl, coverUrl, upload, lineTokenLast4, crops } = loaderData;
  const tr = translator(locale);
  const values = actionData?.values ?? loaderData.values;
  const address = actionData?.address ?? loaderData.address;
  const errors = actionData?.errors ?? null;
  const fieldError = (name: Field) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);
  const optional = tr("admin.optional");
  const zoneLabel: Record<ZoneFee, { label: string; hint?: string }> = {
    parcelFeeProvince: { label: tr("settings.delivery.zone.province") },
    parcelFeeBangkok: { label: tr("settings.delivery.zone.bangkok"), hint: tr("settings.delivery.zone.bangkokHint") },
    parcelFeeRegion: { label: tr("settings.delivery.zone.region"), hint: tr("settings.delivery.zone.regionHint") },
    parcelFeeCountry: { label: tr("settings.delivery.zone.country") },
  };
  // A fresh form after each save or reload shows the saved (normalised) values.
  const formKey = JSON.stringify(values);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, actionData?.kind === "invalid" ? actionData : null);

  return (
    <>
      <PageHeader title={tr("settings.title")} description={tr("settings.lead")} />

      <nav aria-label={tr("settings.sections")} className="-mx-4 mb-5 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex gap-2 whitespace-nowrap text-sm">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="block rounded-full border border-earth-200 bg-white px-3 py-1.5 font-medium text-earth-700 hover:border-leaf-600 hover:text-leaf-800">
                {tr(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {actionData?.kind === "saved" ? (
        <Alert tone="success" className="mb-5">
          {tr("settings.saved")}
        </Alert>
      ) : null}
      {errors ? (
        <Alert tone="error" className="mb-5" title={tr("validation.check_fields")}>
          {errors.formError && errors.formError !== "validation.invalid" ? <p>{translateKey(locale, errors.formError, errors.params)}</p> : null}
        </Alert>
      ) : null}

      <div className="space-y-5">
        <FormSection id="images" title={tr("settings.images.title")} description={tr("settings.images.lead")}>
          {upload === "ok" ? <Alert tone="success">{tr("settings.images.done")}</Alert> : null}
          {upload && upload !== "ok" ? <Alert tone="error">{translateKey(locale, upload)}</Alert> : null}
          <div className="grid gap-6 sm:grid-cols-[auto_minmax(0,1fr)]">
            <ImageUpload
              locale={locale}
              kind="logo"
              url={logoUrl}
              label={tr("settings.images.logo")}
              hint={tr("settings.images.logoHint")}
              returnTo="/admin/settings"
            />
            <ImageUpload
              locale={locale}
              kind="cover"
              url={coverUrl}
              label={tr("settings.images.cover")}
              hint={tr("settings.images.coverHint")}
              returnTo="/admin/settings"
            />
          </div>
        </FormSection>

        <Form method="post" key={formKey} ref={formRef} className="space-y-5" noValidate>
          {/* Enter in any field saves (the first submit button of a form is its default). */}
          <button type="submit" name="intent" value="save" tabIndex={-1} aria-hidden="true" className="sr-only">
            {tr("admin.save")}
          </button>

          <FormSection id="coop" title={tr("settings.coop.title")}>
            <TextField label={tr("settings.nameTh")} name="nameTh" required defaultValue={values.nameTh} error={fieldError("nameTh")} />
            <TextField label={tr("settings.nameEn")} name="nameEn" lang="en" optional={optional} defaultValue={values.nameEn} error={fieldError("nameEn")} />
            <TextAreaField
              label={tr("settings.storyTh")}
              name="storyTh"
              hint={tr("settings.storyHint")}
              defaultValue={values.storyTh}
              maxLength={5000}
              error={fieldError("storyTh")}
            />
            <TextAreaField label={tr("settings.storyEn")} name="storyEn" lang="en" optional={optional} defaultValue={values.storyEn} maxLength={5000} error={fieldError("storyEn")} />
            <Link to="/admin/settings/domain" className="inline-block font-medium text-leaf-800 underline underline-offset-2">
              {tr("domains.settingsLink")} →
            </Link>
          </FormSection>

          <FormSection id="contact" title={tr("settings.contact.title")} description={tr("settings.contact.lead")}>
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField label={tr("settings.contactName")} name="contactName" autoComplete="name" defaultValue={values.contactName} error={fieldError("contactName")} />
              <TextField label={tr("settings.phone")} name="phone" type="tel" inputMode="tel" autoComplete="tel" placeholder="044123456" defaultValue={values.phone} error={fieldError("phone")} />
              <TextField label={tr("settings.contactEmail")} name="contactEmail" type="email" inputMode="email" autoComplete="email" defaultValue={values.contactEmail} error={fieldError("contactEmail")} />
              <TextField label={tr("settings.lineId")} name="lineId" autoCapitalize="none" placeholder="@" defaultValue={values.lineId} error={fieldError("lineId")} />
            </div>
            <TextField
              label={tr("settings.facebookUrl")}
              name="facebookUrl"
              type="url"
              inputMode="url"
              placeholder="https://www.facebook.com/…"
              defaultValue={values.facebookUrl}
              error={fieldError("facebookUrl")}
            />
            <TextField
              label={tr("settings.openingHours")}
              name="openingHours"
              placeholder={tr("settings.openingHoursPlaceholder")}
              defaultValue={values.openingHours}
              error={fieldError("openingHours")}
            />
          </FormSection>

          <FormSection id="address" title={tr("settings.address.title")}>
            <TextAreaField
              label={tr("settings.address.line")}
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

          <FormSection id="payment" title={tr("settings.payment.title")} description={tr("settings.payment.lead")}>
            <TextField
              label={tr("settings.promptpayId")}
              name="promptpayId"
              inputMode="numeric"
              autoComplete="off"
              hint={tr("settings.promptpayHint")}
              defaultValue={values.promptpayId}
              error={fieldError("promptpayId")}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField label={tr("settings.bankName")} name="bankName" list="thai-banks" defaultValue={values.bankName} error={fieldError("bankName")} />
              <TextField
                label={tr("settings.bankAccountNo")}
                name="bankAccountNo"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={values.bankAccountNo}
                error={fieldError("bankAccountNo")}
              />
            </div>
            <TextField label={tr("settings.bankAccountName")} name="bankAccountName" defaultValue={values.bankAccountName} error={fieldError("bankAccountName")} />
            <datalist id="thai-banks">
              {BANKS.map((bank) => (
                <option key={bank} value={bank} />
              ))}
            </datalist>
          </FormSection>

          <FormSection id="delivery" title={tr("settings.delivery.title")} description={tr("settings.delivery.lead")}>
            <fieldset>
              <legend className="mb-2 font-medium text-earth-900">{tr("settings.delivery.methods")}</legend>
              <GroupError message={fieldError("pickupEnabled")} />
              <div className="space-y-3">
                <Switch name="pickupEnabled" checked={values.pickupEnabled === "on"} label={tr("settings.delivery.pickup")} hint={tr("settings.delivery.pickupHint")} invalid={Boolean(fieldError("pickupEnabled"))} />
                <Switch name="localDeliveryEnabled" checked={values.localDeliveryEnabled === "on"} label={tr("settings.delivery.local")} hint={tr("settings.delivery.localHint")}>
                  <FeeField locale={locale} name="localDeliveryFee" value={values.localDeliveryFee} error={fieldError("localDeliveryFee")} />
                </Switch>
                <Switch name="parcelEnabled" checked={values.parcelEnabled === "on"} label={tr("settings.delivery.parcel")} hint={tr("settings.delivery.parcelHint")}>
                  <fieldset>
                    <legend className="font-medium text-earth-900">{tr("settings.delivery.zones")}</legend>
                    <p className="mb-3 text-sm text-earth-600">{tr("settings.delivery.zonesHint")}</p>
                    <div className="grid gap-4 sm:grid-cols-2">
                      {ZONE_FEES.map((zone) => (
                        <TextField
                          key={zone}
                          label={zoneLabel[zone].label}
                          name={zone}
                          inputMode="decimal"
                          autoComplete="off"
                          placeholder={tr("settings.delivery.zone.blank")}
                          hint={zoneLabel[zone].hint}
                          defaultValue={values[zone]}
                          error={fieldError(zone)}
                        />
                      ))}
                    </div>
                  </fieldset>
                </Switch>
              </div>
            </fieldset>
            <fieldset>
              <legend className="mb-2 font-medium text-earth-900">{tr("settings.delivery.payments")}</legend>
              <GroupError message={fieldError("promptpayEnabled")} />
              <div className="space-y-3">
                <Switch name="promptpayEnabled" checked={values.promptpayEnabled === "on"} label={tr("settings.delivery.promptpay")} hint={tr("settings.delivery.promptpayHint")} invalid={Boolean(fieldError("promptpayEnabled"))} />
                <Switch name="bankTransferEnabled" checked={values.bankTransferEnabled === "on"} label={tr("settings.delivery.bank")} hint={tr("settings.delivery.bankHint")} />
                <Switch name="codEnabled" checked={values.codEnabled === "on"} label={tr("settings.delivery.cod")} hint={tr("settings.delivery.codHint")} />
                {loaderData.stripeEnabled ? (
                  <Link to="/admin/settings/payments" className="inline-block font-medium text-leaf-800 underline underline-offset-2">
                    {tr("payments.settingsLink")} →
                  </Link>
                ) : null}
              </div>
            </fieldset>
          </FormSection>

          <FormSection id="notices" title={tr("settings.notices.title")} description={tr("settings.notices.lead")}>
            {actionData?.kind === "saved" && actionData.test ? (
              <Alert tone="success" data-testid="notice-test-sent">
                <p>{tr("settings.notices.testSent")}</p>
                {actionData.test.email ? <p>
                    {tr("settings.notices.testSentEmail")}: {actionData.test.email}
                  </p> : null}
                {actionData.test.line ? <p>{tr("settings.notices.testSentLine")}</p> : null}
              </Alert>
            ) : null}
            <TextField
              label={tr("settings.notices.orderEmail")}
              name="orderEmail"
              type="email"
              inputMode="email"
              autoComplete="email"
              optional={optional}
              hint={tr("settings.notices.orderEmailHint")}
              defaultValue={values.orderEmail}
              error={fieldError("orderEmail")}
            />
            <TextField
              label={tr("settings.notices.lineToken")}
              name="lineChannelToken"
              type="password"
              autoComplete="off"
              spellCheck={false}
              optional={optional}
              placeholder={lineTokenLast4 ? `•••• ${lineTokenLast4}` : undefined}
              hint={lineTokenLast4 ? tr("settings.notices.lineTokenSaved") : tr("settings.notices.lineTokenHint")}
              defaultValue=""
              error={fieldError("lineChannelToken")}
            />
            {lineTokenLast4 ? (
              <label className="flex items-center gap-2 text-sm text-earth-800">
                <input type="checkbox" name="lineChannelTokenRemove" className="size-4 accent-clay-700" />
                {tr("settings.notices.lineTokenRemove")}
              </label>
            ) : null}
            <TextField
              label={tr("settings.notices.lineTarget")}
              name="lineNotifyUserId"
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              optional={optional}
              placeholder="U0123456789abcdef0123456789abcdef"
              hint={tr("settings.notices.lineTargetHint")}
              defaultValue={values.lineNotifyUserId}
              error={fieldError("lineNotifyUserId")}
            />
            <div className="flex flex-wrap items-center gap-3">
              <SubmitButton intent="testNotice" className={secondaryButtonClass} pendingLabel={tr("admin.saving")}>
                {tr("settings.notices.test")}
              </SubmitButton>
              <p className="text-sm text-earth-600">{tr("settings.notices.testHint")}</p>
            </div>
          </FormSection>

          <FormSection id="crops" title={tr("settings.crops.title")} description={tr("settings.crops.lead")}>
            <fieldset>
              <legend className="sr-only">{tr("settings.crops.title")}</legend>
              <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
                {crops.map((crop) => (
                  <label key={crop.code} className="flex items-center gap-2 rounded-lg border border-earth-200 px-3 py-2 has-[:checked]:border-leaf-600 has-[:checked]:bg-leaf-50">
                    <input type="checkbox" name="crops" value={crop.code} defaultChecked={values.crops.split(",").includes(crop.code)} className="size-4 accent-leaf-700" />
                    <span className="text-earth-900">{locale === "en" ? crop.nameEn : crop.nameTh}</span>
                  </label>
                ))}
              </div>
              {fieldError("crops") ? <p className="mt-1.5 text-sm font-medium text-clay-800">{fieldError("crops")}</p> : null}
            </fieldset>
          </FormSection>

          <FormSection id="theme" title={tr("settings.theme.title")} description={tr("settings.theme.lead")}>
            <ThemeColor locale={locale} value={values.themeColor || DEFAULT_THEME} error={fieldError("themeColor")} />
          </FormSection>

          <div className="sticky bottom-[calc(4rem+1px+env(safe-area-inset-bottom))] z-20 -mx-4 border-t border-earth-200 bg-earth-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-2xl sm:border sm:px-5 lg:bottom-4">
            <div className="flex items-center justify-between gap-3">
              {/* The outcome where the button is: on a phone the top of the page is far away. */}
              <p role="status" className="min-w-0 text-sm">
                {actionData?.kind === "saved" ? (
                  <span className="flex items-center gap-1.5 font-medium text-leaf-700">
                    <CheckIcon className="size-4 shrink-0" />
                    {tr("settings.savedShort")}
                  </span>
                ) : errors ? (
                  <span className="flex items-center gap-1.5 font-medium text-clay-800">
                    <AlertIcon className="size-4 shrink-0" />
                    {tr("settings.notSaved")}
                  </span>
                ) : (
                  <span className="hidden text-earth-600 sm:inline">{tr("settings.saveHint")}</span>
                )}
              </p>
              <SubmitButton intent="save" className={`${primaryButtonClass} shrink-0`} pendingLabel={tr("admin.saving")}>
                {tr("settings.save")}
              </SubmitButton>
            </div>
          </div>
        </Form>
      </div>
    </>
  );
}

function ThemeColor({ locale, value, error }: { locale: Locale; value: string; error: string | undefined }) {
  const tr = translator(locale);
  return (
    <div>
      <label htmlFor="theme-color" className="mb-1.5 block font-medium text-earth-900">
        {tr("settings.themeColor")}
      </label>
      <div className="flex items-center gap-4">
        <input
          id="theme-color"
          type="color"
          name="themeColor"
          list="theme-presets"
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          aria-describedby="theme-color-hint"
          className="h-12 w-20 cursor-pointer rounded-lg border border-earth-300 bg-white p-1"
        />
        <p id="theme-color-hint" className="text-sm text-earth-600">
          {tr("settings.themeHint")}
        </p>
      </div>
      <datalist id="theme-presets">
        {THEME_PRESETS.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {error ? <p className="mt-1.5 text-sm font-medium text-clay-800">{error}</p> : null}
    </div>
  );
}

/** A delivery or payment method's on/off box; what it needs (a fee) sits under it. */
function Switch({ name, checked, label, hint, invalid, children }: { name: string; checked: boolean; label: string; hint: string; invalid?: boolean; children?: ReactNode }) {
  const id = `switch-${name}`;
  return (
    <div className="rounded-xl border border-earth-200 p-3 has-[:checked]:border-leaf-600 has-[:checked]:bg-leaf-50/60">
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={checked}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={`${id}-hint`}
          className="mt-1 size-5 shrink-0 accent-leaf-700"
        />
        <label htmlFor={id} className="min-w-0 cursor-pointer">
          <span className="block font-medium text-earth-900">{label}</span>
          <span id={`${id}-hint`} className="block text-sm text-earth-600">
            {hint}
          </span>
        </label>
      </div>
      {children ? <div className="mt-3 pl-8">{children}</div> : null}
    </div>
  );
}

function FeeField({ locale, name, value, error }: { locale: Locale; name: "localDeliveryFee"; value: string; error: string | undefined }) {
  const tr = translator(locale);
  return (
    <TextField
      label={tr("settings.delivery.fee")}
      name={name}
      inputMode="decimal"
      autoComplete="off"
      placeholder="0"
      hint={tr("settings.delivery.feeHint")}
      defaultValue={value}
      error={error}
      className="max-w-xs"
    />
  );
}

function GroupError({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="mb-2 flex items-center gap-1.5 text-sm font-medium text-clay-800">
      <AlertIcon className="size-4 shrink-0" />
      {message}
    </p>
  ) : null;
}
