import { formatDate, resolveLocale, translator } from "@coop/i18n";
import { data, Form, Link } from "react-router";
import {
  Alert, linkClass, optionalText, secondaryButtonClass, SelectField, SubmitButton, text, TextAreaField, TextField, translateKey, type FormErrors,
} from "@coop/ui";
import type { Route } from "./+types/admin.network._index";
import { KnowledgeTabs } from "../components/admin/KnowledgeTabs.tsx";
import { Card, PageHeader } from "../components/admin/PageHeader.tsx";
import { formRefusal } from "../components/admin/products/refusals.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("directory.admin.title"));

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const [links, meetings, sages, options] = await Promise.all([
    orRespond(request, context.trpc.directoryAdmin.myLinks()),
    orRespond(request, context.trpc.directoryAdmin.myMeetings()),
    orRespond(request, context.trpc.directoryAdmin.mySages()),
    orRespond(request, context.trpc.directoryAdmin.centreOptions({ q: q || undefined, limit: 100 })),
  ]);
  const linked = new Set(links.filter((l) => l.status !== "declined").map((l) => l.centreId));
  return {
    locale: resolveLocale(request),
    q,
    networkOrigin: context.origins.network,
    links,
    meetings,
    sages,
    options: options.filter((o) => !linked.has(o.id)),
    confirmed: links.filter((l) => l.status === "confirmed").map((l) => ({ id: l.centreId, nameTh: l.centreNameTh })),
    saved: url.searchParams.get("saved") === "sage",
  };
}

const INTENTS = ["propose", "withdraw", "meeting"] as const;
type Intent = (typeof INTENTS)[number];
const DONE = { propose: "directory.admin.proposed", withdraw: "directory.admin.withdrawn", meeting: "directory.admin.meetingRecorded" } as const;

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = text(form, "intent") as Intent;
  if (!INTENTS.includes(intent)) throw data(null, { status: 400 });
  const values = {
    centreId: text(form, "centreId"), note: text(form, "note"), heldOn: text(form, "heldOn"), place: text(form, "place"), attendees: text(form, "attendees"),
    attendeeCount: text(form, "attendeeCount"), minutes: text(form, "minutes"), outcomes: text(form, "outcomes"),
  };
  try {
    if (intent === "propose") await context.trpc.directoryAdmin.proposeLink({ centreId: values.centreId, note: optionalText(form, "note") ?? null });
    else if (intent === "withdraw") await context.trpc.directoryAdmin.withdrawLink({ centreId: values.centreId });
    else
      await context.trpc.directoryAdmin.recordMeeting({
        centreId: values.centreId, heldOn: values.heldOn, place: values.place, attendees: values.attendees, attendeeCount: values.attendeeCount,
        minutes: values.minutes, outcomes: values.outcomes,
      });
  } catch (error) {
    return data({ intent, done: null, values, errors: (await formRefusal(request, error)) as FormErrors }, { status: 400 });
  }
  return { intent, done: DONE[intent], values: null, errors: null };
}

const STATUS_CLASS = {
  proposed: "bg-amber-50 text-amber-800 ring-amber-200",
  confirmed: "bg-leaf-50 text-leaf-800 ring-leaf-200",
  declined: "bg-earth-100 text-earth-700 ring-earth-300",
} as const;

