import { formatDate, type Locale, translator } from "@coop/i18n";
import { secondaryButtonClass } from "@coop/ui";

/** Styles for rendered (sanitised) article HTML — the same as on the co-op sites. */
export const articleBodyClass =
  "max-w-prose text-base leading-relaxed text-earth-800 sm:text-lg " +
  "[&_h1]:mt-8 [&_h1]:mb-3 [&_h1]:text-2xl [&_h1]:font-bold [&_h1]:text-leaf-900 " +
  "[&_h2]:mt-7 [&_h2]:mb-3 [&_h2]:text-xl [&_h2]:font-bold [&_h2]:text-leaf-900 " +
  "[&_h3]:mt-6 [&_h3]:mb-2 [&_h3]:text-lg [&_h3]:font-semibold [&_h3]:text-leaf-900 " +
  "[&_p]:my-3 [&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1 " +
  "[&_blockquote]:my-4 [&_blockquote]:border-l-4 [&_blockquote]:border-leaf-300 [&_blockquote]:bg-leaf-50 [&_blockquote]:px-4 [&_blockquote]:py-2 [&_blockquote]:italic " +
  "[&_a]:font-medium [&_a]:text-leaf-700 [&_a]:underline [&_a]:break-words " +
  "[&_pre]:my-4 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-earth-100 [&_pre]:p-3 [&_pre]:text-sm [&_code]:font-mono [&_code]:text-[0.9em] " +
  "[&_table]:my-4 [&_table]:block [&_table]:overflow-x-auto [&_table]:text-sm [&_th]:border-b [&_th]:border-earth-300 [&_th]:px-3 [&_th]:py-2 [&_th]:text-left " +
  "[&_td]:border-b [&_td]:border-earth-100 [&_td]:px-3 [&_td]:py-2 [&_hr]:my-6 [&_hr]:border-earth-200 " +
  "[&_img]:my-4 [&_img]:h-auto [&_img]:max-w-full [&_img]:rounded-xl " +
  "[&_.video-embed]:relative [&_.video-embed]:my-5 [&_.video-embed]:aspect-video [&_.video-embed]:overflow-hidden [&_.video-embed]:rounded-xl [&_.video-embed]:bg-earth-900 " +
  "[&_.video-embed_iframe]:absolute [&_.video-embed_iframe]:inset-0 [&_.video-embed_iframe]:size-full [&_.video-embed_iframe]:border-0";

export const KNOWLEDGE_TOPIC_CODES = ["production", "processing", "marketing", "management", "technology"] as const;
export type KnowledgeTopicCode = (typeof KNOWLEDGE_TOPIC_CODES)[number];

export interface NetworkCardView {
  id: string;
  tenantSlug: string;
  tenantName: string;
  title: string;
  summary: string;
  topic: KnowledgeTopicCode;
  coverUrl: string | null;
  publishedAt: Date | string;
  cropNames: string[];
}

/** One shared article in a list, with the co-op it comes from. */
export function NetworkArticleCard({ article, locale }: { article: NetworkCardView; locale: Locale }) {
  const tr = translator(locale);
  return (
    <li className="relative flex flex-col overflow-hidden rounded-2xl border border-earth-200 bg-white shadow-xs transition-shadow hover:shadow-md has-[a:focus-visible]:ring-3 has-[a:focus-visible]:ring-leaf-600">
      {article.coverUrl ? (
        <span className="block aspect-[16/9] bg-leaf-50">
          <img src={article.coverUrl} alt="" loading="lazy" className="size-full object-cover" />
        </span>
      ) : (
        <span aria-hidden="true" className="block h-2 bg-leaf-600" />
      )}
      <span className="flex flex-1 flex-col p-4">
        <span className="text-xs font-semibold tracking-wide text-leaf-700">{tr(`knowledge.topic.${article.topic}`)}</span>
        <h2 className="mt-1 text-lg font-bold leading-snug text-leaf-900">
          <a href={`/knowledge/${article.tenantSlug}/${article.id}`} className="after:absolute after:inset-0 focus-visible:outline-none">
            {article.title}
          </a>
        </h2>
        {article.summary ? <p className="mt-2 line-clamp-3 text-sm text-earth-700">{article.summary}</p> : null}
        <p className="mt-auto pt-3 text-xs text-earth-600">
          <span className="font-medium text-earth-800">{tr("knowledge.network.fromCoop", { coop: article.tenantName })}</span>
          {" · "}
          {formatDate(article.publishedAt, locale)}
          {article.cropNames.length > 0 ? ` · ${article.cropNames.join(", ")}` : null}
        </p>
      </span>
    </li>
  );
}

/** Previous / page N of M / next. */
export function KnowledgePager({ locale, page, pages, hrefFor }: { locale: Locale; page: number; pages: number; hrefFor: (page: number) => string }) {
  const tr = translator(locale);
  if (pages <= 1) return null;
  return (
    <nav aria-label={tr("knowledge.network.title")} className="mt-8 flex items-center justify-between gap-3">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev" className={secondaryButtonClass}>
          {tr("knowledge.page.prev")}
        </a>
      ) : (
        <span />
      )}
      <span className="text-sm text-earth-600">{tr("knowledge.page.of", { page, pages })}</span>
      {page < pages ? (
        <a href={hrefFor(page + 1)} rel="next" className={secondaryButtonClass}>
          {tr("knowledge.page.next")}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
