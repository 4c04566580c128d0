import { formatBaht, formatDate, type Locale, type MessageKey, resolveLocale, t, translator } from "@coop/i18n";
import { Alert, type FormErrors, formErrors, linkClass, localized, primaryButtonClass, secondaryButtonClass, SelectField, TextField, translateKey, trpcCodeOf } from "@coop/ui";
import { Fragment } from "react";
import { data } from "react-router";
import type { Route } from "./+types/staff.reports";

// The three activities' report (issue 6). This module also exports the query reading, the
// columns and the tables that the printable page (staff_.reports.print.tsx) and the CSV file
// (staff.reports.csv.tsx) use, so the three show the same figures under the same headings.
// It imports nothing server-only, so the other routes may import it.

/** The figures of one row, as staff.report returns them (a province, a region's subtotal or the total). */
export interface ReportFigures {
  coops: { active: number; pending: number; suspended: number; complete: number };
  products: number;
  orders: { placed: number; cancelled: number; refunded: number; kept: number; salesSatang: number };
  articles: { published: number; shared: number };
  links: { proposed: number; confirmed: number };
  meetings: { held: number; attendees: number };
  seminars: { held: number; registrants: number; harvest: number };
}

export interface ReportColumn {
  key: string;
  label: Extract<MessageKey, `staff.reports.col.${string}`>;
  /** Money columns hold satang. */
  money?: boolean;
  /** Detail kept to the CSV file, so the screen and the A4 page stay readable. */
  csvOnly?: boolean;
  value: (f: ReportFigures) => number;
}

/** The columns of each activity, in report order. */
export const ACTIVITIES: { title: Extract<MessageKey, `staff.reports.activity${string}`>; columns: ReportColumn[] }[] = [
  {
    title: "staff.reports.activity1",
    columns: [
      { key: "coopsActive", label: "staff.reports.col.coopsActive", value: (f) => f.coops.active },
      { key: "sitesComplete", label: "staff.reports.col.sitesComplete", value: (f) => f.coops.complete },
      { key: "coopsPending", label: "staff.reports.col.coopsPending", value: (f) => f.coops.pending },
      { key: "coopsSuspended", label: "staff.reports.col.coopsSuspended", value: (f) => f.coops.suspended },
      { key: "products", label: "staff.reports.col.products", value: (f) => f.products },
      { key: "ordersPlaced", label: "staff.reports.col.ordersPlaced", value: (f) => f.orders.placed },
      { key: "ordersCancelled", label: "staff.reports.col.ordersCancelled", csvOnly: true, value: (f) => f.orders.cancelled },
      { key: "ordersRefunded", label: "staff.reports.col.ordersRefunded", csvOnly: true, value: (f) => f.orders.refunded },
      { key: "ordersKept", label: "staff.reports.col.ordersKept", value: (f) => f.orders.kept },
      { key: "sales", label: "staff.reports.col.sales", money: true, value: (f) => f.orders.salesSatang },
      { key: "articlesPublished", label: "staff.reports.col.articlesPublished", value: (f) => f.articles.published },
      { key: "articlesShared", label: "staff.reports.col.articlesShared", value: (f) => f.articles.shared },
    ],
  },
  {
    title: "staff.reports.activity2",
    columns: [
      { key: "linksConfirmed", label: "staff.reports.col.linksConfirmed", value: (f) => f.links.confirmed },
      { key: "linksProposed", label: "staff.reports.col.linksProposed", value: (f) => f.links.proposed },
      { key: "meetingsHeld", label: "staff.reports.col.meetingsHeld", value: (f) => f.meetings.held },
      { key: "meetingAttendees", label: "staff.reports.col.meetingAttendees", value: (f) => f.meetings.attendees },
    ],
  },
  {
    title: "staff.reports.activity3",
    columns: [
      { key: "seminarsHeld", label: "staff.reports.col.seminarsHeld", value: (f) => f.seminars.held },
      { key: "registrants", label: "staff.reports.col.registrants", value: (f) => f.seminars.registrants },
      { key: "harvest", label: "staff.reports.col.harvest", value: (f) => f.seminars.harvest },
    ],
  },
];

