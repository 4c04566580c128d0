import { formatDate, type Locale, resolveLocale, t, translator } from "@coop/i18n";
import {
  Alert, dangerButtonClass, formErrors, type FormErrors, linkClass, localized, primaryButtonClass, secondaryButtonClass, SelectField, SubmitButton, text,
  TextAreaField, translateKey, trpcCodeOf,
} from "@coop/ui";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/staff.network._index";
import { StaffPager } from "../components/staff/pager.tsx";
import { NetworkTabs } from "../components/staff/network-tabs.tsx";

const PAGE_SIZE = 20;
const STATUSES = ["proposed", "confirmed", "declined"] as const;
type Status = (typeof STATUSES)[number];
const DECISIONS = ["confirmed", "declined"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The query string, read defensively: anything unknown is ignored rather than an error page. */
function readQuery(url: URL) {
  const p = url.searchParams;
  const provinceNumber = Number(p.get("province") ?? "");
  const pageNumber = Number(p.get("page") ?? "1");
  const coop = p.get("coop") ?? "";
  return {
    status: STATUSES.find((s) => s === p.get("status")) ?? "proposed",
    province: Number.isInteger(provinceNumber) && provinceNumber >= 1 && provinceNumber <= 99 ? provinceNumber : undefined,
    coop: UUID.test(coop) ? coop : undefined,
    page: Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, 10_000) : 1,
  };
}
type Query = ReturnType<typeof readQuery>;

function hrefWith(query: Query, changes: Partial<Query>): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.status !== "proposed") params.set("status", next.status);
  if (next.province) params.set("province", String(next.province));
  if (next.coop) params.set("coop", next.coop);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/staff/network?${search}` : "/staff/network";
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const url = new URL(request.url);
  const query = readQuery(url);
  let result;
  try {
    result = await context.trpc.staff.links({ status: query.status, tenantId: query.coop, provinceCode: query.province, page: query.page, pageSize: PAGE_SIZE });
  } catch (error) {
    // Another region's co-op (or none): the same answer as an unknown page.
    if (trpcCodeOf(error) === "NOT_FOUND") throw data(null, { status: 404 });
    throw error;
  }
  const me = await context.trpc.staff.me();
  const done = DECISIONS.find((d) => d === url.searchParams.get("done")) ?? null;
  return {
    locale,
    query,
    done,
    provinces: (me?.provinces ?? []).map((p) => ({ code: p.code, label: localized(locale, p.nameTh, p.nameEn) })),
    coop: result.coop ? { id: result.coop.id, name: localized(locale, result.coop.nameTh, result.coop.nameEn) } : null,
    counts: result.counts,
    total: result.total,
    pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
    links: result.items.map((l) => ({
      key: `${l.tenantId}:${l.centreId}`,
      tenantId: l.tenantId,
      centreId: l.centreId,
      coopName: localized(locale, l.tenantNameTh, l.tenantNameEn),
      coopProvince: localized(locale, l.tenantProvince.nameTh, l.tenantProvince.nameEn),
      centreName: localized(locale, l.centreNameTh, l.centreNameEn),
      centreCode: l.centreCode,
      centrePlace: t(locale, "directory.location", { district: l.centreDistrictTh, province: localized(locale, l.centreProvince.nameTh, l.centreProvince.nameEn) }),
      status: l.status,
      note: l.note,
      proposedAt: formatDate(l.proposedAt, locale),
      decidedAt: l.decidedAt ? formatDate(l.decidedAt, locale) : null,
      decidedBy: l.decidedByName,
      decisionNote: l.decisionNote,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const tenantId = text(form, "tenantId");
  const centreId = text(form, "centreId");
  const decision = DECISIONS.find((d) => d === text(form, "decision"));
  const note = text(form, "note");
  const key = `${tenantId}:${centreId}`;
  if (!decision) return data({ key, decision: null, note, errors: { formError: "staff.network.errors.decision", fields: {}, params: {} } as FormErrors }, { status: 400 });
  try {
    await context.trpc.staff.decideLink({ tenantId, centreId, decision, note: decision === "declined" ? note : null });
  } catch (error) {
    return data({ key, decision, note, errors: formErrors(error) }, { status: 400 });
  }
  // Back to the same list (filters and page kept), with a notice.
  const back = new URL(request.url);
  back.searchParams.delete("index");
  back.searchParams.set("done", decision);
  return redirect(`${back.pathname}?${back.searchParams.toString()}`, { headers: { "Cache-Control": "no-store" } });
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  return [{ title: `${t(locale, "staff.network.links.title")} | ${t(locale, "staff.meta.title")}` }, { name: "robots", content: "noindex" }];
};

const STATUS_CLASS = {
  proposed: "bg-turmeric-100 text-turmeric-800 ring-turmeric-800/20",
  confirmed: "bg-leaf-50 text-leaf-800 ring-leaf-600/30",
  declined: "bg-earth-100 text-earth-700 ring-earth-300",
} as const;

function StatusPill({ locale, status }: { locale: Locale; status: Status }) {
  return <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ${STATUS_CLASS[status]}`}>{t(locale, `directory.admin.status.${status}`)}</span>;
}

