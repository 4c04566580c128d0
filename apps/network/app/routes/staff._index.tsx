import { formatDate, resolveLocale, t, translator } from "@coop/i18n";
import { linkClass, localized, primaryButtonClass, SelectField } from "@coop/ui";
import { StaffPager } from "../components/staff/pager.tsx";
import type { Route } from "./+types/staff._index";
import { HealthExplanation, HealthPartList, ScoreBadge } from "../components/staff/Health.tsx";
import { StatusBadge } from "../components/staff/StatusBadge.tsx";

const PAGE_SIZE = 20;
const STATUSES = ["pending", "active", "suspended"] as const;
const COMPLETENESS = ["complete", "incomplete"] as const;
const ACTIVITY = ["active", "inactive"] as const;
const SORTS = ["name", "score", "last_activity", "province", "created"] as const;
const DIRECTIONS = ["asc", "desc"] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

/** The query string, read defensively: anything unknown is ignored rather than an error page. */
function readQuery(url: URL) {
  const p = url.searchParams;
  const provinceNumber = Number(p.get("province") ?? "");
  const pageNumber = Number(p.get("page") ?? "1");
  return {
    province: Number.isInteger(provinceNumber) && provinceNumber >= 1 && provinceNumber <= 99 ? provinceNumber : undefined,
    status: oneOf(STATUSES, p.get("status")),
    completeness: oneOf(COMPLETENESS, p.get("completeness")),
    activity: oneOf(ACTIVITY, p.get("activity")),
    sort: oneOf(SORTS, p.get("sort")) ?? "name",
    direction: oneOf(DIRECTIONS, p.get("direction")) ?? "asc",
    page: Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, 10_000) : 1,
  };
}
type Query = ReturnType<typeof readQuery>;

