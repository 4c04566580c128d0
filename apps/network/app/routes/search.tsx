import { resolveLocale, t, translator } from "@coop/i18n";
import { inputClass, localized, primaryButtonClass, secondaryButtonClass, linkClass } from "@coop/ui";
import type { Route } from "./+types/search";
import { SearchIcon } from "../components/SiteShell.tsx";
import { SearchResultList } from "../components/search/SearchResultList.tsx";
import { MAX_QUERY_CHARS, PAGE_SIZE, readSearchParams, SEARCH_KINDS, SEARCH_TOPICS, searchHref, toHitView } from "../lib/search.ts";

const EXAMPLES = ["ปลูกข้าวหอมมะลิ", "ปุ๋ยหมัก", "ผ้าไหม", "compost"];

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const params = readSearchParams(new URL(request.url));
  const [options, result] = await Promise.all([
    context.trpc.search.filters(),
    params.q
      ? context.trpc.search.network({
          q: params.q,
          kinds: params.type ? [params.type] : undefined,
          topic: params.topic || undefined,
          crop: params.crop || undefined,
          provinceCode: params.province ?? undefined,
          page: params.page,
          pageSize: PAGE_SIZE,
        })
      : null,
  ]);
  return {
    locale,
    params: { ...params, page: result?.page ?? 1 },
    crops: options.crops.map((c) => ({ value: c.code, label: localized(locale, c.nameTh, c.nameEn) })),
    provinces: options.provinces.map((p) => ({ value: String(p.code), label: localized(locale, p.nameTh, p.nameEn) })),
    result: result
      ? {
          total: result.total,
          pageCount: result.pageCount,
          fuzzy: result.fuzzy,
          facets: result.facets,
          hits: result.items.map((hit) => toHitView(hit, locale, context.origins)),
        }
      : null,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, params } = loaderData;
  const title = params.q ? `${params.q} | ${t(locale, "search.meta.title")}` : t(locale, "search.meta.title");
  return [
    { title: `${title} | ${t(locale, "brand.network")}` },
    { name: "description", content: t(locale, "search.meta.description") },
    // Result pages are not pages of their own.
    ...(params.q ? [{ name: "robots", content: "noindex, follow" }] : []),
  ];
};

export default function Search({ loaderData }: Route.ComponentProps) {
  const { locale, params, crops, provinces, result } = loaderData;
  const tr = translator(locale);
  const filtered = params.topic !== "" || params.crop !== "" || params.province !== null;
  const all = result ? Object.values(result.facets).reduce((a, b) => a + b, 0) : 0;
  const tabs = [
    { type: "" as const, label: tr("search.kind.all"), count: all },
    ...SEARCH_KINDS.map((kind) => ({ type: kind, label: tr(`search.kind.${kind}`), count: result?.facets[kind] ?? 0 })),
  ];
  const select = (name: string, label: string, value: string, choices: readonly { value: string; label: string }[]) => (
    <label className="grid min-w-0 gap-1 text-sm font-medium text-earth-800">
      {label}
      <select name={name} defaultValue={value} className={inputClass} data-testid={`search-${name}`}>
        <option value="">{tr("search.filter.any")}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="container-page py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("search.heading.network")}</h1>
      <p className="mt-1 text-earth-700">{tr("search.lead.network")}</p>

      <form method="get" action="/search" role="search" className="mt-5 rounded-2xl border border-earth-200 bg-white p-3 sm:p-4">
        {params.type ? <input type="hidden" name="type" value={params.type} /> : null}
        <label htmlFor="search-q" className="text-sm font-medium text-earth-800">
          {tr("search.box.label")}
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={params.q}
            maxLength={MAX_QUERY_CHARS}
            placeholder={tr("search.box.placeholder")}
            className={`${inputClass} min-w-0 flex-1`}
            data-testid="search-q"
          />
          <button type="submit" className={primaryButtonClass}>
            <SearchIcon className="size-5" />
            <span className="sr-only sm:not-sr-only">{tr("search.box.submit")}</span>
          </button>
        </div>
        {/* Filters fold away on small screens' first view; a plain <details> works without scripts. */}
        <details open={filtered} className="group mt-3">
          <summary className="cursor-pointer text-sm font-medium text-leaf-800 marker:text-leaf-700">{tr("search.filter.legend")}</summary>
          <fieldset className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-3">
            <legend className="sr-only">{tr("search.filter.legend")}</legend>
            {select("topic", tr("search.filter.topic"), params.topic, SEARCH_TOPICS.map((topic) => ({ value: topic, label: tr(`search.topic.${topic}`) })))}
            {select("crop", tr("search.filter.crop"), params.crop, crops)}
            {select("province", tr("search.filter.province"), params.province ? String(params.province) : "", provinces)}
          </fieldset>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <button type="submit" className={secondaryButtonClass}>
              {tr("search.filter.apply")}
            </button>
            {filtered ? (
              <a href={searchHref(params, { topic: "", crop: "", province: null, page: 1 })} className={linkClass}>
                {tr("search.filter.clear")}
              </a>
            ) : null}
          </div>
        </details>
      </form>

      {result ? (
        <>
          <nav aria-label={tr("search.tabs.label")} className="mt-6 -mx-1 overflow-x-auto">
            <ul className="flex gap-2 px-1 pb-1">
              {tabs.map((tab) => {
                const current = tab.type === params.type;
                return (
                  <li key={tab.type || "all"} className="shrink-0">
                    <a
                      href={searchHref(params, { type: tab.type, page: 1 })}
                      aria-current={current ? "page" : undefined}
                      data-testid={`search-tab-${tab.type || "all"}`}
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
                  {result.fuzzy ? tr("search.results.fuzzy", { q: params.q }) : tr("search.results.count", { count: result.total, q: params.q })}
                </p>
                <SearchResultList locale={locale} hits={result.hits} />
              </>
            ) : (
              <div className="mt-4 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700" data-testid="search-none">
                <p className="font-semibold text-earth-900">{tr("search.results.none", { q: params.q })}</p>
                <p className="mt-1">{tr("search.results.noneHint")}</p>
              </div>
            )}
          </div>
          {result.pageCount > 1 ? (
            <nav aria-label={tr("search.pager.nav")} className="mt-6 flex items-center justify-between gap-3">
              {params.page > 1 ? (
                <a href={searchHref(params, { page: params.page - 1 })} rel="prev" className={secondaryButtonClass}>
                  {tr("search.pager.previous")}
                </a>
              ) : (
                <span />
              )}
              <span className="text-sm text-earth-600">{tr("search.pager.position", { page: params.page, pages: result.pageCount })}</span>
              {params.page < result.pageCount ? (
                <a href={searchHref(params, { page: params.page + 1 })} rel="next" className={secondaryButtonClass}>
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
          <p className="mt-4 flex flex-wrap items-center justify-center gap-2">
            <span>{tr("search.empty.examples")}:</span>
            {EXAMPLES.map((q) => (
              <a key={q} href={searchHref({ ...params, q, page: 1 })} className="rounded-full border border-earth-300 bg-white px-3 py-1 text-leaf-800 hover:border-leaf-600">
                {q}
              </a>
            ))}
          </p>
        </div>
      )}
    </div>
  );
}
