import { type Locale, resolveLocale, translator } from "@coop/i18n";
import { Link } from "react-router";
import { primaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/admin.seminars._index";
import { ChevronRightIcon } from "../components/admin/icons.tsx";
import { KnowledgeTabs } from "../components/admin/KnowledgeTabs.tsx";
import { PageHeader } from "../components/admin/PageHeader.tsx";
import { Pager } from "../components/admin/Pager.tsx";
import { SeminarStatusBadge } from "../components/admin/seminars/SeminarStatusBadge.tsx";
import type { AdminSeminarRow } from "../components/admin/seminars/values.ts";
import { seminarWhen } from "../components/seminars/format.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

const PAGE_SIZE = 20;
const STATUSES = ["draft", "published", "cancelled"] as const;
type StatusFilter = (typeof STATUSES)[number] | "";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("seminar.admin.title"));

function readQuery(url: URL): { status: StatusFilter; page: number } {
  const status = url.searchParams.get("status") ?? "";
  const page = Number(url.searchParams.get("page") ?? "1");
  return {
    status: (STATUSES as readonly string[]).includes(status) ? (status as StatusFilter) : "",
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

function listHref(query: { status: StatusFilter; page: number }): string {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/admin/seminars?${search}` : "/admin/seminars";
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const query = readQuery(new URL(request.url));
  const list = await orRespond(
    request,
    context.trpc.seminarsAdmin.list({ ...(query.status ? { status: query.status } : {}), page: query.page, pageSize: PAGE_SIZE }),
  );
  return { locale: resolveLocale(request), query, list };
}

export default function SeminarList({ loaderData }: Route.ComponentProps) {
  const { locale, query, list } = loaderData;
  const tr = translator(locale);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  return (
    <>
      <KnowledgeTabs locale={locale} />
      <PageHeader
        title={tr("seminar.admin.title")}
        description={tr("seminar.admin.lead")}
        actions={
          <Link to="/admin/seminars/new" className={primaryButtonClass}>
            <span aria-hidden="true" className="text-xl leading-none">+</span>
            {tr("seminar.admin.add")}
          </Link>
        }
      />
      <nav aria-label={tr("seminar.admin.filterLabel")} className="mb-4 flex flex-wrap gap-2 text-sm">
        {(["", ...STATUSES] as const).map((status) => (
          <Link
            key={status || "all"}
            to={listHref({ status, page: 1 })}
            aria-current={query.status === status ? "page" : undefined}
            className={
              "rounded-full border px-3.5 py-1.5 font-medium " +
              (query.status === status ? "border-leaf-700 bg-leaf-700 text-white" : "border-earth-200 bg-white text-earth-700 hover:border-leaf-600")
            }
          >
            {tr(status ? `seminar.status.${status}` : "seminar.admin.filter.all")}
          </Link>
        ))}
      </nav>
      {list.items.length === 0 ? (
        query.status ? (
          <p className="rounded-2xl border border-dashed border-earth-300 bg-white px-6 py-10 text-center text-earth-700">{tr("seminar.admin.noMatch")}</p>
        ) : (
          <div className="rounded-2xl border border-dashed border-earth-300 bg-white px-6 py-12 text-center">
            <p className="font-semibold text-earth-900">{tr("seminar.admin.empty.title")}</p>
            <p className="mt-1 text-earth-700">{tr("seminar.admin.empty.body")}</p>
            <Link to="/admin/seminars/new" className={`${primaryButtonClass} mt-5`}>
              {tr("seminar.admin.add")}
            </Link>
          </div>
        )
      ) : (
        <>
          <ul className="divide-y divide-earth-100 overflow-hidden rounded-2xl border border-earth-200 bg-white shadow-xs">
            {list.items.map((seminar) => (
              <SeminarRow key={seminar.id} seminar={seminar} locale={locale} />
            ))}
          </ul>
          <Pager
            page={query.page}
            pages={pages}
            hrefFor={(page) => listHref({ ...query, page })}
            labels={{
              nav: tr("seminar.admin.pages"),
              previous: tr("seminar.admin.previous"),
              next: tr("seminar.admin.next"),
              position: tr("seminar.admin.page", { page: query.page, pages }),
            }}
          />
        </>
      )}
    </>
  );
}

function SeminarRow({ seminar, locale }: { seminar: AdminSeminarRow; locale: Locale }) {
  const tr = translator(locale);
  const ended = seminar.ended;
  return (
    <li>
      <Link to={`/admin/seminars/${seminar.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-earth-50">
        <span className="min-w-0 flex-1">
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-semibold text-earth-900">{seminar.title}</span>
            <SeminarStatusBadge status={seminar.status} locale={locale} />
            {ended && seminar.status === "published" ? <span className="text-xs font-medium text-earth-500">{tr("seminar.ended")}</span> : null}
          </span>
          <span className="mt-0.5 block text-sm text-earth-700">{seminarWhen(seminar.startsAt, seminar.endsAt, locale, "medium")}</span>
          <span className="mt-0.5 block truncate text-sm text-earth-600">
            {[seminar.place, seminar.onlineUrl ? tr("seminar.online") : null].filter(Boolean).join(" · ")}
          </span>
          <span className="mt-1 block text-sm font-medium text-leaf-800">
            {tr("seminar.seats", { registered: seminar.registeredCount, capacity: seminar.capacity })}
          </span>
        </span>
        <ChevronRightIcon className="size-5 shrink-0 text-earth-400" />
      </Link>
    </li>
  );
}
