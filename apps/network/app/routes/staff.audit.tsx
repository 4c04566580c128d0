import { formatDate, type Locale, resolveLocale, t, translator } from "@coop/i18n";
import { Alert, type FormErrors, formErrors, linkClass, localized, primaryButtonClass, SelectField, TextField, translateKey } from "@coop/ui";
import { data } from "react-router";
import { StaffPager } from "../components/staff/pager.tsx";
import type { Route } from "./+types/staff.audit";

// URL /staff/audit: the staff audit log, for platform administrators. Other staff get a plain
// "administrators only" page (403), never an error page.

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Actions with a label; any other is shown as recorded. */
const KNOWN_ACTIONS = ["coop.approve", "coop.suspend", "coop.restore", "staff.grant"] as const;

/** The query string as typed (core validates it); the page number is read defensively. */
function readQuery(url: URL) {
  const p = url.searchParams;
  const page = Number(p.get("page") ?? "1");
  const tenantId = (p.get("coop") ?? "").trim();
  return {
    action: (p.get("action") ?? "").trim().slice(0, 60),
    actor: (p.get("actor") ?? "").trim().slice(0, 200),
    from: (p.get("from") ?? "").trim().slice(0, 20),
    to: (p.get("to") ?? "").trim().slice(0, 20),
    coop: UUID.test(tenantId) ? tenantId : "",
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, 10_000) : 1,
  };
}
type Query = ReturnType<typeof readQuery>;