const bangkokDay = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Bangkok", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * The report's query string, as typed: core validates it (a bad value is a message beside the
 * form, never an error page). Without dates, the current month so far (Bangkok days).
 */
export function readReportQuery(url: URL, now = new Date()) {
  const p = url.searchParams;
  const today = bangkokDay.format(now);
  return {
    region: (p.get("region") ?? "").trim().slice(0, 10),
    province: (p.get("province") ?? "").trim().slice(0, 10),
    from: (p.get("from") ?? "").trim().slice(0, 20) || `${today.slice(0, 8)}01`,
    to: (p.get("to") ?? "").trim().slice(0, 20) || today,
  };
}
export type ReportQuery = ReturnType<typeof readReportQuery>;

export const reportInput = (q: ReportQuery) => ({ regionId: q.region, provinceCode: q.province, from: q.from, to: q.to });

/** The same query for the CSV file and the printable page. */
export function reportSearch(q: ReportQuery): string {
  const params = new URLSearchParams();
  if (q.region) params.set("region", q.region);
  if (q.province) params.set("province", q.province);
  params.set("from", q.from);
  params.set("to", q.to);
  return params.toString();
}

export interface ReportView {
  from: string;
  to: string;
  regions: { id: number; name: string; provinces: { code: number; name: string; figures: ReportFigures }[]; subtotal: ReportFigures }[];
  total: ReportFigures;
}

interface ReportData {
  from: string;
  to: string;
  regions: { id: number; nameTh: string; nameEn: string; provinces: (ReportFigures & { provinceCode: number; nameTh: string; nameEn: string })[]; subtotal: ReportFigures }[];
  total: ReportFigures;
}

