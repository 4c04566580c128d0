import { resolveLocale, t, translator } from "@coop/i18n";
import { secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/seminars._index";
import { SeminarCard } from "../components/seminars/SeminarCard.tsx";

const PAGE_SIZE = 12;

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const when = url.searchParams.get("when") === "past" ? ("past" as const) : ("upcoming" as const);
  const pageParam = Number(url.searchParams.get("page") ?? "1");
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const list = await context.trpc.seminars.list({ when, page, pageSize: PAGE_SIZE });
  return { locale: resolveLocale(request), when, page, list };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  return [
    { title: `${t(locale, "seminar.public.title")} | ${t(locale, "brand.network")}` },
    { name: "description", content: t(locale, "seminar.public.lead") },
  ];
};

function href(when: "upcoming" | "past", page: number): string {
  const params = new URLSearchParams();
  if (when === "past") params.set("when", "past");
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/seminars?${search}` : "/seminars";
}

export default function Seminars({ loaderData }: Route.ComponentProps) {
  const { locale, when, page, list } = loaderData;
  const tr = translator(locale);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  return (
    <div className="container-page py-10 sm:py-12">
      <h1 className="text-3xl font-bold text-leaf-900 sm:text-4xl">{tr("seminar.public.title")}</h1>
      <p className="mt-2 max-w-prose text-earth-700 sm:text-lg">{tr("seminar.public.lead")}</p>
      <nav aria-label={tr("seminar.public.title")} className="mt-6 flex gap-2 border-b border-earth-200">
        {(["upcoming", "past"] as const).map((tab) => (
          <a
            key={tab}
            href={href(tab, 1)}
            aria-current={when === tab ? "page" : undefined}
            className={
              "border-b-2 px-3 py-2 font-medium " + (when === tab ? "border-leaf-700 text-leaf-800" : "border-transparent text-earth-600 hover:text-earth-900")
            }
          >
            {tr(tab === "upcoming" ? "seminar.public.upcoming" : "seminar.public.past")}
          </a>
        ))}
      </nav>
      {list.items.length === 0 ? (
        <p className="mt-8 rounded-2xl border border-dashed border-earth-300 bg-white px-6 py-10 text-center text-earth-700">
          {tr(when === "upcoming" ? "seminar.public.emptyUpcoming" : "seminar.public.emptyPast")}
        </p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {list.items.map((seminar) => (
            <SeminarCard key={seminar.id} seminar={seminar} locale={locale} href={`/seminars/${seminar.tenantSlug}/${seminar.id}`} />
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label={tr("seminar.public.pages")} className="mt-6 flex items-center justify-between gap-3">
          {page > 1 ? (
            <a href={href(when, page - 1)} rel="prev" className={secondaryButtonClass}>
              {tr("seminar.public.previous")}
            </a>
          ) : (
            <span />
          )}
          <span className="text-sm text-earth-600">{tr("seminar.public.page", { page, pages })}</span>
          {page < pages ? (
            <a href={href(when, page + 1)} rel="next" className={secondaryButtonClass}>
              {tr("seminar.public.next")}
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
