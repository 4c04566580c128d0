import { resolveLocale, translator } from "@coop/i18n";
import { data, Link, redirect } from "react-router";
import { secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/admin.products.new";
import { PageHeader } from "../components/admin/PageHeader.tsx";
import { ProductForm } from "../components/admin/products/ProductForm.tsx";
import { EMPTY_PRODUCT, productInput, readProductForm } from "../components/admin/products/values.ts";
import { orRespond } from "../lib/admin.server.ts";
import { formRefusal } from "../components/admin/products/refusals.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("admin.products.new.title"));

export async function loader({ request, context }: Route.LoaderArgs) {
  const { items: categories } = await orRespond(request, context.trpc.catalogAdmin.categories());
  return { locale: resolveLocale(request), categories };
}

export async function action({ request, context }: Route.ActionArgs) {
  const values = readProductForm(await request.formData());
  try {
    const product = await context.trpc.catalogAdmin.create({ ...productInput(values), initialStock: values.initialStock });
    // On to the product's page, where photos are added.
    return redirect(`/admin/products/${product.id}?created=1`);
  } catch (error) {
    return data({ values, errors: await formRefusal(request, error) }, { status: 400 });
  }
}

export default function NewProduct({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, categories } = loaderData;
  const tr = translator(locale);
  const values = actionData?.values ?? EMPTY_PRODUCT;
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link to="/admin/products" className="font-medium text-leaf-700 hover:underline">
          ← {tr("admin.products.list.title")}
        </Link>
      </nav>
      <PageHeader title={tr("admin.products.new.title")} description={tr("admin.products.new.lead")} />
      <ProductForm
        key={JSON.stringify(values)}
        locale={locale}
        mode="create"
        values={values}
        errors={actionData?.errors ?? null}
        categories={categories}
        secondaryAction={
          <Link to="/admin/products" className={secondaryButtonClass}>
            {tr("admin.products.form.cancel")}
          </Link>
        }
      />
    </>
  );
}
