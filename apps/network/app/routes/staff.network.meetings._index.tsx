import { formatDate, resolveLocale, t, translator } from "@coop/i18n";
import { Alert, linkClass, localized, primaryButtonClass, trpcCodeOf } from "@coop/ui";
import { data } from "react-router";
import type { Route } from "./+types/staff.network.meetings._index";
import { StaffPager } from "../components/staff/pager.tsx";
import { NetworkTabs } from "../components/staff/network-tabs.tsx";

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readQuery(url: URL) {
  const p = url.searchParams;
  const pageNumber = Number(p.get("page") ?? "1");
  const coop = p.get("coop") ?? "";
  return {
    coop: UUID.test(coop) ? coop : undefined,
    page: Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, 10_000) : 1,
  };
}
type Query = ReturnType<typeof readQuery>;

function hrefWith(query: Query, changes: Partial<Query>): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.coop) params.set("coop", next.coop);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/staff/network/meetings?${search}` : "/staff/network/meetings";
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const url = new URL(request.url);
  const query = readQuery(url);
  let result;
  try {
    result = await context.trpc.staff.meetings({ tenantId: query.coop, page: query.page, pageSize: PAGE_SIZE });
  } catch (error) {
    if (trpcCodeOf(error) === "NOT_FOUND") throw data(null, { status: 404 });
    throw error;
  }
  return {
    locale,
    query,
    saved: url.searchParams.get("saved") === "1",
    coop: result.coop ? { id: result.coop.id, name: localized(locale, result.coop.nameTh, result.coop.nameEn) } : null,
    total: result.total,
    pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
    meetings: result.items.map((m) => ({
      id: m.id,
      tenantId: m.tenantId,
      coopName: localized(locale, m.tenantNameTh, m.tenantNameEn),
      centreId: m.centreId,
      centreName: m.centreNameTh,
      heldOn: formatDate(m.heldOn, locale, "long"),
      place: m.place,
      attendees: m.attendees,
      attendeeCount: m.attendeeCount,
      minutes: m.minutes,
      outcomes: m.outcomes,
      recordedBy: m.recordedByName,
      recordedByStaff: m.recordedByStaff,
    })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  return [{ title: `${t(locale, "staff.network.meetings.title")} | ${t(locale, "staff.meta.title")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffNetworkMeetings({ loaderData }: Route.ComponentProps) {
  const { locale, query, saved, coop, total, pages, meetings } = loaderData;
  const tr = translator(locale);
  return (
    <div className="container-page py-8">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("staff.network.title")}</h1>
      <p className="mt-2 max-w-prose text-earth-700">{tr("staff.network.lead")}</p>
      <NetworkTabs locale={locale} />

      {saved ? (
        <Alert tone="success" className="mt-6">
          {tr("staff.network.meetings.saved")}
        </Alert>
      ) : null}

      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-xl font-semibold text-earth-900">{tr("staff.network.meetings.title")}</h2>
          {coop ? (
            <p className="mt-1 flex flex-wrap gap-2 text-sm text-earth-800">
              {tr("staff.network.filter.coop", { name: coop.name })}
              <a href={hrefWith(query, { coop: undefined, page: 1 })} className={linkClass}>
                {tr("staff.network.filter.allCoops")}
              </a>
            </p>
          ) : null}
        </div>
        <a href={coop ? `/staff/network/meetings/new?coop=${coop.id}` : "/staff/network/meetings/new"} className={primaryButtonClass}>
          {tr("staff.network.meetings.record")}
        </a>
      </div>

      <p className="mt-4 text-sm text-earth-600" aria-live="polite">
        {tr("staff.network.meetings.count", { count: total })}
      </p>

      {meetings.length === 0 ? (
        <p className="mt-4 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">{tr("staff.network.meetings.empty")}</p>
      ) : (
        <ol className="mt-4 space-y-3">
          {meetings.map((m) => (
            <li key={m.id} className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs [overflow-wrap:anywhere] sm:p-5" data-testid="network-meeting">
              <p className="text-sm font-semibold text-leaf-800">{m.heldOn}</p>
              <p className="mt-1 text-earth-900">
                <a href={`/staff/coops/${m.tenantId}`} className={linkClass}>
                  {m.coopName}
                </a>{" "}
                {tr("staff.network.meetings.with")}{" "}
                <a href={`/centres/${m.centreId}`} lang="th" className={linkClass}>
                  {m.centreName}
                </a>
              </p>
              <p lang="th" className="mt-1 text-sm text-earth-700">
                {m.place}
                {m.attendeeCount !== null ? ` · ${tr("directory.admin.peopleCount", { count: m.attendeeCount })}` : ""}
              </p>
              <p lang="th" className="mt-1 text-sm text-earth-700">
                <span className="font-medium">{tr("directory.admin.attendees")}:</span> {m.attendees}
              </p>
              {m.outcomes ? (
                <p className="mt-2 text-sm text-earth-800">
                  <span className="font-medium">{tr("directory.admin.outcomes")}:</span> <span lang="th" className="whitespace-pre-line">{m.outcomes}</span>
                </p>
              ) : null}
              {m.minutes ? (
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer font-medium text-leaf-800">{tr("directory.admin.minutes")}</summary>
                  <p lang="th" className="mt-1 whitespace-pre-line text-earth-800">{m.minutes}</p>
                </details>
              ) : null}
              {m.recordedBy ? (
                <p className="mt-2 text-xs text-earth-600">
                  {m.recordedByStaff
                    ? tr("staff.network.meetings.recordedByStaff", { name: m.recordedBy })
                    : tr("staff.network.meetings.recordedByCoop", { name: m.recordedBy })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}

      <StaffPager locale={locale} page={query.page} pages={pages} hrefFor={(page) => hrefWith(query, { page })} />
    </div>
  );
}
