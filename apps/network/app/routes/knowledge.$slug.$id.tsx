import { formatDate, resolveLocale, translator } from "@coop/i18n";
import { data } from "react-router";
import { linkClass, localized, secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/knowledge.$slug.$id";
import { articleBodyClass, NetworkArticleCard } from "../components/knowledge/parts.tsx";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const [article, crops] = await Promise.all([
    context.trpc.knowledge.networkGet({ tenantSlug: params.slug.slice(0, 63), articleId: params.id.slice(0, 64) }),
    context.trpc.knowledge.crops(),
  ]);
  // Drafts, unshared articles and unknown ids look the same: not found.
  if (!article) throw data(null, { status: 404 });
  const more = await context.trpc.knowledge.networkList({ tenantSlug: article.tenant.slug, page: 1, pageSize: 4 });
  const cropName = new Map(crops.map((c) => [c.code, locale === "th" ? c.nameTh : c.nameEn]));
  const coopName = localized(locale, article.tenant.nameTh, article.tenant.nameEn);
  const coopUrl = context.origins.coopTemplate.replace("{slug}", article.tenant.slug);
  const url = `${context.origins.network}/knowledge/${article.tenant.slug}/${article.id}`;
  const image = article.coverUrl ? context.origins.network + article.coverUrl : null;
  const { source } = article;
  const tr = translator(locale);
  const credit =
    source.kind === "centre" && source.centre
      ? tr("knowledge.credit.centre", { name: source.centre.nameTh })
      : source.kind === "sage" && source.sage
        ? tr("knowledge.credit.sage", { name: source.sage.nameTh })
        : source.kind === "seminar"
          ? tr("knowledge.credit.seminar")
          : null;
  return {
    locale,
    article,
    coopName,
    coopUrl,
    credit,
    sageHref: source.kind === "sage" && source.sage ? `/sages/${source.sage.id}` : null,
    centreHref: source.kind === "centre" && source.centre ? `/centres/${source.centre.id}` : null,
    cropNames: article.crops.map((c) => cropName.get(c) ?? c),
    url,
    image,
    more: more.items
      .filter((a) => a.id !== article.id)
      .slice(0, 3)
      .map((a) => ({ ...a, cropNames: a.crops.map((c) => cropName.get(c) ?? c) })),
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "Article",
      headline: article.title.slice(0, 110),
      url,
      mainEntityOfPage: url,
      inLanguage: "th",
      ...(article.summary ? { description: article.summary } : {}),
      ...(image ? { image: [image] } : {}),
      datePublished: new Date(article.publishedAt).toISOString(),
      dateModified: new Date(article.updatedAt).toISOString(),
      author: { "@type": "Organization", name: article.tenant.nameTh, url: coopUrl },
      publisher: { "@type": "Organization", name: article.tenant.nameTh, url: coopUrl },
      ...(article.crops.length > 0 ? { keywords: article.crops.map((c) => crops.find((x) => x.code === c)?.nameTh ?? c).join(", ") } : {}),
    },
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, article, coopName, url, image } = loaderData;
  return [
    { title: `${article.title} | ${coopName}` },
    ...(article.summary ? [{ name: "description", content: article.summary }] : []),
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:type", content: "article" },
    { property: "og:title", content: article.title },
    ...(article.summary ? [{ property: "og:description", content: article.summary }] : []),
    { property: "og:url", content: url },
    { property: "og:site_name", content: coopName },
    { property: "og:locale", content: locale === "th" ? "th_TH" : "en_US" },
    { property: "article:published_time", content: new Date(article.publishedAt).toISOString() },
    ...(image ? [{ property: "og:image", content: image }] : []),
    { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
  ];
};

export default function NetworkArticle({ loaderData }: Route.ComponentProps) {
  const { locale, article, coopName, coopUrl, credit, sageHref, centreHref, cropNames, more, jsonLd } = loaderData;
  const tr = translator(locale);
  const creditHref = sageHref ?? centreHref;
  return (
    <div className="container-page py-6 sm:py-10">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }} />
      <nav className="mx-auto mb-4 max-w-3xl text-sm text-earth-600">
        <a href="/knowledge" className={linkClass}>
          ← {tr("knowledge.network.title")}
        </a>
      </nav>
      <article className="mx-auto max-w-3xl">
        {article.coverUrl ? <img src={article.coverUrl} alt="" className="mb-6 aspect-[16/8] w-full rounded-2xl object-cover shadow-xs" /> : null}
        <p className="text-sm font-semibold tracking-wide text-leaf-700">{tr(`knowledge.topic.${article.topic}`)}</p>
        <h1 className="mt-1 text-2xl font-bold leading-tight text-leaf-900 sm:text-4xl">{article.title}</h1>
        <p className="mt-3 text-sm text-earth-600">
          <a href={coopUrl} className="font-semibold text-leaf-800 hover:underline" data-testid="article-coop">
            {tr("knowledge.network.fromCoop", { coop: coopName })}
          </a>
          {" · "}
          <time dateTime={new Date(article.publishedAt).toISOString()}>{tr("knowledge.publishedOn", { date: formatDate(article.publishedAt, locale, "long") })}</time>
          {credit ? (
            <>
              {" · "}
              {creditHref ? (
                <a href={creditHref} className={linkClass}>
                  {credit}
                </a>
              ) : (
                credit
              )}
            </>
          ) : null}
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
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <aside className="mt-10 flex flex-wrap items-center justify-between gap-4 rounded-2xl border border-leaf-200 bg-leaf-50 p-5">
          <p className="text-earth-800">{tr("knowledge.credit.coop", { coop: coopName })}</p>
          <a href={coopUrl} className={secondaryButtonClass}>
            {tr("knowledge.network.visitCoop", { coop: coopName })}
          </a>
        </aside>
      </article>
      {more.length > 0 ? (
        <section className="mx-auto mt-12 max-w-5xl" aria-labelledby="more-from-coop">
          <h2 id="more-from-coop" className="text-xl font-bold text-leaf-900">
            {tr("knowledge.network.moreFromCoop", { coop: coopName })}
          </h2>
          <ul className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
            {more.map((a) => (
              <NetworkArticleCard key={a.id} article={a} locale={locale} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
