import type { WebLoadContext } from "@coop/trpc";

type Trpc = WebLoadContext["trpc"];
export type AdminArticle = Awaited<ReturnType<Trpc["knowledgeAdmin"]["get"]>>;
export type AdminArticleRow = Awaited<ReturnType<Trpc["knowledgeAdmin"]["list"]>>["items"][number];
export type ArticleFile = AdminArticle["files"][number];
export type SiteArticle = NonNullable<Awaited<ReturnType<Trpc["knowledge"]["siteGet"]>>>;
export type SiteArticleCard = Awaited<ReturnType<Trpc["knowledge"]["siteList"]>>["items"][number];
type KnowledgeTopic = AdminArticle["topic"];

export const KNOWLEDGE_TOPIC_CODES = ["production", "processing", "marketing", "management", "technology"] as const satisfies readonly KnowledgeTopic[];
export const SOURCE_KINDS = ["coop", "centre", "sage", "seminar"] as const;

/** The editor's fields as text, exactly as typed (kept on a refused save). */
export interface ArticleFormValues {
  title: string;
  summary: string;
  bodyMd: string;
  topic: string;
  crops: string[];
  sourceKind: string;
  sourceCentreId: string;
  sourceSageId: string;
}

export const EMPTY_ARTICLE: ArticleFormValues = {
  title: "", summary: "", bodyMd: "", topic: "", crops: [], sourceKind: "coop", sourceCentreId: "", sourceSageId: "",
};

export type ArticleFormOptions = Awaited<ReturnType<Trpc["knowledgeAdmin"]["options"]>>;

const text = (form: FormData, name: string, max: number) => String(form.get(name) ?? "").slice(0, max);

export function readArticleForm(form: FormData): ArticleFormValues {
  return {
    title: text(form, "title", 300),
    summary: text(form, "summary", 1000),
    bodyMd: text(form, "bodyMd", 100_001),
    topic: text(form, "topic", 40),
    crops: form.getAll("crops").filter((v): v is string => typeof v === "string").slice(0, 50).map((v) => v.slice(0, 50)),
    sourceKind: text(form, "sourceKind", 20) || "coop",
    sourceCentreId: text(form, "sourceCentreId", 40),
    sourceSageId: text(form, "sourceSageId", 40),
  };
}

/** What the procedures take; the schema there judges the values. */
export function articleInput(values: ArticleFormValues) {
  return {
    title: values.title,
    summary: values.summary,
    bodyMd: values.bodyMd,
    topic: values.topic as KnowledgeTopic,
    crops: values.crops,
    sourceKind: values.sourceKind as (typeof SOURCE_KINDS)[number],
    sourceCentreId: values.sourceCentreId,
    sourceSageId: values.sourceSageId,
  };
}

export function articleToValues(article: AdminArticle): ArticleFormValues {
  return {
    title: article.title,
    summary: article.summary,
    bodyMd: article.bodyMd,
    topic: article.topic,
    crops: article.crops,
    sourceKind: article.sourceKind,
    sourceCentreId: article.sourceCentreId ?? "",
    sourceSageId: article.sourceSageId ?? "",
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isArticleId = (value: string | undefined): value is string => typeof value === "string" && UUID.test(value);

/** Styles for rendered (sanitised) article HTML: headings, lists, quotes, tables, images, video players. */
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
