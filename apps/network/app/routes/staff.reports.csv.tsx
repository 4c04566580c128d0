import { type CsvColumn, csvDocument } from "@coop/core/csv";
import { resolveLocale, t } from "@coop/i18n";
import { formErrors, translateKey, trpcCodeOf } from "@coop/ui";
import { redirect } from "react-router";
import type { Route } from "./+types/staff.reports.csv";
import { ACTIVITIES, type ReportFigures, readReportQuery, reportInput, reportView } from "./staff.reports.tsx";

// URL /staff/reports/csv: the report as a CSV file (a resource route: no page, and the console
// layout's loader does not run, so this loader checks for staff itself). Written by the shared
// CSV writer (byte-order mark for Excel, formula-like cells defused), Thai headers by default.

interface CsvLine {
  region: string;
  province: string;
  kind: string;
  figures: ReportFigures;
}

const NO_STORE = { "Cache-Control": "private, no-store" };

export async function loader({ request, context }: Route.LoaderArgs) {
  const me = await context.trpc.staff.me();
  if (!me) throw redirect("/staff/sign-in", { headers: NO_STORE });
  const locale = resolveLocale(request);
  const query = readReportQuery(new URL(request.url));
  let report;
  try {
    report = reportView(await context.trpc.staff.report(reportInput(query)), locale);
  } catch (error) {
    // A refused query (bad dates, a region or province outside the scope) is a short message, never a 500.
    const code = trpcCodeOf(error);
    if (code !== "NOT_FOUND" && code !== "BAD_REQUEST") throw error;
    const refusal = formErrors(error);
    return new Response(translateKey(locale, refusal.formError ?? Object.values(refusal.fields)[0], refusal.params), {
      status: code === "NOT_FOUND" ? 404 : 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE },
    });
  }
  const lines: CsvLine[] = [];
  for (const region of report.regions) {
    for (const p of region.provinces) lines.push({ region: region.name, province: p.name, kind: t(locale, "staff.reports.row.province"), figures: p.figures });
    lines.push({ region: region.name, province: "", kind: t(locale, "staff.reports.row.subtotal"), figures: region.subtotal });
  }
  lines.push({ region: "", province: "", kind: t(locale, "staff.reports.row.total"), figures: report.total });
  const columns: CsvColumn<CsvLine>[] = [
    { header: t(locale, "staff.reports.col.region"), value: (l) => l.region },
    { header: t(locale, "staff.reports.col.province"), value: (l) => l.province },
    { header: t(locale, "staff.reports.col.rowKind"), value: (l) => l.kind },
    ...ACTIVITIES.flatMap((a) =>
      a.columns.map((c) => ({
        header: t(locale, c.label),
        // Baht with two decimals, as a spreadsheet reads a number (no currency sign, no separators).
        value: (l: CsvLine) => (c.money ? (c.value(l.figures) / 100).toFixed(2) : c.value(l.figures)),
      })),
    ),
  ];
  const region = query.region && /^\d+$/.test(query.region) ? `-region-${query.region}` : "";
  const filename = `activity-report${region}-${report.from}_${report.to}.csv`;
  return new Response(csvDocument(columns, lines), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "X-Content-Type-Options": "nosniff",
      ...NO_STORE,
    },
  });
}
