import { resolveLocale, translator } from "@coop/i18n";
import { useRef, useState } from "react";
import { data, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/admin.knowledge.new";
import { KnowledgeTabs } from "../components/admin/KnowledgeTabs.tsx";
import { PageHeader } from "../components/admin/PageHeader.tsx";
import { formRefusal } from "../components/admin/products/refusals.ts";
import { ArticleForm } from "../components/knowledge/ArticleForm.tsx";
import { articleInput, EMPTY_ARTICLE, readArticleForm } from "../components/knowledge/values.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("knowledge.form.newTitle"));

export async function loader({ request, context }: Route.LoaderArgs) {
  const options = await orRespond(request, context.trpc.knowledgeAdmin.options());
  return { locale: resolveLocale(request), options };
}

/** The live preview posts here too; it changes nothing, so the page's data need not be reloaded. */
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const values = readArticleForm(form);
  if (form.get("intent") === "preview") {
    const preview = await orRespond(request, context.trpc.knowledgeAdmin.preview({ bodyMd: values.bodyMd.slice(0, 100_000) }));
    return { preview, values, errors: null };
  }
  try {
    const { id } = await context.trpc.knowledgeAdmin.create(articleInput(values));
    // On to the editor, where images and files are added.
    return redirect(`/admin/knowledge/${id}?created=1`);
  } catch (error) {
    return data({ preview: null, values, errors: await formRefusal(request, error) }, { status: 400 });
  }
}

export default function NewArticle({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, options } = loaderData;
  const tr = translator(locale);
  const values = actionData?.values ?? EMPTY_ARTICLE;
  const [bodyMd, setBodyMd] = useState(values.bodyMd);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  return (
    <>
      <KnowledgeTabs locale={locale} />
      <nav className="mb-2 text-sm">
        <Link to="/admin/knowledge" className="font-medium text-leaf-700 hover:underline">
          ← {tr("knowledge.admin.back")}
        </Link>
      </nav>
      <PageHeader title={tr("knowledge.form.newTitle")} description={tr("knowledge.form.newIntro")} />
      <ArticleForm
        key={JSON.stringify(actionData?.values ?? null)}
        locale={locale}
        mode="create"
        values={values}
        bodyMd={bodyMd}
        onBodyChange={setBodyMd}
        textareaRef={textareaRef}
        previewHtml={actionData?.preview?.html ?? ""}
        errors={actionData?.errors ?? null}
        options={options}
        secondaryAction={
          <Link to="/admin/knowledge" className={secondaryButtonClass}>
            {tr("knowledge.admin.back")}
          </Link>
        }
      />
    </>
  );
}