/** Only what the tables need, names in the reader's language. */
export function reportView(report: ReportData, locale: Locale): ReportView {
  const figures = (f: ReportFigures): ReportFigures => ({
    coops: f.coops, products: f.products, orders: f.orders, articles: f.articles, links: f.links, meetings: f.meetings, seminars: f.seminars,
  });
  return {
    from: report.from,
    to: report.to,
    regions: report.regions.map((r) => ({
      id: r.id,
      name: localized(locale, r.nameTh, r.nameEn),
      // Core orders provinces by Thai name; an English reader gets them in English alphabetical order.
      provinces: r.provinces
        .map((p) => ({ code: p.provinceCode, name: localized(locale, p.nameTh, p.nameEn), figures: figures(p) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
      subtotal: figures(r.subtotal),
    })),
    total: figures(report.total),
  };
}

export function formatCount(n: number, locale: Locale): string {
  return n.toLocaleString(locale === "th" ? "th-TH" : "en-US");
}

function cell(column: ReportColumn, f: ReportFigures, locale: Locale): string {
  const v = column.value(f);
  return column.money ? formatBaht(v, locale) : formatCount(v, locale);
}

/** The three activities as tables: a row per province, a subtotal per region, the grand total. */
export function ReportTables({ report, locale, print = false }: { report: ReportView; locale: Locale; print?: boolean }) {
  const tr = translator(locale);
  const th = print ? "border border-earth-400 px-2 py-1 font-semibold" : "px-3 py-2 font-semibold";
  const td = print ? "border border-earth-300 px-2 py-1" : "px-3 py-2";
  const sticky = print ? "" : "sticky left-0 z-10";
  const several = report.regions.length > 1;
  return (
    <div className={print ? "space-y-6" : "space-y-8"}>
      {ACTIVITIES.map((activity) => ({ title: activity.title, columns: activity.columns.filter((c) => !c.csvOnly) })).map((activity) => (
        <section key={activity.title} className="report-activity" aria-labelledby={`activity-${activity.title}`}>
          <h2 id={`activity-${activity.title}`} className={print ? "mb-2 text-base font-bold text-black" : "text-lg font-semibold text-earth-900"}>
            {tr(activity.title)}
          </h2>
          <div className={print ? "overflow-x-auto print:overflow-visible" : "mt-3 overflow-x-auto rounded-2xl border border-earth-200 bg-white shadow-xs"}>
            <table className={print ? "w-full border-collapse text-[9pt] text-black" : "w-full text-sm"}>
              <thead className={print ? "" : "bg-earth-100 text-earth-800"}>
                <tr>
                  <th scope="col" className={`${th} ${sticky} ${print ? "text-left" : "bg-earth-100 text-left"}`}>
                    {tr("staff.reports.col.province")}
                  </th>
                  {activity.columns.map((c) => (
                    <th key={c.key} scope="col" className={`${th} text-right align-bottom ${print ? "" : "min-w-[5.5rem]"}`}>
                      {tr(c.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className={print ? "" : "divide-y divide-earth-100"}>
                {report.regions.map((region) => (
                  <Fragment key={region.id}>
                    {/* With one region the heading names it and its subtotal is the total. */}
                    {several ? (
                      <tr className={print ? "bg-earth-100" : "bg-leaf-50"}>
                        <th scope="colgroup" colSpan={activity.columns.length + 1} className={`${td} text-left font-semibold text-leaf-900`}>
                          {region.name}
                        </th>
                      </tr>
                    ) : null}
                    {region.provinces.map((p) => (
                      <tr key={p.code}>
                        <th scope="row" className={`${td} ${sticky} whitespace-nowrap text-left font-normal ${print ? "" : "bg-white text-earth-900"}`}>
                          {p.name}
                        </th>
                        {activity.columns.map((c) => (
                          <td key={c.key} className={`${td} whitespace-nowrap text-right tabular-nums`}>
                            {cell(c, p.figures, locale)}
                          </td>
                        ))}
                      </tr>
                    ))}
                    {several ? (
                      <tr className={print ? "font-semibold" : "bg-earth-50 font-semibold"}>
                        <th scope="row" className={`${td} ${sticky} whitespace-nowrap text-left ${print ? "" : "bg-earth-50 text-earth-900"}`}>
                          {tr("staff.reports.row.subtotal")}
                        </th>
                        {activity.columns.map((c) => (
                          <td key={c.key} className={`${td} whitespace-nowrap text-right tabular-nums`}>
                            {cell(c, region.subtotal, locale)}
                          </td>
                        ))}
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
              <tfoot>
                <tr className={print ? "font-bold" : "border-t-2 border-earth-300 bg-leaf-100 font-bold text-leaf-900"}>
                  <th scope="row" className={`${td} ${sticky} whitespace-nowrap text-left ${print ? "" : "bg-leaf-100"}`}>
                    {tr("staff.reports.total")}
                  </th>
                  {activity.columns.map((c) => (
                    <td key={c.key} className={`${td} whitespace-nowrap text-right tabular-nums`}>
                      {cell(c, report.total, locale)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

/** "1 ต.ค. 2569 ถึง 31 ต.ค. 2569" (Buddhist era in Thai). */
export function rangeLabel(from: string, to: string, locale: Locale, style: "medium" | "long" = "medium"): string {
  return t(locale, "staff.reports.range", { from: formatDate(`${from}T12:00:00+07:00`, locale, style), to: formatDate(`${to}T12:00:00+07:00`, locale, style) });
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const query = readReportQuery(new URL(request.url));
  const me = await context.trpc.staff.me();
  const scope = {
    isAdmin: me?.isAdmin ?? false,
    regions: (me?.regions ?? []).map((r) => ({ id: r.id, label: localized(locale, r.nameTh, r.nameEn) })),
    provinces: (me?.provinces ?? []).map((p) => ({ code: p.code, regionId: p.regionId, label: localized(locale, p.nameTh, p.nameEn) })),
  };
  try {
    const report = await context.trpc.staff.report(reportInput(query));
    return { locale, query, scope, search: reportSearch(query), report: reportView(report, locale), errors: null as FormErrors | null };
  } catch (error) {
    const status = trpcCodeOf(error) === "NOT_FOUND" ? 404 : 400;
    return data({ locale, query, scope, search: null, report: null, errors: formErrors(error) }, { status });
  }
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  return [{ title: `${t(locale, "staff.reports.title")} | ${t(locale, "staff.meta.title")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffReports({ loaderData }: Route.ComponentProps) {
  const { locale, query, scope, search, report, errors } = loaderData;
  const tr = translator(locale);
  const fieldError = (name: string) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);
  const formError = errors?.formError ?? (errors && Object.keys(errors.fields).length === 0 ? "validation.invalid" : undefined);
  return (
    <div className="container-page py-8">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("staff.reports.title")}</h1>
      <p className="mt-2 max-w-prose text-earth-700">{tr("staff.reports.lead")}</p>

      <form
        method="get"
        action="/staff/reports"
        aria-label={tr("staff.reports.form.label")}
        className="mt-6 grid gap-4 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-6"
      >
        <SelectField label={tr("staff.reports.form.region")} name="region" defaultValue={query.region} error={fieldError("regionId")} className="lg:col-span-2">
          {scope.regions.length > 1 ? <option value="">{tr(scope.isAdmin ? "staff.reports.form.allRegionsAdmin" : "staff.reports.form.allRegions")}</option> : null}
          {scope.regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={tr("staff.reports.form.province")} name="province" defaultValue={query.province} error={fieldError("provinceCode")}>
          <option value="">{tr("staff.reports.form.allProvinces")}</option>
          {scope.regions.map((r) => (
            <optgroup key={r.id} label={r.label}>
              {scope.provinces
                .filter((p) => p.regionId === r.id)
                .map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <TextField label={tr("staff.reports.form.from")} name="from" type="date" defaultValue={query.from} required error={fieldError("from")} />
        <TextField label={tr("staff.reports.form.to")} name="to" type="date" defaultValue={query.to} required error={fieldError("to")} />
        <div className="flex items-end">
          <button type="submit" className={`${primaryButtonClass} w-full`}>
            {tr("staff.reports.form.submit")}
          </button>
        </div>
        <p className="-mt-2 text-sm text-earth-600 sm:col-span-2 lg:col-span-6">{tr("staff.reports.form.hint")}</p>
      </form>

      {formError ? (
        <Alert tone="error" title={tr("staff.reports.errors.title")} className="mt-6">
          <p>{translateKey(locale, formError, errors?.params)}</p>
        </Alert>
      ) : null}

      {report && search ? (
        <>
          <div className="mt-8 flex flex-wrap items-center justify-between gap-3">
            <p className="font-semibold text-earth-900" data-testid="report-range">
              {rangeLabel(report.from, report.to, locale)}
            </p>
            <div className="flex flex-wrap gap-2">
              <a href={`/staff/reports/csv?${search}`} className={secondaryButtonClass} download>
                {tr("staff.reports.csv")}
              </a>
              <a href={`/staff/reports/print?${search}`} className={secondaryButtonClass}>
                {tr("staff.reports.print")}
              </a>
            </div>
          </div>
          <p className="mt-2 max-w-prose text-sm text-earth-600">{tr("staff.reports.notes")}</p>
          {report.regions.length === 0 ? (
            <p className="mt-4 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">{tr("staff.reports.empty")}</p>
          ) : (
            <div className="mt-6">
              <ReportTables report={report} locale={locale} />
            </div>
          )}
        </>
      ) : (
        <p className="mt-6">
          <a href="/staff/reports" className={linkClass}>
            {tr("staff.filter.clear")}
          </a>
        </p>
      )}
    </div>
  );
}
