import { resolveLocale, translator } from "@coop/i18n";
import { coopSiteUrl } from "@coop/trpc/site";
import { data } from "react-router";
import { linkClass, localized } from "@coop/ui";
import type { Route } from "./+types/knowledge.$id";
import { jsonLdHtml } from "../components/catalog/format.ts";
import { articleJsonLd, ArticleView, sourceCredit } from "../components/knowledge/ArticleView.tsx";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const [tenant, article, crops] = await Promise.all([
    context.trpc.site.current(),
    context.trpc.knowledge.siteGet({ articleId: params.id.slice(0, 64) }),
    context.trpc.knowledge.crops(),
  ]);
  if (!article) throw data(null, { status: 404 });
  const siteUrl = coopSiteUrl(context.origins, tenant.slug);
  const url = `${siteUrl}/knowledge/${article.id}`;
  const image = article.coverUrl ? siteUrl + article.coverUrl : null;
  const coopName = localized(locale, tenant.nameTh, tenant.nameEn);
  const cropName = new Map(crops.map((c) => [c.code, locale === "th" ? c.nameTh : c.nameEn]));
  return {
    locale,
    article,
    coopName,
    credit: sourceCredit(article, coopName, locale),
    cropNames: article.crops.map((c) => cropName.get(c) ?? c),
    url,
    image,
    jsonLd: articleJsonLd({
      url,
      title: article.title,
      summary: article.summary,
      image,
      publishedAt: article.publishedAt,
      updatedAt: article.updatedAt,
      publisher: { name: tenant.nameTh, url: siteUrl },
      keywords: article.crops.map((c) => crops.find((x) => x.code === c)?.nameTh ?? c),
    }),
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

export default function KnowledgeArticle({ loaderData }: Route.ComponentProps) {
  const { locale, article, credit, cropNames, jsonLd } = loaderData;
  const tr = translator(locale);
  return (
    <div className="container-page py-6 sm:py-10">
      <script type="application/ld+json" dangerouslySetInnerHTML={jsonLdHtml(jsonLd)} />
      <nav className="mx-auto mb-4 max-w-3xl text-sm text-earth-600">
        <a href="/knowledge" className={linkClass}>
          ← {tr("knowledge.site.back")}
        </a>
      </nav>
      <ArticleView article={article} locale={locale} cropNames={cropNames} credit={credit} />
    </div>
  );
}
