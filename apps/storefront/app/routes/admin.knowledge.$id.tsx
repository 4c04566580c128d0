import { formatDate, type Locale, resolveLocale, translator } from "@coop/i18n";
import { useRef, useState } from "react";
import { data, Form, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { Alert, dangerButtonClass, type FormErrors, primaryButtonClass, secondaryButtonClass, SubmitButton, translateKey, useHydrated } from "@coop/ui";
import type { Route } from "./+types/admin.knowledge.$id";
import { KnowledgeTabs } from "../components/admin/KnowledgeTabs.tsx";
import { Card, PageHeader } from "../components/admin/PageHeader.tsx";
import { formRefusal } from "../components/admin/products/refusals.ts";
import { ArticleSharedBadge, ArticleStatusBadge } from "../components/knowledge/ArticleBadges.tsx";
import { ArticleFileUpload } from "../components/knowledge/ArticleFileUpload.tsx";
import { ArticleForm } from "../components/knowledge/ArticleForm.tsx";
import {
  type AdminArticle, type ArticleFile, articleInput, articleToValues, type ArticleFormValues, isArticleId, readArticleForm,
} from "../components/knowledge/values.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => adminTitle(matches, (tr) => loaderData?.article.title ?? tr("knowledge.admin.title"));

function notFound(): never {
  throw data({ reason: "not-found" }, { status: 404 });
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  if (!isArticleId(params.id)) notFound();
  const url = new URL(request.url);
  const [article, options] = await Promise.all([
    orRespond(request, context.trpc.knowledgeAdmin.get({ articleId: params.id })),
    orRespond(request, context.trpc.knowledgeAdmin.options()),
  ]);
  return {
    locale: resolveLocale(request),
    article,
    options,
    created: url.searchParams.has("created"),
    uploaded: url.searchParams.get("upload") === "ok",
    uploadError: url.searchParams.get("uploadError")?.slice(0, 80) ?? null,
    siteUrl: `/knowledge/${article.id}`,
  };
}

export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;
}

type Outcome = "saved" | "published" | "unpublished" | "shared" | "unshared" | "fileDeleted";
type Section = "details" | "status" | "files" | "delete";
interface ActionAnswer {
  ok: Outcome | null;
  preview: { html: string } | null;
  values: ArticleFormValues | null;
  refusal: { section: Section; errors: FormErrors } | null;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  if (!isArticleId(params.id)) notFound();
  const articleId = params.id;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");
  const answer = (ok: Outcome): ActionAnswer => ({ ok, preview: null, values: null, refusal: null });
  const refuse = async (section: Section, error: unknown, values: ArticleFormValues | null = null) =>
    data({ ok: null, preview: null, values, refusal: { section, errors: await formRefusal(request, error) } } satisfies ActionAnswer, { status: 400 });
  const trpc = context.trpc.knowledgeAdmin;
  switch (intent) {
    case "preview": {
      const values = readArticleForm(form);
      const preview = await orRespond(request, trpc.preview({ bodyMd: values.bodyMd.slice(0, 100_000) }));
      // A script-less preview submits the whole form: keep what was typed.
      return { ok: null, preview, values: form.has("title") ? values : null, refusal: null } satisfies ActionAnswer;
    }
    case "publish":
    case "unpublish":
      try {
        await trpc.setStatus({ articleId, status: intent === "publish" ? "published" : "draft" });
      } catch (error) {
        return refuse("status", error);
      }
      return answer(intent === "publish" ? "published" : "unpublished");
    case "share":
    case "unshare":
      try {
        await trpc.share({ articleId, shared: intent === "share" });
      } catch (error) {
        return refuse("status", error);
      }
      return answer(intent === "share" ? "shared" : "unshared");
    case "deleteFile":
      try {
        await trpc.deleteFile({ fileId: String(form.get("fileId") ?? "") });
      } catch (error) {
        return refuse("files", error);
      }
      return answer("fileDeleted");
    case "delete":
      if (form.get("confirm") !== "yes") {
        const errors: FormErrors = { fields: { confirm: "knowledge.form.deleteHelp" }, params: {} };
        return data({ ok: null, preview: null, values: null, refusal: { section: "delete" as Section, errors } } satisfies ActionAnswer, { status: 400 });
      }
      try {
        await trpc.delete({ articleId });
      } catch (error) {
        return refuse("delete", error);
      }
      return redirect("/admin/knowledge?deleted=1");
    default: {
      const values = readArticleForm(form);
      try {
        await trpc.update({ articleId, ...articleInput(values) });
      } catch (error) {
        return refuse("details", error, values);
      }
      return answer("saved");
    }
  }
}

const OK_MESSAGE: Record<Outcome, string> = {
  saved: "knowledge.form.saved",
  published: "knowledge.status.published",
  unpublished: "knowledge.status.draft",
  shared: "knowledge.form.sharedHelp",
  unshared: "knowledge.form.notSharedHelp",
  fileDeleted: "knowledge.form.fileDeleted",
};