function hrefWith(query: Query, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["action", "actor", "from", "to", "coop"] as const) if (query[key]) params.set(key, query[key]);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/staff/audit?${search}` : "/staff/audit";
}

function actionLabel(locale: Locale, action: string): string {
  return (KNOWN_ACTIONS as readonly string[]).includes(action) ? t(locale, `staff.audit.action.${action as (typeof KNOWN_ACTIONS)[number]}`) : action;
}

/** What the entry's detail says that a reader needs: the reason of a suspension, what a grant gave. */
function detailText(locale: Locale, action: string, detail: Record<string, unknown>): string | null {
  if (typeof detail.reason === "string" && detail.reason) return t(locale, "staff.audit.reason", { reason: detail.reason });
  if (action === "staff.grant") {
    const parts: string[] = [];
    if (detail.admin === true) parts.push(t(locale, "staff.audit.grant.admin"));
    if (Array.isArray(detail.regionIds) && detail.regionIds.length > 0) parts.push(t(locale, "staff.audit.grant.regions", { regions: detail.regionIds.join(", ") }));
    return parts.join(" · ") || null;
  }
  return null;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const query = readQuery(new URL(request.url));
  const me = await context.trpc.staff.me();
  // The console layout has already sent anyone who is not staff to the sign-in page.
  if (!me?.isAdmin) return data({ locale, adminOnly: true as const }, { status: 403 });
  const regionNames = new Map(me.regions.map((r) => [r.id, localized(locale, r.nameTh, r.nameEn)]));
  const base = { locale, adminOnly: false as const, query };
  try {
    const log = await context.trpc.staff.auditLog({
      action: query.action, actor: query.actor, from: query.from, to: query.to, tenantId: query.coop, page: query.page, pageSize: PAGE_SIZE,
    });
    return {
      ...base,
      errors: null as FormErrors | null,
      actions: log.actions.map((a) => ({ value: a, label: actionLabel(locale, a) })),
      total: log.total,
      pages: Math.max(1, Math.ceil(log.total / PAGE_SIZE)),
      coopName: query.coop ? (log.items.find((i) => i.tenantId === query.coop)?.tenantNameTh ?? query.coop) : null,
      entries: log.items.map((e) => ({
        id: e.id,
        when: formatDate(e.createdAt, locale, "datetime"),
        who: e.actorName ?? e.actorEmail,
        email: e.actorEmail,
        action: actionLabel(locale, e.action),
        coop: e.tenantId ? { id: e.tenantId, name: e.tenantNameTh ?? e.tenantSlug ?? e.tenantId } : null,
        region: e.regionId ? (regionNames.get(e.regionId) ?? String(e.regionId)) : null,
        detail: detailText(locale, e.action, e.detail),
      })),
    };
  } catch (error) {
    return data({ ...base, errors: formErrors(error), actions: [], total: 0, pages: 1, coopName: null, entries: [] }, { status: 400 });
  }
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  return [{ title: `${t(locale, "staff.audit.title")} | ${t(locale, "staff.meta.title")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffAudit({ loaderData }: Route.ComponentProps) {
  const { locale } = loaderData;
  const tr = translator(locale);
  if (loaderData.adminOnly) {
    return (
      <div className="container-page py-8">
        <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("staff.audit.title")}</h1>
        <Alert tone="info" title={tr("staff.audit.adminsOnly.title")} className="mt-6 max-w-prose">
          <p>{tr("staff.audit.adminsOnly.body")}</p>
        </Alert>
      </div>
    );
  }
  const { query, errors, actions, total, pages, coopName, entries } = loaderData;
  const fieldError = (name: string) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);
  const filtered = Boolean(query.action || query.actor || query.from || query.to || query.coop);
  return (
    <div className="container-page py-8">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("staff.audit.title")}</h1>
      <p className="mt-2 max-w-prose text-earth-700">{tr("staff.audit.lead")}</p>

      <form
        method="get"
        action="/staff/audit"
        aria-label={tr("staff.audit.filter.label")}
        className="mt-6 grid gap-4 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-5"
      >
        {query.coop ? <input type="hidden" name="coop" value={query.coop} /> : null}
        <SelectField label={tr("staff.audit.filter.action")} name="action" defaultValue={query.action} error={fieldError("action")}>
          <option value="">{tr("staff.filter.all")}</option>
          {actions.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </SelectField>
        <TextField label={tr("staff.audit.filter.actor")} name="actor" defaultValue={query.actor} maxLength={200} error={fieldError("actor")} />
        <TextField label={tr("staff.audit.filter.from")} name="from" type="date" defaultValue={query.from} error={fieldError("from")} />
        <TextField label={tr("staff.audit.filter.to")} name="to" type="date" defaultValue={query.to} error={fieldError("to")} />
        <div className="flex items-end gap-3">
          <button type="submit" className={`${primaryButtonClass} w-full`}>
            {tr("staff.filter.submit")}
          </button>
        </div>
      </form>

      <div className="mt-6 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-earth-700">
        <p aria-live="polite" data-testid="audit-count">
          {tr("staff.audit.count", { count: total })}
        </p>
        {coopName ? <p className="rounded-full bg-leaf-100 px-3 py-1 text-leaf-900">{tr("staff.audit.filter.coop", { coop: coopName })}</p> : null}
        {filtered ? (
          <a href="/staff/audit" className={linkClass}>
            {tr("staff.filter.clear")}
          </a>
        ) : null}
      </div>

      {errors?.formError ? (
        <Alert tone="error" className="mt-4">
          <p>{translateKey(locale, errors.formError, errors.params)}</p>
        </Alert>
      ) : null}

      {entries.length === 0 ? (
        <p className="mt-4 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">{tr("staff.audit.empty")}</p>
      ) : (
        <>
          {/* Phones: one card per entry. */}
          <ul className="mt-4 space-y-3 md:hidden">
            {entries.map((e) => (
              <li key={e.id} className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs">
                <p className="font-semibold text-earth-900">{e.action}</p>
                <p className="mt-1 text-sm text-earth-600">{e.when}</p>
                <p className="mt-1 text-sm text-earth-800">{e.who ?? tr("staff.audit.deletedUser")}</p>
                {e.coop ? (
                  <p className="mt-1 text-sm">
                    <a href={`/staff/coops/${e.coop.id}`} className={linkClass}>
                      {e.coop.name}
                    </a>
                    {e.region ? <span className="text-earth-600"> · {e.region}</span> : null}
                  </p>
                ) : null}
                {e.detail ? <p className="mt-2 rounded-lg bg-earth-50 px-3 py-2 text-sm text-earth-800">{e.detail}</p> : null}
              </li>
            ))}
          </ul>
          {/* Wider screens: a table. */}
          <div className="mt-4 hidden overflow-x-auto rounded-2xl border border-earth-200 bg-white shadow-xs md:block">
            <table className="w-full text-left text-sm">
              <thead className="bg-earth-100 text-earth-800">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.audit.col.when")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.audit.col.who")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.audit.col.action")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.audit.col.coop")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.audit.col.region")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.audit.col.detail")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-earth-100">
                {entries.map((e) => (
                  <tr key={e.id} className="align-top">
                    <td className="whitespace-nowrap px-4 py-3 text-earth-700">{e.when}</td>
                    <td className="px-4 py-3 text-earth-900">
                      {e.who ?? tr("staff.audit.deletedUser")}
                      {e.email && e.email !== e.who ? <span className="block text-xs text-earth-600">{e.email}</span> : null}
                    </td>
                    <td className="px-4 py-3 font-medium text-earth-900">{e.action}</td>
                    <td className="px-4 py-3">
                      {e.coop ? (
                        <a href={`/staff/coops/${e.coop.id}`} className={linkClass}>
                          {e.coop.name}
                        </a>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="px-4 py-3 text-earth-700">{e.region ?? "—"}</td>
                    <td className="max-w-xs break-words px-4 py-3 text-earth-800">{e.detail ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <StaffPager locale={locale} page={query.page} pages={pages} hrefFor={(page) => hrefWith(query, page)} />
    </div>
  );
}
