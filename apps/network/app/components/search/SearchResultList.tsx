import { type Locale, translator } from "@coop/i18n";
import type { SearchHitView } from "../../lib/search.ts";
import { Highlighted } from "./Highlighted.tsx";

const BADGE: Record<SearchHitView["kind"], string> = {
  article: "bg-leaf-100 text-leaf-800",
  sage: "bg-turmeric-100 text-turmeric-800",
  centre: "bg-earth-100 text-earth-800",
  seminar: "bg-clay-100 text-clay-800",
  product: "bg-white text-leaf-800 ring-1 ring-leaf-300",
};

/** Ranked results: kind badge, highlighted title and snippet, the co-op credited and linked. */
export function SearchResultList({ locale, hits }: { locale: Locale; hits: readonly SearchHitView[] }) {
  const tr = translator(locale);
  return (
    <ol className="mt-4 grid gap-3" data-testid="search-results">
      {hits.map((hit) => (
        <li key={hit.key} data-testid="search-hit" data-kind={hit.kind}>
          <article className="relative rounded-2xl border border-earth-200 bg-white p-4 shadow-xs transition-shadow hover:shadow-md has-[a.hit-link:focus-visible]:ring-3 has-[a.hit-link:focus-visible]:ring-leaf-600 sm:p-5">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <span className={`rounded-full px-2.5 py-0.5 font-medium ${BADGE[hit.kind]}`}>{tr(`search.kind.${hit.kind}`)}</span>
              {hit.date ? <span className="text-earth-600">{hit.date}</span> : null}
            </div>
            <h2 className="mt-2 text-lg font-semibold text-earth-900">
              <a href={hit.href} className="hit-link after:absolute after:inset-0 after:rounded-2xl hover:underline focus-visible:outline-none">
                <Highlighted segments={hit.titleSegments} />
              </a>
            </h2>
            {hit.snippet.length > 0 ? (
              <p className="mt-1 line-clamp-3 text-earth-700">
                <Highlighted segments={hit.snippet} />
              </p>
            ) : null}
            {hit.coop ? (
              <p className="relative z-10 mt-2 text-sm text-earth-600">
                {hit.onCoopSite ? tr("search.result.onCoopSite", { coop: "" }) : tr("search.result.by", { coop: "" })}
                <a href={hit.coop.href} className="font-medium text-leaf-700 underline-offset-2 hover:underline">
                  {hit.coop.name}
                </a>
              </p>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
