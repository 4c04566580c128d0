import { formatDate, type Locale, translator } from "@coop/i18n";
import type { ReactNode } from "react";
import { articleBodyClass, type SiteArticle } from "./values.ts";

/** The credit line: the co-op, or the ศพก. centre / sage / seminar the knowledge came from. */
export function sourceCredit(article: Pick<SiteArticle, "source">, coopName: string, locale: Locale): string {
  const tr = translator(locale);
  const { source } = article;
  if (source.kind === "centre" && source.centre) return tr("knowledge.credit.centre", { name: source.centre.nameTh });
  if (source.kind === "sage" && source.sage) return tr("knowledge.credit.sage", { name: source.sage.nameTh });
  if (source.kind === "seminar") return tr("knowledge.credit.seminar");
  return tr("knowledge.credit.coop", { coop: coopName });
}

/** schema.org `Article` for search engines. */
export function articleJsonLd(input: {
  url: string;
  title: string;
  summary: string;
  image: string | null;
  publishedAt: Date | string;
  updatedAt: Date | string;
  publisher: { name: string; url: string };
  keywords: string[];
}): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: input.title.slice(0, 110),
    url: input.url,
    mainEntityOfPage: input.url,
    inLanguage: "th",
    ...(input.summary ? { description: input.summary } : {}),
    ...(input.image ? { image: [input.image] } : {}),
    datePublished: new Date(input.publishedAt).toISOString(),
    dateModified: new Date(input.updatedAt).toISOString(),
    author: { "@type": "Organization", name: input.publisher.name, url: input.publisher.url },
    publisher: { "@type": "Organization", name: input.publisher.name, url: input.publisher.url },
    ...(input.keywords.length > 0 ? { keywords: input.keywords.join(", ") } : {}),
  };
}

/** One article: cover, topic, title, date, crop tags, credit, the sanitised body and its attachments. */
export function ArticleView({
  article,
  locale,
  cropNames,
  credit,
  children,
}: {
  article: SiteArticle;
  locale: Locale;
  cropNames: string[];
  credit: ReactNode;
  /** Extra blocks after the attachments (e.g. a link to the co-op). */
  children?: ReactNode;
}) {
  const tr = translator(locale);
  return (
    <article className="mx-auto max-w-3xl">
      {article.coverUrl ? (
        <img src={article.coverUrl} alt="" className="mb-6 aspect-[16/8] w-full rounded-2xl object-cover shadow-xs" />
      ) : null}
      <p className="text-sm font-semibold tracking-wide text-leaf-700">{tr(`knowledge.topic.${article.topic}`)}</p>
      <h1 className="mt-1 text-2xl font-bold leading-tight text-leaf-900 sm:text-4xl">{article.title}</h1>
      <p className="mt-3 text-sm text-earth-600">
        <time dateTime={new Date(article.publishedAt).toISOString()}>{tr("knowledge.publishedOn", { date: formatDate(article.publishedAt, locale, "long") })}</time>
        {" · "}
        {credit}
      </p>
      {cropNames.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-2">
          {cropNames.map((name) => (
            <li key={name} className="rounded-full bg-leaf-50 px-3 py-1 text-xs font-medium text-leaf-800 ring-1 ring-leaf-600/20 ring-inset">
              {name}
            </li>
          ))}
        </ul>
      ) : null}
      {article.summary ? <p className="mt-5 max-w-prose text-lg font-medium text-earth-800">{article.summary}</p> : null}
      {/* Rendered from Markdown and sanitised with an allow-list when it was saved. */}
      <div className={`mt-6 ${articleBodyClass}`} dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      {article.attachments.length > 0 ? (
        <section className="mt-8 rounded-2xl border border-earth-200 bg-white p-4 sm:p-5" aria-labelledby="article-attachments">
          <h2 id="article-attachments" className="font-semibold text-leaf-900">
            {tr("knowledge.site.attachments")}
          </h2>
          <ul className="mt-3 space-y-2">
            {article.attachments.map((file) => (
              <li key={file.id}>
                <a href={file.url} className="inline-flex items-center gap-2 font-medium text-leaf-700 hover:underline" download={file.fileName}>
                  <span className="rounded bg-clay-100 px-1.5 py-0.5 text-xs font-bold text-clay-800">PDF</span>
                  {file.fileName}
                  <span className="text-xs font-normal text-earth-500">({Math.max(1, Math.round(file.byteSize / 1024))} KB)</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {children}
    </article>
  );
}
