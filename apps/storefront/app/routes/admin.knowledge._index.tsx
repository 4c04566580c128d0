import { formatDate, type Locale, resolveLocale, translator } from "@coop/i18n";
import { Form, Link } from "react-router";
import { Alert, primaryButtonClass, secondaryButtonClass, SelectField } from "@coop/ui";
import type { Route } from "./+types/admin.knowledge._index";
import { ChevronRightIcon } from "../components/admin/icons.tsx";
import { KnowledgeTabs } from "../components/admin/KnowledgeTabs.tsx";
import { PageHeader } from "../components/admin/PageHeader.tsx";
import { Pager } from "../components/admin/Pager.tsx";
import { ArticleSharedBadge, ArticleStatusBadge } from "../components/knowledge/ArticleBadges.tsx";
import { type AdminArticleRow, KNOWLEDGE_TOPIC_CODES } from "../components/knowledge/values.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

const PAGE_SIZE = 20;
const STATUSES = ["draft", "published"] as const;
type Query = { status: (typeof STATUSES)[number] | ""; topic: (typeof KNOWLEDGE_TOPIC_CODES)[number] | ""; page: number };

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("knowledge.admin.title"));

function readQuery(url: URL): Query {
  const status = url.searchParams.get("status") ?? "";
  const topic = url.searchParams.get("topic") ?? "";
  const page = Number(url.searchParams.get("page") ?? "1");
  return {
    status: (STATUSES as readonly string[]).includes(status) ? (status as Query["status"]) : "",
    topic: (KNOWLEDGE_TOPIC_CODES as readonly string[]).includes(topic) ? (topic as Query["topic"]) : "",
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

function listHref(query: Query): string {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.topic) params.set("topic", query.topic);
  if (query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/admin/knowledge?${search}` : "/admin/knowledge";
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const query = readQuery(url);
  const list = await orRespond(
    request,
    context.trpc.knowledgeAdmin.list({
      ...(query.status ? { status: query.status } : {}),
      ...(query.topic ? { topic: query.topic } : {}),
      page: query.page,
      pageSize: PAGE_SIZE,
    }),
  );
  return { locale: resolveLocale(request), query, list, deleted: url.searchParams.has("deleted") };
}

export default function ArticleList({ loaderData }: Route.ComponentProps) {
  const { locale, query, list, deleted } = loaderData;
  const tr = translator(locale);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const filtered = Boolean(query.status || query.topic);
  return (
    <>
      <KnowledgeTabs locale={locale} />
      <PageHeader
        title={tr("knowledge.admin.title")}
        description={tr("knowledge.admin.intro")}
        actions={
          <Link to="/admin/knowledge/new" className={primaryButtonClass}>
            <span aria-hidden="true" className="text-xl leading-none">+</span>
            {tr("knowledge.admin.new")}
          </Link>
        }
      />
      {deleted ? <Alert tone="success" className="mb-4" title={tr("knowledge.admin.deleted")} /> : null}
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded-2xl border border-earth-200 bg-white p-3 shadow-xs">
        <SelectField label={tr("knowledge.admin.filter.status")} name="status" defaultValue={query.status} className="min-w-36 flex-1 sm:flex-none">
          <option value="">{tr("knowledge.admin.filter.all")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {tr(`knowledge.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={tr("knowledge.admin.filter.topic")} name="topic" defaultValue={query.topic} className="min-w-48 flex-1 sm:flex-none">
          <option value="">{tr("knowledge.topic.all")}</option>
          {KNOWLEDGE_TOPIC_CODES.map((topic) => (
            <option key={topic} value={topic}>
              {tr(`knowledge.topic.${topic}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={secondaryButtonClass}>
          {tr("knowledge.admin.filter.apply")}
        </button>
        <p className="ml-auto self-center text-sm text-earth-600">{tr("knowledge.admin.count", { count: list.total })}</p>
      </Form>
      {list.items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-earth-300 bg-white px-6 py-12 text-center">
          <p className="text-earth-700">{filtered ? tr("knowledge.site.empty") : tr("knowledge.admin.empty")}</p>
          {filtered ? null : (
            <Link to="/admin/knowledge/new" className={`${primaryButtonClass} mt-5`}>
              {tr("knowledge.admin.new")}
            </Link>
          )}
        </div>
      ) : (
        <>
          <ul className="divide-y divide-earth-100 overflow-hidden rounded-2xl border border-earth-200 bg-white shadow-xs">
            {list.items.map((article) => (
              <ArticleRow key={article.id} article={article} locale={locale} />
            ))}
          </ul>
          <Pager
            page={query.page}
            pages={pages}
            hrefFor={(page) => listHref({ ...query, page })}
            labels={{
              nav: tr("knowledge.admin.title"),
              previous: tr("knowledge.page.prev"),
              next: tr("knowledge.page.next"),
              position: tr("knowledge.page.of", { page: query.page, pages }),
            }}
          />
        </>
      )}
    </>
  );
}

function ArticleRow({ article, locale }: { article: AdminArticleRow; locale: Locale }) {
  const tr = translator(locale);
  return (
    <li>
      <Link to={`/admin/knowledge/${article.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-earth-50">
        <span className="hidden size-16 shrink-0 overflow-hidden rounded-lg bg-earth-100 sm:block">
          {article.coverUrl ? <img src={article.coverUrl} alt="" className="size-full object-cover" loading="lazy" /> : null}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block font-semibold text-earth-900">{article.title}</span>
          <span className="mt-1 flex flex-wrap items-center gap-1.5">
            <ArticleStatusBadge status={article.status} locale={locale} />
            {article.status === "published" || article.shared ? <ArticleSharedBadge shared={article.shared} locale={locale} /> : null}
            <span className="text-xs text-earth-600">{tr(`knowledge.topic.${article.topic}`)}</span>
          </span>
          <span className="mt-1 block text-sm text-earth-600">{tr("knowledge.admin.updated", { date: formatDate(article.updatedAt, locale) })}</span>
        </span>
        <ChevronRightIcon className="size-5 shrink-0 text-earth-400" />
      </Link>
    </li>
  );
}