export default function EditArticle({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, article, options, created, uploaded, uploadError, siteUrl } = loaderData;
  const tr = translator(locale);
  const refusal = actionData?.refusal ?? null;
  const errorsFor = (section: Section) => (refusal?.section === section ? refusal.errors : null);
  const values = actionData?.values ?? articleToValues(article);
  const [bodyMd, setBodyMd] = useState(values.bodyMd);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  /** Puts a snippet where the cursor is in the body (or at the end), on a line of its own. */
  function insertIntoBody(snippet: string) {
    const box = textareaRef.current;
    const at = box ? box.selectionEnd : bodyMd.length;
    const before = bodyMd.slice(0, at);
    const after = bodyMd.slice(at);
    const text = `${before && !before.endsWith("\n\n") ? (before.endsWith("\n") ? "\n" : "\n\n") : ""}${snippet}\n\n`;
    setBodyMd(before + text + after.replace(/^\n+/, ""));
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(before.length + text.length, before.length + text.length);
    });
  }

  const ok = actionData?.ok ?? null;
  return (
    <>
      <KnowledgeTabs locale={locale} />
      <nav className="mb-2 text-sm">
        <Link to="/admin/knowledge" className="font-medium text-leaf-700 hover:underline">
          ← {tr("knowledge.admin.back")}
        </Link>
      </nav>
      <PageHeader
        title={article.title}
        description={tr("knowledge.admin.updated", { date: formatDate(article.updatedAt, locale) })}
        actions={
          article.status === "published" ? (
            <a href={siteUrl} className={secondaryButtonClass} target="_blank" rel="noopener">
              {tr("knowledge.form.view")}
            </a>
          ) : null
        }
      />
      <div className="mb-4 space-y-3">
        {created && !actionData ? <Alert tone="success" title={tr("knowledge.form.created")} /> : null}
        {ok ? <Alert tone="success" title={tr(OK_MESSAGE[ok] as "knowledge.form.saved")} /> : null}
        {uploaded ? <Alert tone="success" title={tr("knowledge.form.uploaded")} /> : null}
        {uploadError ? <Alert tone="error" title={tr("knowledge.form.uploadFailed", { reason: translateKey(locale, uploadError) })} /> : null}
      </div>

      <PublishingCard article={article} locale={locale} errors={errorsFor("status")} />

      <div className="mt-5">
        <ArticleForm
          key={JSON.stringify(actionData?.values ?? null)}
          locale={locale}
          mode="edit"
          values={values}
          bodyMd={bodyMd}
          onBodyChange={setBodyMd}
          textareaRef={textareaRef}
          previewHtml={actionData?.preview?.html ?? article.bodyHtml}
          errors={errorsFor("details")}
          options={options}
        />
      </div>

      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <Card title={tr("knowledge.form.cover")}>
          <div className="mb-4 aspect-[16/7] overflow-hidden rounded-xl border border-earth-200 bg-earth-50">
            {article.coverUrl ? (
              <img src={article.coverUrl} alt={tr("knowledge.form.cover")} className="size-full object-cover" />
            ) : (
              <p className="grid size-full place-items-center text-sm text-earth-500">{tr("knowledge.form.coverNone")}</p>
            )}
          </div>
          <ArticleFileUpload locale={locale} articleId={article.id} kind="cover" label={tr("knowledge.form.coverUpload")} />
        </Card>
        <Card title={tr("knowledge.form.images")}>
          <ArticleFileUpload
            locale={locale}
            articleId={article.id}
            kind="image"
            label={tr("knowledge.form.imageUpload")}
            hint={tr("knowledge.form.imageHint")}
            onUploaded={(file) => insertIntoBody(file.markdown)}
          />
          <FileList files={article.files.filter((f) => f.kind === "image")} locale={locale} onInsert={insertIntoBody} coverUrl={article.coverUrl} />
        </Card>
        <Card title={tr("knowledge.form.attachments")} className="lg:col-span-2">
          <ArticleFileUpload locale={locale} articleId={article.id} kind="pdf" label={tr("knowledge.form.pdfUpload")} hint={tr("knowledge.form.pdfHint")} />
          <FileList files={article.files.filter((f) => f.kind === "pdf")} locale={locale} onInsert={insertIntoBody} coverUrl={null} />
          {errorsFor("files")?.formError ? <p className="mt-2 text-sm font-medium text-clay-800">{translateKey(locale, errorsFor("files")?.formError)}</p> : null}
        </Card>
      </div>

      <DeleteCard locale={locale} errors={errorsFor("delete")} />
    </>
  );
}

