import { type Locale, resolveLocale, t, translator } from "@coop/i18n";
import type { WebLoadContext } from "@coop/trpc";
import { useRef, useState } from "react";
import { data, Form, redirect } from "react-router";
import { Alert, CheckIcon, formErrors, FormSection, localized, PasswordField, primaryButtonClass, requiredWhenEmpty, SelectField, SubmitButton, text, TextField, translateKey, useFocusFirstInvalid } from "@coop/ui";
import type { Route } from "./+types/signup";
import { SubdomainField } from "../components/SubdomainField.tsx";

type Province = Awaited<ReturnType<WebLoadContext["trpc"]["signup"]["provinces"]>>["items"][number];

/** What a co-op address looks like after `<slug>.`: the host of the co-op site template. */
function rootHostOf(coopTemplate: string): string {
  return new URL(coopTemplate.replace("{slug}", "x")).host.replace(/^x\./, "");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { items } = await context.trpc.signup.provinces();
  return { locale: resolveLocale(request), provinces: items, rootHost: rootHostOf(context.origins.coopTemplate) };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  return [
    { title: `${t(locale, "signup.title")} | ${t(locale, "brand.network")}` },
    { name: "description", content: t(locale, "signup.lead") },
  ];
};

/** The fields sent back to the form after a refusal: everything but the password. */
const KEPT = ["nameTh", "nameEn", "registrationNo", "provinceCode", "contactName", "email", "slug"] as const;
type Kept = Record<(typeof KEPT)[number], string>;

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const values = Object.fromEntries(KEPT.map((k) => [k, text(form, k)])) as Kept;
  const nameEn = values.nameEn.trim();
  try {
    const { redirectTo } = await context.trpc.signup.createCoop({
      nameTh: values.nameTh,
      ...(nameEn ? { nameEn } : {}),
      registrationNo: values.registrationNo,
      // An empty choice becomes NaN, which the schema reports as "required".
      provinceCode: values.provinceCode ? Number(values.provinceCode) : Number.NaN,
      contactName: values.contactName,
      email: values.email,
      password: text(form, "password"),
      slug: values.slug,
    });
    // To the new co-op's own host, where a one-time token becomes the owner's session.
    return redirect(redirectTo);
  } catch (error) {
    const errors = requiredWhenEmpty(formErrors(error), values);
    const suggestions = typeof errors.params.suggestions === "string" ? errors.params.suggestions.split(",").map((s) => s.trim()).filter(Boolean) : [];
    // `attempt` gives the password box a fresh key, so it is emptied after every refusal.
    return data({ values, errors, suggestions, attempt: Date.now() }, { status: 400 });
  }
}

function groupByRegion(provinces: Province[], locale: Locale) {
  const groups = new Map<number, { label: string; items: Province[] }>();
  for (const p of provinces) {
    // Said in the list itself, so that it shows without scripts: the site opens after staff approval.
    const region = localized(locale, p.regionNameTh, p.regionNameEn);
    const label = p.requiresApproval ? `${region} · ${t(locale, "coopStatus.signup.approvalRegion")}` : region;
    const group = groups.get(p.regionId) ?? { label, items: [] };
    group.items.push(p);
    groups.set(p.regionId, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, g]) => g);
}

const BENEFITS = ["signup.benefit.site", "signup.benefit.products", "signup.benefit.phone", "signup.benefit.network"] as const;

