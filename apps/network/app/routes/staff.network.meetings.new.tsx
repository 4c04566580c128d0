import { resolveLocale, t, translator } from "@coop/i18n";
import {
  Alert, formErrors, type FormErrors, linkClass, localized, secondaryButtonClass, SelectField, SubmitButton, text, TextAreaField, TextField, translateKey,
  trpcCodeOf, useFocusFirstInvalid,
} from "@coop/ui";
import { useRef } from "react";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/staff.network.meetings.new";
import { bangkokToday, DateField, isoDateFromForm } from "../components/staff/network-date-field.tsx";
import { NetworkTabs } from "../components/staff/network-tabs.tsx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(): never {
  throw data(null, { status: 404 });
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const coopParam = new URL(request.url).searchParams.get("coop") ?? "";
  if (coopParam !== "" && !UUID.test(coopParam)) notFound();
  let options;
  try {
    options = await context.trpc.staff.linkOptions({ tenantId: coopParam || undefined });
  } catch (error) {
    if (trpcCodeOf(error) === "NOT_FOUND") notFound();
    throw error;
  }
  return {
    locale,
    today: bangkokToday(),
    coop: options.coop ? { id: options.coop.id, name: localized(locale, options.coop.nameTh, options.coop.nameEn) } : null,
    coops: options.coops.map((c) => ({ id: c.id, name: localized(locale, c.nameTh, c.nameEn) })),
    centres: options.centres.map((c) => ({
      id: c.id,
      label: `${localized(locale, c.nameTh, c.nameEn)} — ${t(locale, "directory.location", { district: c.districtTh, province: localized(locale, c.provinceNameTh, c.provinceNameEn) })}`,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const values = {
    tenantId: text(form, "tenantId"),
    centreId: text(form, "centreId"),
    heldOn: isoDateFromForm(form, "heldOn"),
    place: text(form, "place"),
    attendees: text(form, "attendees"),
    attendeeCount: text(form, "attendeeCount"),
    minutes: text(form, "minutes"),
    outcomes: text(form, "outcomes"),
  };
  try {
    await context.trpc.staff.recordMeeting(values);
  } catch (error) {
    // Another region's co-op (a tampered form): the same answer as an unknown page.
    if (trpcCodeOf(error) === "NOT_FOUND") notFound();
    let errors: FormErrors = formErrors(error);
    // A missing day, month or year reads better as "please choose a date" than "invalid date".
    if (values.heldOn === "" && errors.fields.heldOn) errors = { ...errors, fields: { ...errors.fields, heldOn: "staff.network.date.required" } };
    return data({ values, errors }, { status: 400 });
  }
  return redirect(`/staff/network/meetings?saved=1&coop=${values.tenantId}`, { headers: { "Cache-Control": "no-store" } });
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  return [{ title: `${t(locale, "staff.network.meetings.newTitle")} | ${t(locale, "staff.meta.title")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffNetworkMeetingNew({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, today, coop, coops, centres } = loaderData;
  const tr = translator(locale);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, actionData?.errors ?? null);
  const errors = actionData?.errors;
  const values = actionData?.values;
  const fieldError = (name: string) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);
  const fieldKeys = Object.keys(errors?.fields ?? {});
  const formError = errors?.formError
    ? translateKey(locale, errors.formError, errors.params)
    : fieldKeys.some((k) => k === "tenantId" || k === "_")
      ? tr("validation.invalid")
      : fieldKeys.length > 0
        ? tr("validation.check_fields")
        : null;
  return (
    <div className="container-page py-8">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("staff.network.title")}</h1>
      <NetworkTabs locale={locale} />
      <p className="mt-6">
        <a href={coop ? `/staff/network/meetings?coop=${coop.id}` : "/staff/network/meetings"} className={`${linkClass} text-sm`}>
          ← {tr("staff.network.meetings.back")}
        </a>
      </p>
      <h2 className="mt-3 text-xl font-semibold text-earth-900">{tr("staff.network.meetings.newTitle")}</h2>
      <p className="mt-1 max-w-prose text-earth-700">{tr("staff.network.meetings.newLead")}</p>

      <div className="mt-6 max-w-2xl space-y-6">
        {coops.length === 0 && !coop ? (
          <Alert tone="info">
            {tr("staff.network.meetings.noCoops")}{" "}
            <a href="/staff/network" className={linkClass}>
              {tr("staff.network.meetings.toLinks")}
            </a>
          </Alert>
        ) : (
          <form method="get" action="/staff/network/meetings/new" className="flex flex-col gap-3 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs">
            <SelectField label={tr("staff.network.meetings.coop")} name="coop" defaultValue={coop?.id ?? ""} className="min-w-0" hint={tr("staff.network.meetings.coopHint")}>
              <option value="">{tr("staff.network.meetings.chooseCoop")}</option>
              {coop && !coops.some((c) => c.id === coop.id) ? <option value={coop.id}>{coop.name}</option> : null}
              {coops.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <button type="submit" className={`${secondaryButtonClass} self-start`}>
              {coop ? tr("staff.network.meetings.changeCoop") : tr("staff.network.meetings.useCoop")}
            </button>
          </form>
        )}

        {coop && centres.length === 0 ? (
          <Alert tone="warning">
            {tr("staff.network.meetings.needConfirmed", { name: coop.name })}{" "}
            <a href={`/staff/network?coop=${coop.id}`} className={linkClass}>
              {tr("staff.network.meetings.toLinks")}
            </a>
          </Alert>
        ) : null}

        {coop && centres.length > 0 ? (
          <Form method="post" ref={formRef} noValidate className="space-y-5 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6">
            <input type="hidden" name="tenantId" value={coop.id} />
            <p className="text-earth-900">
              <span className="text-sm text-earth-600">{tr("staff.network.meetings.coop")}</span>
              <br />
              <span className="font-semibold">{coop.name}</span>
            </p>
            {formError ? <Alert tone="error">{formError}</Alert> : null}
            <SelectField label={tr("directory.admin.centre")} name="centreId" required defaultValue={values?.centreId ?? (centres.length === 1 ? centres[0]!.id : "")} error={fieldError("centreId")}>
              {centres.length > 1 ? <option value="">{tr("directory.admin.chooseCentre")}</option> : null}
              {centres.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </SelectField>
            <div className="grid gap-5 sm:grid-cols-[1fr_auto]">
              <DateField locale={locale} name="heldOn" label={tr("directory.admin.heldOn")} value={values ? values.heldOn : today} error={fieldError("heldOn")} />
              <TextField
                label={tr("directory.admin.attendeeCount")}
                name="attendeeCount"
                inputMode="numeric"
                optional={tr("directory.admin.optional")}
                defaultValue={values?.attendeeCount ?? ""}
                error={fieldError("attendeeCount")}
                className="sm:w-44"
              />
            </div>
            <TextField label={tr("directory.admin.place")} name="place" required maxLength={300} defaultValue={values?.place ?? ""} error={fieldError("place")} />
            <TextAreaField
              label={tr("directory.admin.attendees")}
              hint={tr("directory.admin.attendeesHint")}
              name="attendees"
              rows={2}
              required
              maxLength={2000}
              defaultValue={values?.attendees ?? ""}
              error={fieldError("attendees")}
            />
            <TextAreaField label={tr("directory.admin.minutes")} name="minutes" rows={5} maxLength={20000} optional={tr("directory.admin.optional")} defaultValue={values?.minutes ?? ""} error={fieldError("minutes")} />
            <TextAreaField label={tr("directory.admin.outcomes")} hint={tr("staff.network.meetings.outcomesHint")} name="outcomes" rows={3} maxLength={5000} optional={tr("directory.admin.optional")} defaultValue={values?.outcomes ?? ""} error={fieldError("outcomes")} />
            <p className="text-sm text-earth-600">{tr("staff.network.meetings.auditNote")}</p>
            <SubmitButton pendingLabel={tr("directory.admin.saving")}>{tr("directory.admin.meetingSubmit")}</SubmitButton>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
