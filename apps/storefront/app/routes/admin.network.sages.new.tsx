import { resolveLocale, translator } from "@coop/i18n";
import { data, Link, redirect } from "react-router";
import { secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/admin.network.sages.new";
import { KnowledgeTabs } from "../components/admin/KnowledgeTabs.tsx";
import { sageFormOptions } from "../components/admin/network/options.server.ts";
import { EMPTY_SAGE, readSageForm, SageForm, sageInput } from "../components/admin/network/SageForm.tsx";
import { PageHeader } from "../components/admin/PageHeader.tsx";
import { formRefusal } from "../components/admin/products/refusals.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("directory.admin.addSage"));

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  return { locale, ...(await orRespond(request, sageFormOptions(context.trpc, locale))) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const values = readSageForm(await request.formData());
  try {
    await context.trpc.directoryAdmin.createSage(sageInput(values));
    return redirect("/admin/network?saved=sage");
  } catch (error) {
    return data({ values, errors: await formRefusal(request, error) }, { status: 400 });
  }
}

export default function NewSage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, provinces, crops, centres } = loaderData;
  const tr = translator(locale);
  return (
    <>
      <KnowledgeTabs locale={locale} />
      <nav className="mb-2 text-sm">
        <Link to="/admin/network" className="font-medium text-leaf-700 hover:underline">
          ← {tr("directory.admin.title")}
        </Link>
      </nav>
      <PageHeader title={tr("directory.admin.addSage")} />
      <SageForm
        key={JSON.stringify(actionData?.values ?? null)}
        locale={locale}
        values={actionData?.values ?? EMPTY_SAGE}
        errors={actionData?.errors ?? null}
        provinces={provinces}
        crops={crops}
        centres={centres}
        secondaryAction={
          <Link to="/admin/network" className={secondaryButtonClass}>
            {tr("directory.admin.cancel")}
          </Link>
        }
      />
    </>
  );
}
