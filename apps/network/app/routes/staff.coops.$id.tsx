import { formatBaht, formatDate, type Locale, resolveLocale, t, translator } from "@coop/i18n";
import { coopSiteUrl } from "@coop/trpc/site";
import {
  Alert, ChartFigure, ChartLegend, dangerButtonClass, DataTable, formErrors, type FormErrors, LineChart, linkClass, localized, primaryButtonClass, secondaryButtonClass, SubmitButton, text,
  TextAreaField, translateKey, trpcCodeOf,
} from "@coop/ui";
import type { ReactNode } from "react";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/staff.coops.$id";
import { HealthPartList, ScoreBadge } from "../components/staff/Health.tsx";
import { StatusBadge } from "../components/staff/StatusBadge.tsx";
import { CoopTimeline, timelineItems } from "../components/staff/coop-timeline.tsx";
import { bangkokToday, lastTwelveMonths, monthLabel } from "../components/staff/overview-dates.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTENTS = ["approve", "suspend", "restore"] as const;
type Intent = (typeof INTENTS)[number];

function notFound(): never {
  throw data(null, { status: 404 });
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  if (!UUID.test(params.id)) notFound();
  const locale = resolveLocale(request);
  let coop, figures, timeline;
  try {
    coop = await context.trpc.staff.detail({ tenantId: params.id });
    [figures, timeline] = await Promise.all([
      context.trpc.staff.coopFigures({ tenantId: params.id, ...lastTwelveMonths(bangkokToday()) }),
      context.trpc.staff.coopTimeline({ tenantId: params.id, limit: 25 }),
    ]);
  } catch (error) {
    if (trpcCodeOf(error) === "NOT_FOUND") notFound();
    throw error;
  }
  const done = INTENTS.find((i) => i === new URL(request.url).searchParams.get("done")) ?? null;
  const baht = (satang: number) => formatBaht(satang, locale);
  const date = (d: Date | null) => (d ? formatDate(d, locale) : null);
  return {
    locale,
    done,
    coop: {
      id: coop.id,
      name: localized(locale, coop.nameTh, coop.nameEn),
      status: coop.status,
      siteUrl: coopSiteUrl(context.origins, coop.slug),
      province: localized(locale, coop.province.nameTh, coop.province.nameEn),
      region: localized(locale, coop.region.nameTh, coop.region.nameEn),
      registrationNo: coop.registrationNo,
      contact: [coop.contactName, coop.phone, coop.contactEmail, coop.lineId ? `LINE ${coop.lineId}` : null].filter(Boolean).join(" · "),
      created: date(coop.createdAt)!,
      approved: date(coop.approvedAt),
      suspended: coop.suspendedAt ? { date: formatDate(coop.suspendedAt, locale), reason: coop.suspendedReason ?? "" } : null,
      members: coop.members,
      health: { score: coop.health.score, parts: coop.health.parts, missing: coop.health.missing },
      orders: {
        last30: { count: coop.orders.last30Days.count, total: baht(coop.orders.last30Days.totalSatang) },
        allTime: { count: coop.orders.allTime.count, total: baht(coop.orders.allTime.totalSatang) },
        recent: coop.orders.recent.map((o) => ({ number: o.number, status: o.status, total: baht(o.totalSatang), date: formatDate(o.createdAt, locale, "datetime") })),
      },
      content: coop.content,
      links: coop.centreLinks.map((l) => ({ id: l.centreId, name: localized(locale, l.nameTh, l.nameEn), status: l.status })),
    },
    months: figures.months.map((m) => ({ ...m, label: monthLabel(m.month, locale), longLabel: monthLabel(m.month, locale, true), sales: baht(m.salesSatang) })),
    timeline: timelineItems(timeline, locale),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  if (!UUID.test(params.id)) notFound();
  const form = await request.formData();
  const intent = INTENTS.find((i) => i === form.get("intent"));
  const reason = text(form, "reason");
  const fail = (errors: FormErrors) => data({ intent: intent ?? null, reason, errors }, { status: 400 });
  if (!intent) return fail({ formError: "staff.errors.unknown_action", fields: {}, params: {} });
  // A deliberate tick, checked here so that it holds without JavaScript.
  if (form.get("confirm") !== "yes") return fail({ fields: { confirm: "staff.errors.confirm_required" }, params: {} });
  try {
    if (intent === "approve") await context.trpc.staff.approve({ tenantId: params.id });
    else if (intent === "suspend") await context.trpc.staff.suspend({ tenantId: params.id, reason });
    else await context.trpc.staff.restore({ tenantId: params.id });
  } catch (error) {
    if (trpcCodeOf(error) === "NOT_FOUND") notFound();
    return fail(formErrors(error));
  }
  return redirect(`/staff/coops/${params.id}?done=${intent}`, { headers: { "Cache-Control": "no-store" } });
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  return [{ title: `${loaderData.coop.name} | ${t(loaderData.locale, "staff.meta.title")}` }, { name: "robots", content: "noindex" }];
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-2xl border border-earth-200 bg-white p-5 shadow-xs">
      <h2 className="text-lg font-semibold text-earth-900">{title}</h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(0,auto)_1fr] gap-x-4 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-earth-600">{label}</dt>
          <dd className="min-w-0 break-words text-earth-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ActionForm({ locale, intent, lead, button, danger, error, confirmError, children }: {
  locale: Locale; intent: Intent; lead: string; button: string; danger?: boolean; error?: string; confirmError?: string; children?: ReactNode;
}) {
  const tr = translator(locale);
  return (
    <Form method="post" className="space-y-4" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <p className="text-sm text-earth-700">{lead}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {children}
      <div>
        <label className="flex items-start gap-2 text-sm text-earth-800">
          <input type="checkbox" name="confirm" value="yes" required className="mt-0.5 size-4 accent-leaf-700" aria-invalid={confirmError ? true : undefined} />
          {tr("staff.actions.confirm")}
        </label>
        {confirmError ? <p className="mt-1 text-sm font-medium text-clay-800">{confirmError}</p> : null}
      </div>
      <SubmitButton className={danger ? dangerButtonClass : primaryButtonClass} pendingLabel={tr("staff.actions.pending")}>
        {button}
      </SubmitButton>
    </Form>
  );
}