function PublishingCard({ article, locale, errors }: { article: AdminArticle; locale: Locale; errors: FormErrors | null }) {
  const tr = translator(locale);
  const published = article.status === "published";
  return (
    <Card title={tr("knowledge.form.publishing")}>
      {errors?.formError ? <Alert tone="error" className="mb-3" title={translateKey(locale, errors.formError, errors.params)} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Form method="post" className="flex flex-col gap-3 rounded-xl border border-earth-200 p-4">
          <div className="flex items-center gap-2">
            <ArticleStatusBadge status={article.status} locale={locale} />
            {article.publishedAt ? <span className="text-xs text-earth-600">{tr("knowledge.publishedOn", { date: formatDate(article.publishedAt, locale) })}</span> : null}
          </div>
          <p className="text-sm text-earth-700">{tr(published ? "knowledge.form.publishedHelp" : "knowledge.form.draftHelp")}</p>
          <SubmitButton intent={published ? "unpublish" : "publish"} className={published ? secondaryButtonClass : primaryButtonClass} pendingLabel="…">
            {tr(published ? "knowledge.form.unpublish" : "knowledge.form.publish")}
          </SubmitButton>
        </Form>
        <Form method="post" className="flex flex-col gap-3 rounded-xl border border-earth-200 p-4">
          <div>
            <ArticleSharedBadge shared={article.shared} locale={locale} />
          </div>
          <p className="text-sm text-earth-700">
            {tr(article.shared ? (published ? "knowledge.form.sharedHelp" : "knowledge.form.sharedWaiting") : "knowledge.form.notSharedHelp")}
          </p>
          <SubmitButton intent={article.shared ? "unshare" : "share"} className={article.shared ? secondaryButtonClass : primaryButtonClass} pendingLabel="…">
            {tr(article.shared ? "knowledge.form.unshare" : "knowledge.form.share")}
          </SubmitButton>
        </Form>
      </div>
    </Card>
  );
}

function FileList({ files, locale, onInsert, coverUrl }: { files: ArticleFile[]; locale: Locale; onInsert: (snippet: string) => void; coverUrl: string | null }) {
  const tr = translator(locale);
  const hydrated = useHydrated();
  if (files.length === 0) return <p className="mt-4 text-sm text-earth-500">{tr("knowledge.form.noFiles")}</p>;
  return (
    <ul className="mt-4 divide-y divide-earth-100 rounded-xl border border-earth-200">
      {files.map((file) => (
        <li key={file.id} className="flex flex-wrap items-center gap-3 p-3">
          {file.kind === "image" ? (
            <img src={file.url} alt="" className="size-14 shrink-0 rounded-lg object-cover" loading="lazy" />
          ) : (
            <span className="grid size-14 shrink-0 place-items-center rounded-lg bg-clay-100 text-xs font-bold text-clay-800">PDF</span>
          )}
          <div className="min-w-0 flex-1">
            <a href={file.url} className="block truncate text-sm font-medium text-leaf-800 hover:underline" target="_blank" rel="noopener">
              {file.fileName}
            </a>
            <p className="text-xs text-earth-600">
              {Math.max(1, Math.round(file.byteSize / 1024)).toLocaleString(locale === "th" ? "th-TH" : "en-GB")} KB
              {coverUrl === file.url ? ` · ${tr("knowledge.form.cover")}` : ""}
            </p>
            <input
              readOnly
              value={file.markdown}
              aria-label={tr("knowledge.form.insert")}
              onFocus={(event) => event.currentTarget.select()}
              className="mt-1 w-full rounded border border-earth-200 bg-earth-50 px-2 py-1 font-mono text-xs text-earth-700"
            />
          </div>
          <div className="flex gap-2">
            {hydrated ? (
              <button type="button" className={secondaryButtonClass} onClick={() => onInsert(file.markdown)}>
                {tr("knowledge.form.insert")}
              </button>
            ) : null}
            <Form method="post">
              <input type="hidden" name="fileId" value={file.id} />
              <SubmitButton intent="deleteFile" className={dangerButtonClass} aria-label={`${tr("knowledge.form.fileDelete")} ${file.fileName}`}>
                {tr("knowledge.form.fileDelete")}
              </SubmitButton>
            </Form>
          </div>
        </li>
      ))}
    </ul>
  );
}

function DeleteCard({ locale, errors }: { locale: Locale; errors: FormErrors | null }) {
  const tr = translator(locale);
  const confirmError = errors?.fields.confirm ? translateKey(locale, errors.fields.confirm) : errors?.formError ? translateKey(locale, errors.formError) : null;
  return (
    <section className="mt-8 rounded-2xl border border-clay-800/30 bg-white p-4 shadow-xs sm:p-6">
      <h2 className="text-lg font-semibold text-clay-800">{tr("knowledge.form.delete")}</h2>
      <Form method="post" className="mt-3 space-y-3">
        <label className="flex items-start gap-2 text-sm text-earth-800">
          <input type="checkbox" name="confirm" value="yes" required className="mt-0.5 size-4 accent-clay-800" aria-invalid={confirmError ? true : undefined} />
          {tr("knowledge.form.deleteConfirm")}
        </label>
        {confirmError ? <p className="text-sm font-medium text-clay-800">{confirmError}</p> : null}
        <SubmitButton intent="delete" className={dangerButtonClass}>
          {tr("knowledge.form.delete")}
        </SubmitButton>
      </Form>
    </section>
  );
}