function hrefWith(query: Query, page: number): string {
  const params = new URLSearchParams();
  if (query.province) params.set("province", String(query.province));
  if (query.status) params.set("status", query.status);
  if (query.completeness) params.set("completeness", query.completeness);
  if (query.activity) params.set("activity", query.activity);
  if (query.sort !== "name") params.set("sort", query.sort);
  if (query.direction !== "asc") params.set("direction", query.direction);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/staff?${search}` : "/staff";
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const query = readQuery(new URL(request.url));
  const [me, result] = await Promise.all([
    context.trpc.staff.me(),
    context.trpc.staff.list({
      provinceCode: query.province, status: query.status, completeness: query.completeness, activity: query.activity,
      sort: query.sort, direction: query.direction, page: query.page, pageSize: PAGE_SIZE,
    }),
  ]);
  return {
    locale,
    query,
    provinces: (me?.provinces ?? []).map((p) => ({ code: p.code, label: localized(locale, p.nameTh, p.nameEn) })),
    total: result.total,
    pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
    coops: result.items.map((c) => ({
      id: c.id,
      name: localized(locale, c.nameTh, c.nameEn),
      province: localized(locale, c.province.nameTh, c.province.nameEn),
      status: c.status,
      health: { score: c.health.score, parts: c.health.parts, missing: c.health.missing },
      lastActivity: c.health.lastActivityAt ? formatDate(c.health.lastActivityAt, locale) : null,
    })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  return [{ title: `${t(locale, "staff.list.title")} | ${t(locale, "staff.meta.title")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffCoops({ loaderData }: Route.ComponentProps) {
  const { locale, query, provinces, total, pages, coops } = loaderData;
  const tr = translator(locale);
  const filtered = Boolean(query.province || query.status || query.completeness || query.activity);
  return (
    <div className="container-page py-8">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("staff.list.title")}</h1>
      <p className="mt-2 max-w-prose text-earth-700">{tr("staff.list.lead")}</p>

      <form
        method="get"
        action="/staff"
        aria-label={tr("staff.filter.label")}
        className="mt-6 grid gap-4 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-4"
      >
        <SelectField label={tr("staff.filter.province")} name="province" defaultValue={query.province ?? ""}>
          <option value="">{tr("staff.filter.all")}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={tr("staff.filter.status")} name="status" defaultValue={query.status ?? ""}>
          <option value="">{tr("staff.filter.all")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {tr(`staff.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={tr("staff.filter.completeness")} name="completeness" defaultValue={query.completeness ?? ""}>
          <option value="">{tr("staff.filter.all")}</option>
          {COMPLETENESS.map((c) => (
            <option key={c} value={c}>
              {tr(`staff.completeness.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={tr("staff.filter.activity")} name="activity" defaultValue={query.activity ?? ""}>
          <option value="">{tr("staff.filter.all")}</option>
          {ACTIVITY.map((a) => (
            <option key={a} value={a}>
              {tr(`staff.activity.${a}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={tr("staff.filter.sort")} name="sort" defaultValue={query.sort}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {tr(`staff.sort.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={tr("staff.filter.direction")} name="direction" defaultValue={query.direction}>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {tr(`staff.direction.${d}`)}
            </option>
          ))}
        </SelectField>
        <div className="flex items-end gap-3 sm:col-span-2">
          <button type="submit" className={primaryButtonClass}>
            {tr("staff.filter.submit")}
          </button>
          {filtered ? (
            <a href="/staff" className={linkClass}>
              {tr("staff.filter.clear")}
            </a>
          ) : null}
        </div>
      </form>

      <p className="mt-6 text-sm text-earth-600" aria-live="polite" data-testid="staff-count">
        {tr("staff.list.count", { count: total })}
      </p>

      {coops.length === 0 ? (
        <p className="mt-4 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">{tr("staff.list.empty")}</p>
      ) : (
        <>
          {/* Phones: one card per co-op. */}
          <ul className="mt-4 space-y-3 md:hidden">
            {coops.map((c) => (
              <li key={c.id} className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs">
                <div className="flex items-start justify-between gap-3">
                  <a href={`/staff/coops/${c.id}`} className={`${linkClass} text-lg`}>
                    {c.name}
                  </a>
                  <ScoreBadge locale={locale} score={c.health.score} />
                </div>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-earth-700">
                  {c.province} <StatusBadge locale={locale} status={c.status} />
                </p>
                <p className="mt-1 text-sm text-earth-600">
                  {tr("staff.table.lastActivity")}: {c.lastActivity ?? tr("staff.table.never")}
                </p>
                <div className="mt-3">
                  <HealthPartList locale={locale} health={c.health} compact />
                </div>
              </li>
            ))}
          </ul>
          {/* Wider screens: a table. */}
          <div className="mt-4 hidden overflow-x-auto rounded-2xl border border-earth-200 bg-white shadow-xs md:block">
            <table className="w-full text-left text-sm">
              <thead className="bg-earth-100 text-earth-800">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.table.name")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.table.province")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.table.status")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.table.score")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.table.parts")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{tr("staff.table.lastActivity")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-earth-100">
                {coops.map((c) => (
                  <tr key={c.id} className="align-top">
                    <td className="px-4 py-3">
                      <a href={`/staff/coops/${c.id}`} className={linkClass}>
                        {c.name}
                      </a>
                    </td>
                    <td className="px-4 py-3 text-earth-800">{c.province}</td>
                    <td className="px-4 py-3">
                      <StatusBadge locale={locale} status={c.status} />
                    </td>
                    <td className="px-4 py-3">
                      <ScoreBadge locale={locale} score={c.health.score} />
                    </td>
                    <td className="px-4 py-3">
                      <HealthPartList locale={locale} health={c.health} compact />
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-earth-700">{c.lastActivity ?? tr("staff.table.never")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <StaffPager locale={locale} page={query.page} pages={pages} hrefFor={(page) => hrefWith(query, page)} />

      <HealthExplanation locale={locale} />
    </div>
  );
}