/** The co-op's orders and sales month by month (order_daily_stats rollup): a trend chart and the same numbers as a table. */
function FiguresOverTime({ locale, months }: { locale: Locale; months: Route.ComponentProps["loaderData"]["months"] }) {
  const tr = translator(locale);
  const numberLocale = locale === "th" ? "th-TH" : "en-US";
  const num = (v: number) => v.toLocaleString(numberLocale);
  const title = tr("staff.overview.coop.figures.title");
  const series = [
    { label: tr("staff.overview.orders.placed"), values: months.map((m) => m.placed) },
    { label: tr("staff.overview.orders.kept"), values: months.map((m) => m.kept) },
  ];
  return (
    <ChartFigure
      stacked
      title={title}
      chart={<LineChart title={title} description={tr("staff.overview.coop.figures.desc")} categories={months.map((m) => m.label)} series={series} numberLocale={numberLocale} />}
      legend={<ChartLegend series={series} />}
      table={
        <DataTable
          caption={tr("staff.overview.table.caption", { title })}
          columns={[tr("staff.overview.table.month"), tr("staff.overview.orders.placed"), tr("staff.overview.orders.kept"), tr("staff.overview.orders.sales")]}
          rows={months.map((m) => [m.longLabel, num(m.placed), num(m.kept), m.sales])}
        />
      }
    />
  );
}

