import { formatDate, type Locale, translator } from "@coop/i18n";

export interface ArticleCardView {
  id: string;
  title: string;
  summary: string;
  topic: "production" | "processing" | "marketing" | "management" | "technology";
  coverUrl: string | null;
  publishedAt: Date | string;
}

/** One article in a list: cover, topic, title, summary and date (พ.ศ. in Thai). */
export function ArticleCard({ article, href, locale, cropNames }: { article: ArticleCardView; href: string; locale: Locale; cropNames?: string[] }) {
  const tr = translator(locale);
  return (
    <li className="overflow-hidden rounded-2xl border border-earth-200 bg-white shadow-xs transition-shadow hover:shadow-md">
      <a href={href} className="flex h-full flex-col">
        {article.coverUrl ? (
          <span className="block aspect-[16/9] bg-leaf-50">
            <img src={article.coverUrl} alt="" loading="lazy" className="size-full object-cover" />
          </span>
        ) : (
          <span aria-hidden="true" className="block h-2 bg-leaf-600" />
        )}
        <span className="flex flex-1 flex-col p-4">
          <span className="text-xs font-semibold tracking-wide text-leaf-700">{tr(`knowledge.topic.${article.topic}`)}</span>
          <span className="mt-1 text-lg font-bold leading-snug text-leaf-900">{article.title}</span>
          {article.summary ? <span className="mt-2 line-clamp-3 text-sm text-earth-700">{article.summary}</span> : null}
          <span className="mt-auto pt-3 text-xs text-earth-600">
            {tr("knowledge.publishedOn", { date: formatDate(article.publishedAt, locale) })}
            {cropNames && cropNames.length > 0 ? ` · ${cropNames.join(", ")}` : null}
          </span>
        </span>
      </a>
    </li>
  );
}
