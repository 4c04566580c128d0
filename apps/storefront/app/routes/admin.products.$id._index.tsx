import { formatDate, resolveLocale, translator, unitLabel } from "@coop/i18n";
import { data, Form, Link } from "react-router";
import { Alert, dangerButtonClass, FormSection, localized, primaryButtonClass, secondaryButtonClass, SubmitButton } from "@coop/ui";
import type { Route } from "./+types/admin.products.$id._index";
import { PageHeader } from "../components/admin/PageHeader.tsx";
import { ProductForm } from "../components/admin/products/ProductForm.tsx";
import { ProductPhotos } from "../components/admin/products/ProductPhotos.tsx";
import { formRefusal } from "../components/admin/products/refusals.ts";
import { ShowcaseForm } from "../components/admin/products/ShowcaseForm.tsx";
import { ProductStockBadge } from "../components/admin/products/StockBadge.tsx";
import { isProductId, productInput, productToValues, readProductForm } from "../components/admin/products/values.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  adminTitle(matches, (tr) => (loaderData ? localized(loaderData.locale, loaderData.product.nameTh, loaderData.product.nameEn) : tr("admin.products.edit.title")));

function notFound(): never {
  throw data({ reason: "not-found" }, { status: 404 });
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  if (!isProductId(params.id)) notFound();
  const [product, { items: categories }, photos, showcase] = await Promise.all([
    orRespond(request, context.trpc.catalogAdmin.get({ productId: params.id })),
    orRespond(request, context.trpc.catalogAdmin.categories()),
    orRespond(request, context.trpc.media.listProductPhotos({ productId: params.id })),
    orRespond(request, context.trpc.catalogAdmin.showcase({ productId: params.id })),
  ]);
  const search = new URL(request.url).searchParams;
  const uploadError = search.get("uploadError");
  return {
    locale: resolveLocale(request),
    product,
    showcase,
    categories,
    photos: photos.items.map((p) => ({ id: p.id, position: p.position, url: p.url, variants: p.variants.map((v) => ({ width: v.width, url: v.url })) })),
    maxPhotos: photos.max,
    uploadResult: search.get("upload") === "ok" ? ({ ok: true } as const) : uploadError ? ({ ok: false, messageKey: uploadError } as const) : null,
    created: search.has("created"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  if (!isProductId(params.id)) notFound();
  const productId = params.id;
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "showcase") {
    const harvestMonths = form.getAll("harvestMonths").map(Number).filter((m) => Number.isInteger(m) && m >= 1 && m <= 12);
    await context.trpc.catalogAdmin.setShowcase({ productId, featured: form.get("featured") === "on", harvestMonths });
    return { kind: "showcased" as const, values: null, errors: null };
  }
  if (intent === "photo-remove" || intent === "photo-cover") {
    const photoId = String(form.get("photoId") ?? "");
    try {
      if (intent === "photo-remove") {
        await context.trpc.media.removeProductPhoto({ photoId });
      } else {
        const { items } = await context.trpc.media.listProductPhotos({ productId });
        const order = [photoId, ...items.map((p) => p.id).filter((id) => id !== photoId)];
        await context.trpc.media.reorderProductPhotos({ productId, photoIds: order });
      }
    } catch (error) {
      return data({ kind: "invalid" as const, values: null, errors: await formRefusal(request, error) }, { status: 400 });
    }
    return { kind: intent === "photo-remove" ? ("photoRemoved" as const) : ("photoCover" as const), values: null, errors: null };
  }
  if (intent === "archive" || intent === "restore") {
    try {
      await (intent === "archive" ? context.trpc.catalogAdmin.archive({ productId }) : context.trpc.catalogAdmin.restore({ productId }));
    } catch (error) {
      return data({ kind: "invalid" as const, values: null, errors: await formRefusal(request, error) }, { status: 400 });
    }
    return { kind: intent === "archive" ? ("archived" as const) : ("restored" as const), values: null, errors: null };
  }
  const values = readProductForm(form);
  try {
    await context.trpc.catalogAdmin.update({ productId, ...productInput(values) });
  } catch (error) {
    return data({ kind: "invalid" as const, values, errors: await formRefusal(request, error) }, { status: 400 });
  }
  return { kind: "saved" as const, values: null, errors: null };
}

export default function EditProduct({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, product, showcase, categories, created, photos, maxPhotos, uploadResult } = loaderData;
  const tr = translator(locale);
  // After a refused save, the form shows what was typed; otherwise the stored (normalised) product.
  const values = actionData?.values ?? productToValues(product);
  const name = localized(locale, product.nameTh, product.nameEn);
  const unit = unitLabel(product.unit, locale);
  const notice =
    actionData?.kind === "saved" ? "admin.products.edit.saved"
    : actionData?.kind === "archived" ? "admin.products.edit.archivedNow"
    : actionData?.kind === "restored" ? "admin.products.edit.restored"
    : actionData?.kind === "photoRemoved" ? "admin.products.photos.removed"
    : actionData?.kind === "photoCover" ? "admin.products.photos.coverSet"
    : actionData?.kind === "showcased" ? "admin.products.showcase.saved"
    : created && !actionData ? "admin.products.edit.created"
    : null;

  return (
    <>
      <nav className="mb-2 text-sm">
        <Link to="/admin/products" className="font-medium text-leaf-700 hover:underline">
          ← {tr("admin.products.list.title")}
        </Link>
      </nav>
      <PageHeader
        title={name}
        description={tr("admin.products.edit.updated", { date: formatDate(product.updatedAt, locale, "datetime") })}
        actions={<ProductStockBadge product={product} locale={locale} />}
      />

      <div className="space-y-5">
        {notice ? <Alert tone="success">{tr(notice)}</Alert> : null}
        {product.archivedAt ? (
          <Alert tone="warning" title={tr("admin.products.edit.archivedTitle")}>
            <p>{tr("admin.products.edit.archivedBody", { date: formatDate(product.archivedAt, locale) })}</p>
          </Alert>
        ) : null}

        <section aria-labelledby="stock-heading" className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6">
          <div>
            <h2 id="stock-heading" className="text-sm font-medium text-earth-600">
              {tr("admin.products.edit.stockHeading")}
            </h2>
            <p className="text-2xl font-bold text-earth-900">{tr("admin.products.edit.stockValue", { stock: product.stock, unit })}</p>
          </div>
          <Link to={`/admin/products/${product.id}/stock`} className={secondaryButtonClass}>
            {tr("admin.products.edit.adjustStock")}
          </Link>
        </section>

        <FormSection title={tr("admin.products.photos.title")} description={tr("admin.products.photos.lead")}>
          <ProductPhotos productId={product.id} photos={photos} max={maxPhotos} locale={locale} uploadResult={uploadResult} />
        </FormSection>

        <ProductForm
          key={JSON.stringify(values)}
          locale={locale}
          mode="edit"
          values={values}
          errors={actionData?.kind === "invalid" && actionData.values ? actionData.errors : null}
          categories={categories}
        />

        <ShowcaseForm locale={locale} featured={showcase.featured} harvestMonths={showcase.harvestMonths} />

        <section aria-labelledby="archive-heading" className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6">
          <h2 id="archive-heading" className="text-lg font-semibold text-leaf-900">
            {tr(product.archivedAt ? "admin.products.edit.restoreTitle" : "admin.products.edit.archiveTitle")}
          </h2>
          <p className="mt-1 text-sm text-earth-700">
            {tr(product.archivedAt ? "admin.products.edit.restoreBody" : "admin.products.edit.archiveBody")}
          </p>
          {actionData?.kind === "invalid" && !actionData.values && actionData.errors.formError ? (
            <Alert tone="error" className="mt-3">
              {tr("admin.products.edit.archiveFailed")}
            </Alert>
          ) : null}
          <Form method="post" className="mt-4">
            {product.archivedAt ? (
              <SubmitButton intent="restore" className={primaryButtonClass} pendingLabel={tr("admin.products.form.saving")}>
                {tr("admin.products.edit.restore")}
              </SubmitButton>
            ) : (
              <SubmitButton intent="archive" className={dangerButtonClass} pendingLabel={tr("admin.products.form.saving")}>
                {tr("admin.products.edit.archive")}
              </SubmitButton>
            )}
          </Form>
        </section>
      </div>
    </>
  );
}