export default function StaffCoop({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, done, coop, months, timeline } = loaderData;
  const tr = translator(locale);
  const errors = actionData?.errors;
  const formError = errors?.formError ? translateKey(locale, errors.formError, errors.params) : undefined;
  const fieldError = (name: string) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);
  const none = tr("staff.detail.none");
  return (
    <div className="container-page py-8">
      <p>
        <a href="/staff" className={`${linkClass} text-sm`}>
          ← {tr("staff.detail.back")}
        </a>
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{coop.name}</h1>
        <StatusBadge locale={locale} status={coop.status} />
        <ScoreBadge locale={locale} score={coop.health.score} />
      </div>
      <p className="mt-2">
        <a href={coop.siteUrl} className={`${linkClass} text-sm`}>
          {tr("staff.detail.openSite")}
        </a>
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <a href={`/staff/network/meetings/new?coop=${coop.id}`} className={primaryButtonClass}>
          {tr("staff.overview.coop.meeting")}
        </a>
        <a href={`/staff/network?coop=${coop.id}`} className={secondaryButtonClass}>
          {tr("staff.overview.coop.network")}
        </a>
      </div>

      <div className="mt-5 space-y-3">
        {done ? <Alert tone="success">{tr(`staff.actions.done.${done}`)}</Alert> : null}
        {coop.status === "pending" ? <Alert tone="warning">{tr("staff.detail.pending")}</Alert> : null}
        {coop.status === "suspended" && coop.suspended ? (
          <Alert tone="warning">{tr("staff.detail.suspended", { date: coop.suspended.date, reason: coop.suspended.reason })}</Alert>
        ) : null}
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <div className="space-y-6">
          <Section title={tr("staff.detail.profile")}>
            <Facts
              rows={[
                [tr("staff.detail.province"), coop.province],
                [tr("staff.detail.region"), coop.region],
                [tr("staff.detail.registrationNo"), coop.registrationNo ?? none],
                [tr("staff.detail.contact"), coop.contact || none],
                [tr("staff.detail.created"), coop.created],
                [tr("staff.detail.approved"), coop.approved ?? none],
                [tr("staff.detail.members"), tr("staff.detail.membersCount", { count: coop.members })],
              ]}
            />
          </Section>

          <Section title={tr("staff.detail.orders")}>
            <p className="text-sm text-earth-600">{tr("staff.detail.orders.privacy")}</p>
            <dl className="mt-3 grid gap-3 sm:grid-cols-2">
              {(["last30", "allTime"] as const).map((k) => (
                <div key={k} className="rounded-xl bg-earth-50 p-3">
                  <dt className="text-sm text-earth-600">{tr(`staff.detail.orders.${k}`)}</dt>
                  <dd className="text-lg font-semibold text-earth-900">{tr("staff.detail.orders.summary", { count: coop.orders[k].count, total: coop.orders[k].total })}</dd>
                </div>
              ))}
            </dl>
            <h3 className="mt-4 font-medium text-earth-900">{tr("staff.detail.orders.recent")}</h3>
            {coop.orders.recent.length === 0 ? (
              <p className="mt-2 text-sm text-earth-600">{tr("staff.detail.orders.none")}</p>
            ) : (
              <div className="mt-2 overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <thead className="text-earth-600">
                    <tr>
                      <th scope="col" className="py-1.5 pr-3 font-medium">{tr("staff.detail.orders.number")}</th>
                      <th scope="col" className="py-1.5 pr-3 font-medium">{tr("staff.detail.orders.date")}</th>
                      <th scope="col" className="py-1.5 pr-3 font-medium">{tr("staff.detail.orders.status")}</th>
                      <th scope="col" className="py-1.5 text-right font-medium">{tr("staff.detail.orders.total")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-earth-100">
                    {coop.orders.recent.map((o) => (
                      <tr key={o.number}>
                        <td className="py-1.5 pr-3 tabular-nums">#{o.number}</td>
                        <td className="whitespace-nowrap py-1.5 pr-3">{o.date}</td>
                        <td className="py-1.5 pr-3">{tr(`orders.status.${o.status}`)}</td>
                        <td className="whitespace-nowrap py-1.5 text-right tabular-nums">{o.total}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>

          <Section title={tr("staff.detail.content")}>
            <Facts
              rows={(["articlesPublished", "articlesShared", "articlesDraft", "seminarsHeld", "seminarsUpcoming"] as const).map((k) => [
                tr(`staff.detail.content.${k}`),
                <span key={k} className="tabular-nums">{coop.content[k]}</span>,
              ])}
            />
          </Section>

          <Section title={tr("staff.detail.links")}>
            {coop.links.length === 0 ? (
              <p className="text-sm text-earth-600">{tr("staff.detail.links.none")}</p>
            ) : (
              <ul className="space-y-2">
                {coop.links.map((l) => (
                  <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                    <a href={`/centres/${l.id}`} className={linkClass}>
                      {l.name}
                    </a>
                    <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${l.status === "confirmed" ? "bg-leaf-100 text-leaf-900" : "bg-turmeric-100 text-turmeric-800"}`}>
                      {tr(`staff.link.${l.status}`)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <FiguresOverTime locale={locale} months={months} />
        </div>

        <div className="space-y-6">
          <Section title={tr("staff.detail.health")}>
            <HealthPartList locale={locale} health={coop.health} />
          </Section>

          <Section title={tr("staff.actions.title")}>
            {coop.status === "pending" ? (
              <ActionForm
                locale={locale}
                intent="approve"
                lead={tr("staff.actions.approve.lead")}
                button={tr("staff.actions.approve")}
                error={actionData?.intent === "approve" ? formError : undefined}
                confirmError={actionData?.intent === "approve" ? fieldError("confirm") : undefined}
              />
            ) : null}
            {coop.status === "active" ? (
              <ActionForm
                locale={locale}
                intent="suspend"
                danger
                lead={tr("staff.actions.suspend.lead")}
                button={tr("staff.actions.suspend")}
                error={actionData?.intent === "suspend" ? formError : undefined}
                confirmError={actionData?.intent === "suspend" ? fieldError("confirm") : undefined}
              >
                <TextAreaField
                  label={tr("staff.actions.reason")}
                  hint={tr("staff.actions.reason.hint")}
                  name="reason"
                  rows={3}
                  maxLength={1000}
                  required
                  defaultValue={actionData?.intent === "suspend" ? actionData.reason : ""}
                  error={actionData?.intent === "suspend" ? fieldError("reason") : undefined}
                />
              </ActionForm>
            ) : null}
            {coop.status === "suspended" ? (
              <ActionForm
                locale={locale}
                intent="restore"
                lead={tr("staff.actions.restore.lead")}
                button={tr("staff.actions.restore")}
                error={actionData?.intent === "restore" ? formError : undefined}
                confirmError={actionData?.intent === "restore" ? fieldError("confirm") : undefined}
              />
            ) : null}
          </Section>

          <Section title={tr("staff.overview.coop.timeline.title")}>
            <CoopTimeline locale={locale} items={timeline} />
          </Section>
        </div>
      </div>
    </div>
  );
}