export default function Signup({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, provinces, rootHost } = loaderData;
  const tr = translator(locale);
  const values = actionData?.values;
  const errors = actionData?.errors;
  const [nameEn, setNameEn] = useState(values?.nameEn ?? "");
  const fieldError = (name: string) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);
  const optional = tr("signup.optional");
  const hasFieldErrors = errors ? Object.keys(errors.fields).length > 0 : false;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, actionData ?? null);

  return (
    <div className="bg-linear-to-b from-leaf-50 to-earth-50">
      <div className="container-page grid gap-8 py-8 sm:py-12 lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-12">
        <div className="min-w-0">
          <p className="text-sm font-semibold tracking-wide text-leaf-700">{tr("brand.network")}</p>
          <h1 className="mt-1 text-3xl font-bold text-leaf-900 sm:text-4xl">{tr("signup.title")}</h1>
          <p className="mt-3 max-w-prose text-earth-800 sm:text-lg">{tr("signup.lead")}</p>

          {errors && (errors.formError || hasFieldErrors) ? (
            <Alert tone="error" className="mt-6" title={errors.formError ? translateKey(locale, errors.formError, errors.params) : tr("validation.check_fields")} />
          ) : null}

          <Form method="post" ref={formRef} className="mt-6 space-y-5" noValidate>
            <FormSection title={tr("signup.section.coop")}>
              <TextField
                label={tr("signup.nameTh")}
                name="nameTh"
                required
                autoComplete="organization"
                placeholder={tr("signup.nameThPlaceholder")}
                defaultValue={values?.nameTh ?? ""}
                error={fieldError("nameTh")}
              />
              <TextField
                label={tr("signup.nameEn")}
                name="nameEn"
                lang="en"
                optional={optional}
                value={nameEn}
                onChange={(e) => setNameEn(e.target.value)}
                placeholder="Korat Rice Farmers Cooperative"
                error={fieldError("nameEn")}
              />
              <div className="grid gap-5 sm:grid-cols-2">
                <TextField
                  label={tr("signup.registrationNo")}
                  name="registrationNo"
                  required
                  hint={tr("signup.registrationNoHint")}
                  defaultValue={values?.registrationNo ?? ""}
                  error={fieldError("registrationNo")}
                />
                <SelectField
                  label={tr("signup.province")}
                  name="provinceCode"
                  required
                  defaultValue={values?.provinceCode ?? ""}
                  error={fieldError("provinceCode")}
                  hint={provinces.some((p) => p.requiresApproval) ? tr("coopStatus.signup.approvalHint") : undefined}
                >
                  <option value="">{tr("signup.chooseProvince")}</option>
                  {groupByRegion(provinces, locale).map((group) => (
                    <optgroup key={group.label} label={group.label}>
                      {group.items.map((p) => (
                        <option key={p.code} value={String(p.code)}>
                          {localized(locale, p.nameTh, p.nameEn)}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </SelectField>
              </div>
            </FormSection>

            <FormSection title={tr("signup.section.site")} description={tr("signup.section.siteLead")}>
              <SubdomainField
                locale={locale}
                rootHost={rootHost}
                defaultValue={values?.slug ?? ""}
                hint={nameEn}
                serverError={fieldError("slug")}
                serverSuggestions={actionData?.suggestions ?? []}
              />
            </FormSection>

            <FormSection title={tr("signup.section.account")} description={tr("signup.section.accountLead")}>
              <TextField
                label={tr("signup.contactName")}
                name="contactName"
                required
                autoComplete="name"
                defaultValue={values?.contactName ?? ""}
                error={fieldError("contactName")}
              />
              <TextField
                label={tr("auth.email")}
                name="email"
                type="email"
                required
                inputMode="email"
                autoComplete="email"
                hint={tr("signup.emailHint")}
                defaultValue={values?.email ?? ""}
                error={fieldError("email")}
              />
              <PasswordField
                key={actionData?.attempt ?? "password"}
                locale={locale}
                label={tr("auth.password.create")}
                name="password"
                required
                minLength={10}
                autoComplete="new-password"
                hint={tr("auth.password.rule")}
                error={fieldError("password")}
              />
            </FormSection>

            <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
              <SubmitButton className={`${primaryButtonClass} w-full sm:w-auto sm:px-8`} pendingLabel={tr("signup.submitting")}>
                {tr("signup.submit")}
              </SubmitButton>
              <p className="text-sm text-earth-600">{tr("signup.terms")}</p>
            </div>
          </Form>
        </div>

        <aside aria-labelledby="signup-benefits" className="lg:pt-24">
          <div className="rounded-2xl border border-leaf-200 bg-white/80 p-5 shadow-xs">
            <h2 id="signup-benefits" className="font-semibold text-leaf-900">
              {tr("signup.benefits")}
            </h2>
            <ul className="mt-3 space-y-3 text-earth-800">
              {BENEFITS.map((key) => (
                <li key={key} className="flex gap-2.5">
                  <CheckIcon className="mt-1 size-4 shrink-0 text-leaf-600" />
                  <span>{tr(key)}</span>
                </li>
              ))}
            </ul>
            <p className="mt-4 border-t border-earth-100 pt-4 text-sm text-earth-600">{tr("signup.after")}</p>
          </div>
        </aside>
      </div>
    </div>
  );
}
