import { formatDate, resolveLocale, t, translator } from "@coop/i18n";
import { inputClass, localized, primaryButtonClass, secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/search";
import { Highlighted } from "../components/search/Highlighted.tsx";

const KINDS = ["article", "seminar", "product"] as const;
type Kind = (typeof KINDS)[number];
const MAX_QUERY_CHARS = 200;
const PAGE_SIZE = 10;
const MAX_PAGE = 200;

/** The search state from the URL, forgiving: anything odd falls back to the default. */
function readQuery(url: URL) {
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, MAX_QUERY_CHARS);
  const typeParam = url.searchParams.get("type") ?? "";
  const type: Kind | "" = (KINDS as readonly string[]).includes(typeParam) ? (typeParam as Kind) : "";
  const pageNumber = Number(url.searchParams.get("page") ?? "1");
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1;
  return { q, type, page };
}

function hrefWith(base: { q: string; type: Kind | "" }, page: number): string {
  const params = new URLSearchParams();
  if (base.q) params.set("q", base.q);
  if (base.type) params.set("type", base.type);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/search?${search}` : "/search";
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const query = readQuery(new URL(request.url));
  const [tenant, result] = await Promise.all([
    context.trpc.site.current(),
    query.q ? context.trpc.search.site({ q: query.q, kinds: query.type ? [query.type] : undefined, page: query.page, pageSize: PAGE_SIZE }) : null,
  ]);
  return {
    locale,
    coopName: localized(locale, tenant.nameTh, tenant.nameEn),
    q: query.q,
    type: query.type,
    page: result?.page ?? 1,
    result: result
      ? {
          total: result.total,
          pageCount: result.pageCount,
          fuzzy: result.fuzzy,
          facets: { article: result.facets.article, seminar: result.facets.seminar, product: result.facets.product },
          hits: result.items.map((hit) => ({
            key: `${hit.kind}:${hit.refId}`,
            kind: hit.kind as Kind,
            href: hit.path,
            titleSegments: hit.titleSegments,
            snippet: hit.snippet,
            date: hit.kind === "product" ? null : formatDate(hit.publishedAt, locale),
          })),
        }
      : null,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, coopName, q } = loaderData;
  return [
    { title: `${q ? `${q} | ` : ""}${t(locale, "search.meta.title")} | ${coopName}` },
    { name: "description", content: t(locale, "search.meta.siteDescription", { name: coopName }) },
    ...(q ? [{ name: "robots", content: "noindex, follow" }] : []),
  ];
};

const BADGE: Record<Kind, string> = {
  article: "bg-leaf-100 text-leaf-800",
  seminar: "bg-clay-100 text-clay-800",
  product: "bg-turmeric-100 text-turmeric-800",
};

export default function SiteSearch({ loaderData }: Route.ComponentProps) {
  const { locale, coopName, q, type, page, result } = loaderData;
  const tr = translator(locale);
  const all = result ? result.facets.article + result.facets.seminar + result.facets.product : 0;
  const tabs = [
    { type: "" as const, label: tr("search.kind.all"), count: all },
    ...KINDS.map((kind) => ({ type: kind, label: tr(`search.kind.${kind}`), count: result?.facets[kind] ?? 0 })),
  ];
  return (
    <div className="container-page py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("search.heading.site")}</h1>
      <p className="mt-1 text-earth-700">{tr("search.lead.site", { name: coopName })}</p>
      <form method="get" action="/search" role="search" className="mt-5 rounded-2xl border border-earth-200 bg-white p-3 sm:p-4">
        {type ? <input type="hidden" name="type" value={type} /> : null}
        <label htmlFor="site-search-q" className="text-sm font-medium text-earth-800">
          {tr("search.box.label")}
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="site-search-q"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={MAX_QUERY_CHARS}
            placeholder={tr("search.box.placeholder")}
            className={`${inputClass} min-w-0 flex-1`}
            data-testid="search-q"
          />
          <button type="submit" className={primaryButtonClass}>
            {tr("search.box.submit")}
          </button>
        </div>
      </form>

      {result ? (
        <>
          <nav aria-label={tr("search.tabs.label")} className="mt-6 -mx-1 overflow-x-auto">
            <ul className="flex gap-2 px-1 pb-1">
              {tabs.map((tab) => {
                const current = tab.type === type;
                return (
                  <li key={tab.type || "all"} className="shrink-0">
                    <a
                      href={hrefWith({ q, type: tab.type }, 1)}
                      aria-current={current ? "page" : undefined}
                      className={
                        "inline-flex items-center gap-2 rounded-full border px-3.5 py-1.5 text-sm font-medium " +
                        (current ? "border-leaf-700 bg-leaf-700 text-white" : "border-earth-300 bg-white text-earth-800 hover:border-leaf-600")
                      }
                    >
                      {tab.label}
                      <span className={`rounded-full px-1.5 text-xs ${current ? "bg-white/20" : "bg-earth-100 text-earth-700"}`}>{tab.count}</span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div aria-live="polite">
            {result.total > 0 ? (
              <>
                <p className="mt-4 text-sm text-earth-700" data-testid="search-count">
                  {result.fuzzy ? tr("search.results.fuzzy", { q }) : tr("search.results.count", { count: result.total, q })}
                </p>
                <ol className="mt-4 grid gap-3" data-testid="search-results">
                  {result.hits.map((hit) => (
                    <li key={hit.key} data-testid="search-hit" data-kind={hit.kind}>
                      <article className="relative rounded-2xl border border-earth-200 bg-white p-4 shadow-xs transition-shadow hover:shadow-md sm:p-5">
                        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                          <span className={`rounded-full px-2.5 py-0.5 font-medium ${BADGE[hit.kind]}`}>{tr(`search.kind.${hit.kind}`)}</span>
                          {hit.date ? <span className="text-earth-600">{hit.date}</span> : null}
                        </div>
                        <h2 className="mt-2 text-lg font-semibold text-earth-900">
                          <a href={hit.href} className="after:absolute after:inset-0 after:rounded-2xl hover:underline">
                            <Highlighted segments={hit.titleSegments} />
                          </a>
                        </h2>
                        {hit.snippet.length > 0 ? (
                          <p className="mt-1 line-clamp-3 text-earth-700">
                            <Highlighted segments={hit.snippet} />
                          </p>
                        ) : null}
                      </article>
                    </li>
                  ))}
                </ol>
              </>
            ) : (
              <div className="mt-4 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700" data-testid="search-none">
                <p className="font-semibold text-earth-900">{tr("search.results.none", { q })}</p>
                <p className="mt-1">{tr("search.results.noneHint")}</p>
              </div>
            )}
          </div>
          {result.pageCount > 1 ? (
            <nav aria-label={tr("search.pager.nav")} className="mt-6 flex items-center justify-between gap-3">
              {page > 1 ? (
                <a href={hrefWith({ q, type }, page - 1)} rel="prev" className={secondaryButtonClass}>
                  {tr("search.pager.previous")}
                </a>
              ) : (
                <span />
              )}
              <span className="text-sm text-earth-600">{tr("search.pager.position", { page, pages: result.pageCount })}</span>
              {page < result.pageCount ? (
                <a href={hrefWith({ q, type }, page + 1)} rel="next" className={secondaryButtonClass}>
                  {tr("search.pager.next")}
                </a>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      ) : (
        <div className="mt-6 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700" data-testid="search-empty">
          <p className="font-semibold text-earth-900">{tr("search.empty.title")}</p>
          <p className="mt-1">{tr("search.empty.hint")}</p>
        </div>
      )}
    </div>
  );
}
