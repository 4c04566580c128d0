import { resolveLocale, translator } from "@coop/i18n";
import { data, Link, redirect } from "react-router";
import { Alert, secondaryButtonClass, translateKey } from "@coop/ui";
import type { Route } from "./+types/admin.network.sages.$id";
import { KnowledgeTabs } from "../components/admin/KnowledgeTabs.tsx";
import { sageFormOptions } from "../components/admin/network/options.server.ts";
import { readSageForm, SageForm, sageInput, type SageFormValues } from "../components/admin/network/SageForm.tsx";
import { PageHeader } from "../components/admin/PageHeader.tsx";
import { formRefusal } from "../components/admin/products/refusals.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("directory.admin.editSage"));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  if (!UUID.test(params.id)) throw data({ reason: "not-found" }, { status: 404 });
  const locale = resolveLocale(request);
  const [sage, options] = await Promise.all([
    orRespond(request, context.trpc.directoryAdmin.sageForEdit({ sageId: params.id })),
    orRespond(request, sageFormOptions(context.trpc, locale)),
  ]);
  const values: SageFormValues = {
    nameTh: sage.nameTh, nameEn: sage.nameEn ?? "", titleTh: sage.titleTh ?? "", expertiseTh: sage.expertiseTh, bioTh: sage.bioTh ?? "",
    provinceCode: String(sage.provinceCode), districtTh: sage.districtTh ?? "", crops: sage.crops, phone: sage.phone ?? "", centreId: sage.centreId ?? "",
  };
  const url = new URL(request.url);
  const photoError = (url.searchParams.get("photoError") ?? "").slice(0, 80);
  return {
    locale, values, ...options, id: params.id, name: sage.nameTh, photoUrl: sage.photoUrl,
    photoSaved: url.searchParams.get("photo") === "ok", photoError: /^[a-z_]+\.[a-z_.]+$/.test(photoError) ? photoError : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  if (!UUID.test(params.id)) throw data({ reason: "not-found" }, { status: 404 });
  const values = readSageForm(await request.formData());
  try {
    await context.trpc.directoryAdmin.updateSage({ ...sageInput(values), sageId: params.id });
    return redirect("/admin/network?saved=sage");
  } catch (error) {
    return data({ values, errors: await formRefusal(request, error) }, { status: 400 });
  }
}

export default function EditSage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, values, provinces, crops, centres, id, name, photoUrl, photoSaved, photoError } = loaderData;
  const tr = translator(locale);
  return (
    <>
      <KnowledgeTabs locale={locale} />
      <nav className="mb-2 text-sm">
        <Link to="/admin/network" className="font-medium text-leaf-700 hover:underline">
          ← {tr("directory.admin.title")}
        </Link>
      </nav>
      <PageHeader title={tr("directory.admin.editSage")} />
      {photoSaved ? (
        <Alert tone="success" className="mb-5">
          {tr("directory.sageForm.photoSaved")}
        </Alert>
      ) : null}
      {photoError ? (
        <Alert tone="error" className="mb-5">
          {translateKey(locale, photoError)}
        </Alert>
      ) : null}
      <section aria-labelledby="sage-photo" className="mb-6 flex flex-col gap-4 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:flex-row sm:items-center sm:p-6">
        {photoUrl ? (
          <img src={photoUrl} alt="" className="size-24 shrink-0 rounded-full object-cover" />
        ) : (
          <span aria-hidden="true" className="grid size-24 shrink-0 place-items-center rounded-full bg-leaf-100 text-3xl font-semibold text-leaf-800">
            {[...name.replace(/^(นางสาว|นาง|นาย)\s*/u, "").replace(/^[เแโใไ]/u, "")][0] ?? ""}
          </span>
        )}
        <form method="post" action={`/admin/uploads/sage-photo?sageId=${id}`} encType="multipart/form-data" className="min-w-0 flex-1 space-y-2">
          <h2 id="sage-photo" className="text-lg font-semibold text-leaf-900">
            {tr("directory.sageForm.photo")}
          </h2>
          <p className="text-sm text-earth-600">{tr("directory.sageForm.photoHint")}</p>
          <div className="flex flex-wrap items-center gap-3">
            <input type="file" name="file" required accept="image/jpeg,image/png,image/webp,image/heic,image/heif" className="max-w-full text-sm" />
            <button type="submit" className={secondaryButtonClass}>
              {tr("directory.sageForm.photoUpload")}
            </button>
          </div>
        </form>
      </section>
      <SageForm
        key={JSON.stringify(actionData?.values ?? null)}
        locale={locale}
        values={actionData?.values ?? values}
        errors={actionData?.errors ?? null}
        provinces={provinces}
        crops={crops}
        centres={centres}
        photoNote={false}
        secondaryAction={
          <Link to="/admin/network" className={secondaryButtonClass}>
            {tr("directory.admin.cancel")}
          </Link>
        }
      />
    </>
  );
}