export default function StaffNetworkLinks({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, query, done, provinces, coop, counts, total, pages, links } = loaderData;
  const tr = translator(locale);
  const refusal = actionData && "key" in actionData ? actionData : null;
  const errorOf = (errors: FormErrors) => translateKey(locale, errors.formError ?? Object.values(errors.fields)[0], errors.params);
  const filtered = Boolean(query.province || query.coop);
  return (
    <div className="container-page py-8">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("staff.network.title")}</h1>
      <p className="mt-2 max-w-prose text-earth-700">{tr("staff.network.lead")}</p>
      <NetworkTabs locale={locale} />

      {done ? (
        <Alert tone="success" className="mt-6">
          {tr(done === "confirmed" ? "staff.network.links.doneConfirmed" : "staff.network.links.doneDeclined")}
        </Alert>
      ) : null}

      <div className="mt-6 flex flex-wrap gap-2" role="list" aria-label={tr("staff.network.links.statusLabel")}>
        {STATUSES.map((s) => (
          <a
            key={s}
            role="listitem"
            href={hrefWith(query, { status: s, page: 1 })}
            aria-current={query.status === s ? "page" : undefined}
            className={`rounded-full px-4 py-2 text-sm font-semibold ring-1 ${query.status === s ? "bg-leaf-700 text-white ring-leaf-700" : "bg-white text-earth-800 ring-earth-300 hover:bg-earth-100"}`}
          >
            {tr("staff.network.links.tab", { label: tr(`directory.admin.status.${s}`), count: counts[s] })}
          </a>
        ))}
      </div>

      <form method="get" action="/staff/network" aria-label={tr("staff.network.filter.label")} className="mt-4 flex flex-wrap items-end gap-3 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs">
        {query.status !== "proposed" ? <input type="hidden" name="status" value={query.status} /> : null}
        {query.coop ? <input type="hidden" name="coop" value={query.coop} /> : null}
        <SelectField label={tr("staff.network.filter.province")} name="province" defaultValue={query.province ?? ""} className="min-w-56 flex-1 sm:flex-none">
          <option value="">{tr("staff.filter.all")}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.label}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={secondaryButtonClass}>
          {tr("staff.filter.submit")}
        </button>
        {coop ? (
          <p className="flex w-full flex-wrap items-center gap-2 text-sm text-earth-800">
            {tr("staff.network.filter.coop", { name: coop.name })}
            <a href={hrefWith(query, { coop: undefined, page: 1 })} className={linkClass}>
              {tr("staff.network.filter.allCoops")}
            </a>
          </p>
        ) : null}
        {filtered ? (
          <a href={hrefWith({ ...query, province: undefined, coop: undefined }, { page: 1 })} className={`${linkClass} text-sm`}>
            {tr("staff.filter.clear")}
          </a>
        ) : null}
      </form>

      <p className="mt-6 text-sm text-earth-600" aria-live="polite" data-testid="network-count">
        {tr("staff.network.links.count", { count: total })}
      </p>

      {links.length === 0 ? (
        <p className="mt-4 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">
          {tr(`staff.network.links.empty.${query.status}`)}
        </p>
      ) : (
        <ul className="mt-4 space-y-3">
          {links.map((l) => {
            const mine = refusal?.key === l.key ? refusal : null;
            return (
              <li key={l.key} className="min-w-0 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-5" data-testid="network-link">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <a href={`/staff/coops/${l.tenantId}`} className={`${linkClass} text-lg`}>
                      {l.coopName}
                    </a>
                    <span className="ml-2 text-sm text-earth-600">{l.coopProvince}</span>
                    <p className="mt-1 text-earth-800">
                      {tr("staff.network.links.withCentre")}{" "}
                      <a href={`/centres/${l.centreId}`} className={linkClass}>
                        {l.centreName}
                      </a>{" "}
                      <span className="text-sm text-earth-600">({l.centreCode})</span>
                    </p>
                    <p className="mt-1 text-sm text-earth-600">
                      {l.centrePlace} · {tr("directory.admin.proposedAt", { date: l.proposedAt })}
                      {l.decidedAt
                        ? ` · ${l.decidedBy ? tr("staff.network.links.decided", { date: l.decidedAt, name: l.decidedBy }) : tr("directory.admin.decidedAt", { date: l.decidedAt })}`
                        : ""}
                    </p>
                  </div>
                  <StatusPill locale={locale} status={l.status} />
                </div>
                {l.note ? (
                  <blockquote className="mt-3 rounded-lg [overflow-wrap:anywhere] border-l-4 border-earth-300 bg-earth-50 px-3 py-2 text-sm text-earth-800">
                    <span className="font-medium">{tr("staff.network.links.note")}:</span> <span lang="th">{l.note}</span>
                  </blockquote>
                ) : null}
                {l.decisionNote ? (
                  <blockquote className="mt-3 rounded-lg [overflow-wrap:anywhere] border-l-4 border-leaf-600/40 bg-leaf-50 px-3 py-2 text-sm text-earth-800">
                    <span className="font-medium">{tr("staff.network.links.decisionNote")}:</span> <span lang="th">{l.decisionNote}</span>
                  </blockquote>
                ) : null}
                {mine ? (
                  <Alert tone="error" className="mt-3">
                    {errorOf(mine.errors)}
                  </Alert>
                ) : null}
                {l.status === "proposed" ? (
                  <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-start">
                    <Form method="post">
                      <input type="hidden" name="tenantId" value={l.tenantId} />
                      <input type="hidden" name="centreId" value={l.centreId} />
                      <input type="hidden" name="decision" value="confirmed" />
                      {/* The intent only tells this button apart for its pending label; the action reads "decision". */}
                      <SubmitButton intent={`confirm:${l.key}`} className={primaryButtonClass} pendingLabel={tr("staff.actions.pending")}>
                        {tr("staff.network.links.confirm")}
                      </SubmitButton>
                    </Form>
                    <details className="group flex-1 rounded-xl border border-earth-200 px-3 py-2" open={mine?.decision === "declined" ? true : undefined}>
                      <summary className="cursor-pointer py-1 font-semibold text-clay-800">{tr("staff.network.links.decline")}</summary>
                      <Form method="post" className="mt-2 space-y-3">
                        <input type="hidden" name="tenantId" value={l.tenantId} />
                        <input type="hidden" name="centreId" value={l.centreId} />
                        <input type="hidden" name="decision" value="declined" />
                        <TextAreaField
                          label={tr("staff.network.links.reason")}
                          hint={tr("staff.network.links.reasonHint")}
                          optional={tr("directory.admin.optional")}
                          name="note"
                          rows={2}
                          maxLength={1000}
                          defaultValue={mine?.decision === "declined" ? mine.note : ""}
                          error={mine?.errors.fields.note ? translateKey(locale, mine.errors.fields.note, mine.errors.params) : undefined}
                        />
                        <SubmitButton intent={`decline:${l.key}`} className={dangerButtonClass} pendingLabel={tr("staff.actions.pending")}>
                          {tr("staff.network.links.declineSubmit")}
                        </SubmitButton>
                      </Form>
                    </details>
                  </div>
                ) : null}
                {l.status === "confirmed" ? (
                  <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                    <a href={`/staff/network/meetings/new?coop=${l.tenantId}`} className={linkClass}>
                      {tr("staff.network.meetings.record")}
                    </a>
                    <a href={`/staff/network/meetings?coop=${l.tenantId}`} className={linkClass}>
                      {tr("staff.network.links.meetingsOfCoop")}
                    </a>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}

      <StaffPager locale={locale} page={query.page} pages={pages} hrefFor={(page) => hrefWith(query, { page })} />
    </div>
  );
}
