import { resolveLocale, t, translator } from "@coop/i18n";
import { linkClass, primaryButtonClass, SelectField } from "@coop/ui";
import type { Route } from "./+types/knowledge._index";
import { KNOWLEDGE_TOPIC_CODES, type KnowledgeTopicCode, KnowledgePager, NetworkArticleCard } from "../components/knowledge/parts.tsx";

const PAGE_SIZE = 12;
const MAX_PAGE = 500;

function readQuery(url: URL) {
  const topicParam = url.searchParams.get("topic") ?? "";
  const topic: KnowledgeTopicCode | "" = (KNOWLEDGE_TOPIC_CODES as readonly string[]).includes(topicParam) ? (topicParam as KnowledgeTopicCode) : "";
  const cropParam = (url.searchParams.get("crop") ?? "").trim();
  const crop = /^[a-z][a-z0-9-]{1,40}$/.test(cropParam) ? cropParam : "";
  const pageNumber = Number(url.searchParams.get("page") ?? "1");
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1;
  return { topic, crop, page };
}

function hrefWith(query: { topic: string; crop: string }, page: number): string {
  const params = new URLSearchParams();
  if (query.topic) params.set("topic", query.topic);
  if (query.crop) params.set("crop", query.crop);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/knowledge?${search}` : "/knowledge";
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const query = readQuery(new URL(request.url));
  const [crops, result] = await Promise.all([
    context.trpc.knowledge.crops(),
    context.trpc.knowledge.networkList({ ...(query.topic ? { topic: query.topic } : {}), ...(query.crop ? { crop: query.crop } : {}), page: query.page, pageSize: PAGE_SIZE }),
  ]);
  const cropName = new Map(crops.map((c) => [c.code, locale === "th" ? c.nameTh : c.nameEn]));
  return {
    locale,
    query,
    crops: crops.map((c) => ({ code: c.code, label: cropName.get(c.code) ?? c.code })),
    total: result.total,
    pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
    articles: result.items.map((a) => ({
      id: a.id,
      tenantSlug: a.tenantSlug,
      tenantName: a.tenantName,
      title: a.title,
      summary: a.summary,
      topic: a.topic,
      coverUrl: a.coverUrl,
      publishedAt: a.publishedAt,
      cropNames: a.crops.map((c) => cropName.get(c) ?? c),
    })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, query } = loaderData;
  const filtered = query.topic !== "" || query.crop !== "" || query.page > 1;
  return [
    { title: `${t(locale, "knowledge.network.title")} | ${t(locale, "brand.network")}` },
    { name: "description", content: t(locale, "knowledge.network.intro") },
    { property: "og:title", content: t(locale, "knowledge.network.title") },
    { property: "og:description", content: t(locale, "knowledge.network.intro") },
    { tagName: "link", rel: "alternate", type: "application/atom+xml", title: t(locale, "knowledge.network.title"), href: "/feeds/knowledge.atom" },
    ...(filtered ? [{ name: "robots", content: "noindex, follow" }] : []),
  ];
};

export default function NetworkKnowledge({ loaderData }: Route.ComponentProps) {
  const { locale, query, crops, total, pages, articles } = loaderData;
  const tr = translator(locale);
  const filtered = query.topic !== "" || query.crop !== "";
  return (
    <div className="container-page py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("knowledge.network.title")}</h1>
      <p className="mt-2 max-w-prose text-earth-700">{tr("knowledge.network.intro")}</p>

      <form method="get" action="/knowledge" className="mt-6 grid gap-4 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <SelectField label={tr("knowledge.network.filterTopic")} name="topic" defaultValue={query.topic}>
          <option value="">{tr("knowledge.topic.all")}</option>
          {KNOWLEDGE_TOPIC_CODES.map((topic) => (
            <option key={topic} value={topic}>
              {tr(`knowledge.topic.${topic}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={tr("knowledge.network.filterCrop")} name="crop" defaultValue={query.crop}>
          <option value="">{tr("knowledge.crop.all")}</option>
          {crops.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={primaryButtonClass}>
          {tr("knowledge.network.apply")}
        </button>
      </form>

      <div className="mt-6 flex flex-wrap items-baseline justify-between gap-2" aria-live="polite">
        <p className="text-sm text-earth-600">{tr("knowledge.network.count", { count: total })}</p>
        {filtered ? (
          <a href="/knowledge" className={linkClass}>
            {tr("knowledge.topic.all")}
          </a>
        ) : null}
      </div>

      {articles.length > 0 ? (
        <ul className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {articles.map((article) => (
            <NetworkArticleCard key={`${article.tenantSlug}/${article.id}`} article={article} locale={locale} />
          ))}
        </ul>
      ) : (
        <p className="mt-4 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">{tr("knowledge.network.empty")}</p>
      )}
      <KnowledgePager locale={locale} page={query.page} pages={pages} hrefFor={(n) => hrefWith(query, n)} />
    </div>
  );
}
