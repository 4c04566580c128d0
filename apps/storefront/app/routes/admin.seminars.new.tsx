import { resolveLocale, translator } from "@coop/i18n";
import { data, Link, redirect } from "react-router";
import { requiredWhenEmpty, secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/admin.seminars.new";
import { KnowledgeTabs } from "../components/admin/KnowledgeTabs.tsx";
import { PageHeader } from "../components/admin/PageHeader.tsx";
import { formRefusal } from "../components/admin/products/refusals.ts";
import { SeminarForm } from "../components/admin/seminars/SeminarForm.tsx";
import { EMPTY_SEMINAR, readSeminarForm, seminarInput } from "../components/admin/seminars/values.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("seminar.admin.new.title"));

export async function loader({ request, context }: Route.LoaderArgs) {
  const [options, provinces] = await Promise.all([orRespond(request, context.trpc.seminarsAdmin.options()), context.trpc.signup.provinces()]);
  return { locale: resolveLocale(request), crops: options.crops, provinces: provinces.items };
}

export async function action({ request, context }: Route.ActionArgs) {
  const values = readSeminarForm(await request.formData());
  try {
    const { id } = await context.trpc.seminarsAdmin.create(seminarInput(values));
    return redirect(`/admin/seminars/${id}?created=1`);
  } catch (error) {
    return data({ values, errors: requiredWhenEmpty(await formRefusal(request, error), { title: values.title }) }, { status: 400 });
  }
}

export default function NewSeminar({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, crops, provinces } = loaderData;
  const tr = translator(locale);
  const values = actionData?.values ?? EMPTY_SEMINAR;
  return (
    <>
      <KnowledgeTabs locale={locale} />
      <nav className="mb-2 text-sm">
        <Link to="/admin/seminars" className="font-medium text-leaf-700 hover:underline">
          ← {tr("seminar.admin.back")}
        </Link>
      </nav>
      <PageHeader title={tr("seminar.admin.new.title")} description={tr("seminar.admin.new.lead")} />
      <SeminarForm
        key={JSON.stringify(values)}
        locale={locale}
        mode="create"
        values={values}
        errors={actionData?.errors ?? null}
        crops={crops}
        provinces={provinces}
        secondaryAction={
          <Link to="/admin/seminars" className={secondaryButtonClass}>
            {tr("seminar.form.cancel")}
          </Link>
        }
      />
    </>
  );
}