export default function NetworkAdmin({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, q, networkOrigin, links, meetings, sages, options, confirmed, saved } = loaderData;
  const tr = translator(locale);
  const errorsFor = (intent: Intent) => (actionData?.intent === intent ? actionData.errors : null);
  const valuesFor = (intent: Intent) => (actionData?.intent === intent ? actionData.values : null);
  const fieldError = (errors: FormErrors | null, field: string) => (errors?.fields[field] ? translateKey(locale, errors.fields[field], errors.params) : undefined);
  const proposeErrors = errorsFor("propose");
  const meetingErrors = errorsFor("meeting");
  const meetingValues = valuesFor("meeting");
  const withdrawErrors = errorsFor("withdraw");
  const formErrorOf = (errors: FormErrors | null) => (errors?.formError ? translateKey(locale, errors.formError, errors.params) : null);

  return (
    <>
      <KnowledgeTabs locale={locale} />
      <PageHeader title={tr("directory.admin.title")} description={tr("directory.admin.lead")} />
      {actionData?.done ? (
        <Alert tone="success" className="mb-5">
          {tr(actionData.done)}
        </Alert>
      ) : null}
      {saved ? (
        <Alert tone="success" className="mb-5">
          {tr("directory.admin.sageSaved")}
        </Alert>
      ) : null}
      {formErrorOf(withdrawErrors) ? (
        <Alert tone="error" className="mb-5">
          {formErrorOf(withdrawErrors)}
        </Alert>
      ) : null}

      <div className="grid items-start gap-6 xl:grid-cols-2">
        <Card title={tr("directory.admin.links")}>
          {links.length > 0 ? (
            <ul className="divide-y divide-earth-100">
              {links.map((l) => (
                <li key={l.centreId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <a href={`${networkOrigin}/centres/${l.centreId}`} lang="th" className={`${linkClass} font-medium`}>
                      {l.centreNameTh}
                    </a>
                    <p className="text-sm text-earth-600">
                      {tr("directory.location", { district: l.districtTh, province: locale === "en" ? l.province.nameEn : l.province.nameTh })} ·{" "}
                      {l.decidedAt
                        ? tr("directory.admin.decidedAt", { date: formatDate(l.decidedAt, locale) })
                        : tr("directory.admin.proposedAt", { date: formatDate(l.proposedAt, locale) })}
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ${STATUS_CLASS[l.status]}`}>{tr(`directory.admin.status.${l.status}`)}</span>
                    {l.status === "proposed" ? (
                      <Form method="post">
                        <input type="hidden" name="centreId" value={l.centreId} />
                        <SubmitButton intent="withdraw" className={`${secondaryButtonClass} !px-3 !py-1 text-sm`}>
                          {tr("directory.admin.withdraw")}
                        </SubmitButton>
                      </Form>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-earth-600">{tr("directory.admin.noLinks")}</p>
          )}
        </Card>

        <Card title={tr("directory.admin.propose")}>
          <p className="-mt-2 mb-4 text-sm text-earth-600">{tr("directory.admin.proposeLead")}</p>
          <Form method="get" className="mb-4 flex items-end gap-2">
            <TextField label={tr("directory.admin.centreSearch")} name="q" type="search" defaultValue={q} maxLength={100} className="flex-1" />
            <button type="submit" className={secondaryButtonClass}>
              {tr("directory.admin.centreSearchSubmit")}
            </button>
          </Form>
          {formErrorOf(proposeErrors) ? (
            <Alert tone="error" className="mb-4">
              {formErrorOf(proposeErrors)}
            </Alert>
          ) : null}
          {options.length > 0 ? (
            <Form method="post" className="space-y-4">
              <SelectField label={tr("directory.admin.centre")} name="centreId" required defaultValue={valuesFor("propose")?.centreId ?? ""} error={fieldError(proposeErrors, "centreId")}>
                <option value="">{tr("directory.admin.chooseCentre")}</option>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.nameTh} — {o.districtTh}, {o.provinceNameTh}
                  </option>
                ))}
              </SelectField>
              <TextAreaField label={tr("directory.admin.note")} name="note" rows={3} maxLength={1000} optional={tr("directory.admin.optional")} defaultValue={valuesFor("propose")?.note ?? ""} error={fieldError(proposeErrors, "note")} />
              <SubmitButton intent="propose">{tr("directory.admin.proposeSubmit")}</SubmitButton>
            </Form>
          ) : (
            <p className="text-earth-600">{tr("directory.admin.noCentresFound")}</p>
          )}
        </Card>

        <Card title={tr("directory.admin.recordMeeting")}>
          <p className="-mt-2 mb-4 text-sm text-earth-600">{tr("directory.admin.recordMeetingLead")}</p>
          {formErrorOf(meetingErrors) ? (
            <Alert tone="error" className="mb-4">
              {formErrorOf(meetingErrors)}
            </Alert>
          ) : null}
          {confirmed.length > 0 ? (
            <Form method="post" className="space-y-4" key={actionData?.done === "directory.admin.meetingRecorded" ? "reset" : "form"}>
              <SelectField label={tr("directory.admin.centre")} name="centreId" required defaultValue={meetingValues?.centreId ?? confirmed[0]!.id} error={fieldError(meetingErrors, "centreId")}>
                {confirmed.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.nameTh}
                  </option>
                ))}
              </SelectField>
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField label={tr("directory.admin.heldOn")} name="heldOn" type="date" required defaultValue={meetingValues?.heldOn ?? ""} error={fieldError(meetingErrors, "heldOn")} />
                <TextField label={tr("directory.admin.attendeeCount")} name="attendeeCount" inputMode="numeric" optional={tr("directory.admin.optional")} defaultValue={meetingValues?.attendeeCount ?? ""} error={fieldError(meetingErrors, "attendeeCount")} />
              </div>
              <TextField label={tr("directory.admin.place")} name="place" required maxLength={300} defaultValue={meetingValues?.place ?? ""} error={fieldError(meetingErrors, "place")} />
              <TextAreaField label={tr("directory.admin.attendees")} hint={tr("directory.admin.attendeesHint")} name="attendees" rows={2} required maxLength={2000} defaultValue={meetingValues?.attendees ?? ""} error={fieldError(meetingErrors, "attendees")} />
              <TextAreaField label={tr("directory.admin.minutes")} name="minutes" rows={4} maxLength={20000} optional={tr("directory.admin.optional")} defaultValue={meetingValues?.minutes ?? ""} error={fieldError(meetingErrors, "minutes")} />
              <TextAreaField label={tr("directory.admin.outcomes")} name="outcomes" rows={3} maxLength={5000} optional={tr("directory.admin.optional")} defaultValue={meetingValues?.outcomes ?? ""} error={fieldError(meetingErrors, "outcomes")} />
              <SubmitButton intent="meeting" pendingLabel={tr("directory.admin.saving")}>
                {tr("directory.admin.meetingSubmit")}
              </SubmitButton>
            </Form>
          ) : (
            <p className="text-earth-600">{tr("directory.admin.needConfirmed")}</p>
          )}
        </Card>

        <Card title={tr("directory.admin.meetings")}>
          {meetings.length > 0 ? (
            <ol className="space-y-4">
              {meetings.map((m) => (
                <li key={m.id} className="rounded-xl border border-earth-100 bg-earth-50/60 p-3">
                  <p className="font-semibold text-earth-900">
                    {formatDate(m.heldOn, locale, "long")} · <span lang="th">{m.centreNameTh}</span>
                  </p>
                  <p lang="th" className="text-sm text-earth-700">
                    {m.place}
                    {m.attendeeCount !== null ? ` · ${tr("directory.admin.peopleCount", { count: m.attendeeCount })}` : ""}
                  </p>
                  <p lang="th" className="mt-1 text-sm text-earth-700">{m.attendees}</p>
                  {m.minutes ? (
                    <details className="mt-2 text-sm">
                      <summary className="cursor-pointer font-medium text-leaf-800">{tr("directory.admin.minutes")}</summary>
                      <p lang="th" className="mt-1 whitespace-pre-line text-earth-800">{m.minutes}</p>
                    </details>
                  ) : null}
                  {m.outcomes ? (
                    <p className="mt-2 text-sm text-earth-800">
                      <span className="font-medium">{tr("directory.admin.outcomes")}:</span> <span lang="th">{m.outcomes}</span>
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-earth-600">{tr("directory.admin.noMeetings")}</p>
          )}
        </Card>

        <Card
          title={tr("directory.admin.sages")}
          className="xl:col-span-2"
          action={
            <Link to="/admin/network/sages/new" className={secondaryButtonClass}>
              {tr("directory.admin.addSage")}
            </Link>
          }
        >
          {sages.length > 0 ? (
            <ul className="divide-y divide-earth-100">
              {sages.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p lang="th" className="font-medium text-earth-900">{s.nameTh}</p>
                    <p lang="th" className="text-sm text-earth-600">{s.expertiseTh}</p>
                  </div>
                  <div className="flex gap-3 text-sm">
                    <Link to={`/admin/network/sages/${s.id}`} className={linkClass}>
                      {tr("directory.admin.edit")}
                    </Link>
                    <a href={`${networkOrigin}/sages/${s.id}`} className={linkClass}>
                      {tr("directory.admin.view")}
                    </a>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-earth-600">{tr("directory.admin.noSages")}</p>
          )}
        </Card>
      </div>
    </>
  );
}
