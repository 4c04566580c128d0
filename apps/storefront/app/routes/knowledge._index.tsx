import { resolveLocale, t, translator } from "@coop/i18n";
import { coopSiteUrl } from "@coop/trpc/site";
import { localized } from "@coop/ui";
import type { Route } from "./+types/knowledge._index";
import { Pager } from "../components/admin/Pager.tsx";
import { ArticleCard } from "../components/knowledge/ArticleCard.tsx";
import { KNOWLEDGE_TOPIC_CODES } from "../components/knowledge/values.ts";

const PAGE_SIZE = 12;
type Topic = (typeof KNOWLEDGE_TOPIC_CODES)[number];

function readQuery(url: URL): { topic: Topic | ""; page: number } {
  const topic = url.searchParams.get("topic") ?? "";
  const page = Number(url.searchParams.get("page") ?? "1");
  return {
    topic: (KNOWLEDGE_TOPIC_CODES as readonly string[]).includes(topic) ? (topic as Topic) : "",
    page: Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1,
  };
}

function listHref(query: { topic: Topic | ""; page: number }): string {
  const params = new URLSearchParams();
  if (query.topic) params.set("topic", query.topic);
  if (query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/knowledge?${search}` : "/knowledge";
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const query = readQuery(new URL(request.url));
  const [tenant, list, crops] = await Promise.all([
    context.trpc.site.current(),
    context.trpc.knowledge.siteList({ ...(query.topic ? { topic: query.topic } : {}), page: query.page, pageSize: PAGE_SIZE }),
    context.trpc.knowledge.crops(),
  ]);
  const cropName = new Map(crops.map((c) => [c.code, locale === "th" ? c.nameTh : c.nameEn]));
  return {
    locale,
    query,
    coopName: localized(locale, tenant.nameTh, tenant.nameEn),
    url: `${coopSiteUrl(context.origins, tenant.slug)}${listHref(query)}`,
    total: list.total,
    items: list.items.map((a) => ({ ...a, cropNames: a.crops.map((c) => cropName.get(c) ?? c) })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, coopName, url } = loaderData;
  const title = `${t(locale, "knowledge.site.title")} | ${coopName}`;
  const description = t(locale, "knowledge.site.intro", { coop: coopName });
  return [
    { title },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
  ];
};

export default function KnowledgeList({ loaderData }: Route.ComponentProps) {
  const { locale, query, coopName, total, items } = loaderData;
  const tr = translator(locale);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pill = (active: boolean) =>
    "whitespace-nowrap rounded-full border px-3.5 py-1.5 text-sm font-medium " +
    (active ? "border-leaf-700 bg-leaf-700 text-white" : "border-earth-200 bg-white text-earth-700 hover:border-leaf-600");
  return (
    <div className="container-page py-6 sm:py-10">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("knowledge.site.title")}</h1>
      <p className="mt-1 max-w-prose text-earth-700">{tr("knowledge.site.intro", { coop: coopName })}</p>
      <nav aria-label={tr("knowledge.network.filterTopic")} className="-mx-1 mt-5 flex gap-2 overflow-x-auto px-1 pb-1">
        {(["", ...KNOWLEDGE_TOPIC_CODES] as const).map((topic) => (
          <a key={topic || "all"} href={listHref({ topic, page: 1 })} aria-current={query.topic === topic ? "page" : undefined} className={pill(query.topic === topic)}>
            {tr(topic ? `knowledge.topic.${topic}` : "knowledge.topic.all")}
          </a>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="mt-8 rounded-2xl border border-dashed border-earth-300 bg-white px-6 py-12 text-center text-earth-700">{tr("knowledge.site.empty")}</p>
      ) : (
        <ul className="mt-6 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((article) => (
            <ArticleCard key={article.id} article={article} href={`/knowledge/${article.id}`} locale={locale} cropNames={article.cropNames} />
          ))}
        </ul>
      )}
      <Pager
        page={query.page}
        pages={pages}
        hrefFor={(page) => listHref({ ...query, page })}
        labels={{
          nav: tr("knowledge.site.title"),
          previous: tr("knowledge.page.prev"),
          next: tr("knowledge.page.next"),
          position: tr("knowledge.page.of", { page: query.page, pages }),
        }}
      />
    </div>
  );
}
