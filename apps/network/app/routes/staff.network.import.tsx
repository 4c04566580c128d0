import { type Locale, resolveLocale, t, translator } from "@coop/i18n";
import { Alert, formErrors, linkClass, primaryButtonClass, secondaryButtonClass, SubmitButton, text, TextAreaField, translateKey } from "@coop/ui";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/staff.network.import";
import sampleCsv from "../../../../docs/data/learning-centres-sample.csv?raw";
import { NetworkTabs } from "../components/staff/network-tabs.tsx";

/** The import's own cap is 2 MB (core's CENTRE_CSV_MAX_BYTES); a request far bigger is refused before it is read. */
const MAX_REQUEST_BYTES = 2 * 1024 * 1024 + 256 * 1024;
/** Rows of the dry-run table shown (the counts above it cover every row). */
const PREVIEW_ROWS = 300;

const formatNumber = (value: number, locale: Locale) => new Intl.NumberFormat(locale === "th" ? "th-TH" : "en-GB").format(value);

const SAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${sampleCsv}`)}`;

export async function loader({ request }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const p = new URL(request.url).searchParams;
  const count = (name: string) => {
    const value = p.get(name);
    const n = Number(value);
    return value !== null && /^\d{1,7}$/.test(value) && Number.isInteger(n) ? n : null;
  };
  const created = count("created");
  const updated = count("updated");
  return { locale, imported: created !== null && updated !== null ? { created, updated } : null };
}

interface ImportError {
  row: number;
  column: string | null;
  key: string;
  params?: Record<string, string | number>;
}

function refusal(key: string, params: Record<string, string | number> = {}, pasted = "") {
  return data({ csv: "", pasted, fileName: null, report: null, errors: [{ row: 0, column: null, key, params }] as ImportError[], truncated: false }, { status: 400 });
}

