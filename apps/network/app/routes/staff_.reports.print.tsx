import { formatDate, resolveLocale, t, translator } from "@coop/i18n";
import { formErrors, linkClass, primaryButtonClass, translateKey, trpcCodeOf, useHydrated } from "@coop/ui";
import { data, redirect } from "react-router";
import type { Route } from "./+types/staff_.reports.print";
import { rangeLabel, ReportTables, readReportQuery, reportInput, reportSearch, reportView } from "./staff.reports.tsx";

// URL /staff/reports/print: the report on a clean A4 page, outside the console layout (the
// trailing underscore), so this loader checks for staff itself. The site's header and footer
// are hidden when printing; table headers repeat on every page and rows never split.

const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff !important; }
  body > div > header, body > div > footer, body > div > a[href="#main"] { display: none !important; }
  .report-print { padding: 0 !important; max-width: none !important; }
  .report-print thead { display: table-header-group; }
  .report-print tfoot { display: table-row-group; }
  .report-print tr, .report-print th, .report-print td { break-inside: avoid; page-break-inside: avoid; }
  .report-print h2 { break-after: avoid; page-break-after: avoid; }
  .report-print .report-activity + .report-activity { break-before: auto; }
  .report-print .report-activity { break-inside: auto; }
}
`;

export async function loader({ request, context }: Route.LoaderArgs) {
  const me = await context.trpc.staff.me();
  if (!me) throw redirect("/staff/sign-in", { headers: { "Cache-Control": "no-store" } });
  const locale = resolveLocale(request);
  const query = readReportQuery(new URL(request.url));
  try {
    const report = reportView(await context.trpc.staff.report(reportInput(query)), locale);
    return {
      locale,
      search: reportSearch(query),
      report,
      // The heading names the region(s) the report covers.
      scopeLabel:
        report.regions.length === 1 ? report.regions[0]!.name : query.region === "" && me.isAdmin ? t(locale, "staff.reports.form.allRegionsAdmin") : t(locale, "staff.reports.scopeAll"),
      province: query.province && report.regions.length === 1 && report.regions[0]!.provinces.length === 1 ? report.regions[0]!.provinces[0]!.name : null,
      printedOn: formatDate(new Date(), locale, "datetime"),
      error: null,
    };
  } catch (error) {
    const code = trpcCodeOf(error);
    if (code !== "NOT_FOUND" && code !== "BAD_REQUEST") throw error;
    const refusal = formErrors(error);
    return data(
      { locale, search: reportSearch(query), report: null, scopeLabel: "", province: null, printedOn: "", error: translateKey(locale, refusal.formError ?? Object.values(refusal.fields)[0], refusal.params) },
      { status: code === "NOT_FOUND" ? 404 : 400 },
    );
  }
}

export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  return [{ title: `${t(locale, "staff.reports.title")} | ${t(locale, "staff.reports.department")}` }, { name: "robots", content: "noindex" }];
};

export default function PrintableReport({ loaderData }: Route.ComponentProps) {
  const { locale, search, report, scopeLabel, province, printedOn, error } = loaderData;
  const tr = translator(locale);
  const hydrated = useHydrated();
  return (
    <div className="report-print mx-auto max-w-[210mm] bg-white px-4 py-6 text-black sm:px-8">
      <style>{PRINT_CSS}</style>
      <div className="mb-6 flex flex-wrap items-center gap-3 print:hidden">
        <a href={`/staff/reports?${search}`} className={linkClass}>
          {tr("staff.reports.backToConsole")}
        </a>
        {/* Printing needs the browser's print dialog: offered once scripts run (Ctrl+P works without them). */}
        {hydrated ? (
          <button type="button" className={`${primaryButtonClass} ml-auto`} onClick={() => window.print()}>
            {tr("staff.reports.printNow")}
          </button>
        ) : null}
      </div>
      <div className="border-b-2 border-black pb-3 text-center">
        <p className="text-sm font-semibold">{tr("staff.reports.department")}</p>
        <p className="text-sm">{scopeLabel}{province ? ` · ${province}` : ""}</p>
        <h1 className="mt-2 text-xl font-bold">{tr("staff.reports.title")}</h1>
        {report ? <p className="mt-1 text-sm">{rangeLabel(report.from, report.to, locale, "long")}</p> : null}
      </div>
      {report ? (
        <>
          <div className="mt-5">
            <ReportTables report={report} locale={locale} print />
          </div>
          <p className="mt-5 text-[8pt] leading-relaxed text-earth-800">{tr("staff.reports.notes")}</p>
          <p className="mt-1 text-right text-[8pt] text-earth-800">{tr("staff.reports.printedOn", { date: printedOn })}</p>
        </>
      ) : (
        <p role="alert" className="mt-6 text-center">
          {error}
        </p>
      )}
    </div>
  );
}