export async function action({ request, context }: Route.ActionArgs) {
  if (Number(request.headers.get("content-length") ?? "0") > MAX_REQUEST_BYTES) return refusal("directory.import.too_large", { max: 2 });
  const form = await request.formData();
  const intent = text(form, "intent") === "import" ? "import" : "check";
  let csv = text(form, "csv");
  let fileName: string | null = null;
  const file = form.get("file");
  if (intent === "check" && file instanceof File && file.size > 0) {
    if (file.size > MAX_REQUEST_BYTES) return refusal("directory.import.too_large", { max: 2 });
    csv = await file.text();
    fileName = file.name.slice(0, 200);
  }
  if (csv.trim() === "") return refusal("staff.network.import.noInput");
  // Pasted text is shown again after a refusal so it can be corrected; a file is chosen again instead.
  const pasted = fileName === null && intent === "check" ? csv : "";
  let report;
  try {
    report = await context.trpc.staff.importCentres({ csv, dryRun: intent === "check" });
  } catch (error) {
    const refused = formErrors(error);
    return refusal(refused.fields.csv ?? refused.formError ?? "validation.invalid", refused.fields.csv === "directory.import.too_large" ? { max: 2 } : refused.params, pasted);
  }
  if (report.ok && !report.dryRun) {
    return redirect(`/staff/network/import?created=${report.created}&updated=${report.updated}`, { headers: { "Cache-Control": "no-store" } });
  }
  return data(
    {
      // The checked file travels back with the page so that "นำเข้า" imports exactly what was checked.
      csv: report.ok ? csv : "",
      pasted: report.ok ? "" : pasted,
      fileName,
      report: { ok: report.ok, rows: report.rows, created: report.created, updated: report.updated, preview: report.preview.slice(0, PREVIEW_ROWS) },
      errors: report.errors as ImportError[],
      truncated: report.errorsTruncated,
    },
    { status: report.ok ? 200 : 400 },
  );
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  return [{ title: `${t(locale, "staff.network.import.title")} | ${t(locale, "staff.meta.title")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffNetworkImport({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, imported } = loaderData;
  const tr = translator(locale);
  const report = actionData?.report ?? null;
  const errors = actionData?.errors ?? [];
  const n = (value: number) => formatNumber(value, locale);
  return (
    <div className="container-page py-8">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("staff.network.title")}</h1>
      <p className="mt-2 max-w-prose text-earth-700">{tr("staff.network.lead")}</p>
      <NetworkTabs locale={locale} />

      <h2 className="mt-6 text-xl font-semibold text-earth-900">{tr("staff.network.import.title")}</h2>
      <p className="mt-1 max-w-prose text-earth-700">{tr("staff.network.import.lead")}</p>

      {imported ? (
        <Alert tone="success" className="mt-4">
          {tr("staff.network.import.done", { created: n(imported.created), updated: n(imported.updated) })}
        </Alert>
      ) : null}

      <div className="mt-6 grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Form method="post" encType="multipart/form-data" className="space-y-5 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6">
          <div>
            <label htmlFor="centres-file" className="mb-1.5 block font-medium text-earth-900">
              {tr("staff.network.import.file")}
            </label>
            <input
              id="centres-file"
              type="file"
              name="file"
              accept=".csv,text/csv"
              aria-describedby="centres-file-hint"
              className="block w-full text-sm text-earth-800 file:mr-3 file:rounded-full file:border file:border-earth-300 file:bg-white file:px-4 file:py-2 file:font-semibold file:text-earth-800 hover:file:bg-earth-100"
            />
            <p id="centres-file-hint" className="mt-1.5 text-sm text-earth-600">
              {tr("staff.network.import.fileHint")}
            </p>
          </div>
          <TextAreaField
            label={tr("staff.network.import.paste")}
            hint={tr("staff.network.import.pasteHint")}
            name="csv"
            rows={6}
            className="[&_textarea]:text-sm"
            defaultValue={actionData?.pasted ?? ""}
          />
          <SubmitButton intent="check" className={secondaryButtonClass} pendingLabel={tr("staff.network.import.checking")}>
            {tr("staff.network.import.check")}
          </SubmitButton>
        </Form>

        <aside className="rounded-2xl border border-earth-200 bg-white p-4 text-sm text-earth-800 shadow-xs sm:p-6">
          <h3 className="font-semibold text-earth-900">{tr("staff.network.import.formatTitle")}</h3>
          <p className="mt-2">{tr("staff.network.import.formatRequired")}</p>
          <p className="mt-1 break-words font-mono text-xs text-earth-700">code, name_th, province, district_th</p>
          <p className="mt-2">{tr("staff.network.import.formatOptional")}</p>
          <p className="mt-1 break-words font-mono text-xs text-earth-700">
            name_en, subdistrict_th, main_crops, model_farmer_name, phone, address, description_th, latitude, longitude
          </p>
          <p className="mt-2">{tr("staff.network.import.formatRules")}</p>
          <p className="mt-3">
            <a href={SAMPLE_HREF} download="learning-centres-sample.csv" className={linkClass}>
              {tr("staff.network.import.sample")}
            </a>
            <span className="block text-xs text-earth-600">docs/data/learning-centres-sample.csv</span>
          </p>
        </aside>
      </div>

      {errors.length > 0 ? (
        <section aria-labelledby="import-errors" className="mt-8">
          <Alert tone="error" title={<span id="import-errors">{tr("staff.network.import.errorsTitle", { count: n(errors.length) })}</span>}>
            {tr("staff.network.import.errorsLead")}
          </Alert>
          <div className="mt-4 overflow-x-auto rounded-2xl border border-earth-200 bg-white shadow-xs">
            <table className="w-full text-left text-sm">
              <thead className="bg-earth-100 text-earth-800">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.network.import.row")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.network.import.column")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.network.import.problem")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-earth-100">
                {errors.map((e, i) => (
                  <tr key={`${e.row}-${e.column ?? ""}-${i}`} className="align-top">
                    <td className="whitespace-nowrap px-4 py-2.5 text-earth-900">{e.row > 0 ? n(e.row) : tr("staff.network.import.wholeFile")}</td>
                    <td className="whitespace-nowrap px-4 py-2.5 font-mono text-xs text-earth-800">{e.column ?? "—"}</td>
                    <td className="px-4 py-2.5 text-earth-900 [overflow-wrap:anywhere]">{translateKey(locale, e.key, e.params)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {actionData?.truncated ? <p className="mt-2 text-sm text-earth-600">{tr("staff.network.import.errorsTruncated")}</p> : null}
        </section>
      ) : null}

      {report?.ok ? (
        <section aria-labelledby="import-preview" className="mt-8">
          <Alert tone="info" title={<span id="import-preview">{tr("staff.network.import.previewTitle")}</span>}>
            {actionData?.fileName ? <span className="block font-mono text-xs">{actionData.fileName}</span> : null}
            {tr("staff.network.import.previewSummary", { rows: n(report.rows), created: n(report.created), updated: n(report.updated) })}
          </Alert>
          <div className="mt-4 overflow-x-auto rounded-2xl border border-earth-200 bg-white shadow-xs">
            <table className="w-full text-left text-sm">
              <thead className="bg-earth-100 text-earth-800">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.network.import.row")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.network.import.code")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.network.import.name")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.network.import.result")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-earth-100">
                {report.preview.map((r) => (
                  <tr key={r.row}>
                    <td className="whitespace-nowrap px-4 py-2.5 text-earth-900">{n(r.row)}</td>
                    <td className="whitespace-nowrap px-4 py-2.5 font-mono text-xs text-earth-800">{r.code}</td>
                    <td lang="th" className="px-4 py-2.5 text-earth-900 [overflow-wrap:anywhere]">{r.nameTh}</td>
                    <td className="whitespace-nowrap px-4 py-2.5">
                      <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${r.action === "create" ? "bg-leaf-50 text-leaf-800 ring-leaf-600/30" : "bg-earth-100 text-earth-800 ring-earth-300"}`}>
                        {tr(r.action === "create" ? "staff.network.import.create" : "staff.network.import.update")}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.rows > report.preview.length ? (
            <p className="mt-2 text-sm text-earth-600">{tr("staff.network.import.previewMore", { count: n(report.rows - report.preview.length) })}</p>
          ) : null}
          <Form method="post" className="mt-6 flex flex-wrap items-center gap-3">
            <input type="hidden" name="csv" value={actionData?.csv ?? ""} />
            <SubmitButton intent="import" className={primaryButtonClass} pendingLabel={tr("staff.network.import.importing")}>
              {tr("staff.network.import.submit")}
            </SubmitButton>
            <p className="text-sm text-earth-600">{tr("staff.network.import.submitHint")}</p>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
