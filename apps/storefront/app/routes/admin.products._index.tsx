import { formatBaht, type Locale, resolveLocale, translator, unitLabel } from "@coop/i18n";
import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { inputClass, linkClass, localized, primaryButtonClass, secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/admin.products._index";
import { ChevronRightIcon, ProductsIcon } from "../components/admin/icons.tsx";
import { PageHeader } from "../components/admin/PageHeader.tsx";
import { Pager } from "../components/admin/Pager.tsx";
import { ProductStockBadge } from "../components/admin/products/StockBadge.tsx";
import {
  type AdminProductRow,
  type Category,
  type ListQuery,
  listHref,
  listInput,
  PAGE_SIZE,
  PRODUCT_STATUSES,
  readListQuery,
  SORTS,
  STATUS_LABEL,
} from "../components/admin/products/values.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("admin.products.list.title"));

export async function loader({ request, context }: Route.LoaderArgs) {
  const query = readListQuery(new URL(request.url));
  const [page, { items: categories }] = await Promise.all([
    orRespond(request, context.trpc.catalogAdmin.list(listInput(query))),
    orRespond(request, context.trpc.catalogAdmin.categories()),
  ]);
  return { locale: resolveLocale(request), query, page, categories };
}

const SORT_LABEL = {
  updated: "admin.products.sort.updated",
  newest: "admin.products.sort.newest",
  name: "admin.products.sort.name",
  price_asc: "admin.products.sort.price_asc",
  price_desc: "admin.products.sort.price_desc",
  stock: "admin.products.sort.stock",
} as const;

export default function ProductList({ loaderData }: Route.ComponentProps) {
  const { locale, query, page, categories } = loaderData;
  const tr = translator(locale);
  const filtered = Boolean(query.q || query.status || query.categoryId);
  const first = (query.page - 1) * PAGE_SIZE + 1;
  const last = first + page.items.length - 1;
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  const categoryName = new Map(categories.map((c: Category) => [c.id, locale === "th" ? c.nameTh : c.nameEn]));

  return (
    <>
      <PageHeader
        title={tr("admin.products.list.title")}
        description={tr("admin.products.list.lead")}
        actions={
          <Link to="/admin/products/new" className={primaryButtonClass}>
            <span aria-hidden="true" className="text-xl leading-none">+</span>
            {tr("admin.products.list.add")}
          </Link>
        }
      />

      <nav aria-label={tr("admin.products.list.views")} className="mb-4 flex gap-2 text-sm">
        {[false, true].map((archived) => (
          <Link
            key={String(archived)}
            to={listHref({ ...query, archived, page: 1 })}
            aria-current={query.archived === archived ? "page" : undefined}
            className={
              "rounded-full border px-3.5 py-1.5 font-medium " +
              (query.archived === archived ? "border-leaf-700 bg-leaf-700 text-white" : "border-earth-200 bg-white text-earth-700 hover:border-leaf-600")
            }
          >
            {tr(archived ? "admin.products.list.archived" : "admin.products.list.active")}
          </Link>
        ))}
      </nav>

      <Form method="get" role="search" className="mb-5 rounded-2xl border border-earth-200 bg-white p-3 shadow-xs sm:p-4">
        {query.archived ? <input type="hidden" name="archived" value="1" /> : null}
        <div className="flex gap-2">
          <label htmlFor="product-search" className="sr-only">
            {tr("admin.products.list.search")}
          </label>
          <input
            id="product-search"
            type="search"
            name="q"
            defaultValue={query.q}
            maxLength={100}
            placeholder={tr("admin.products.list.searchPlaceholder")}
            className={inputClass}
          />
          <button type="submit" className={`${secondaryButtonClass} shrink-0 px-4`}>
            {tr("admin.products.list.searchButton")}
          </button>
        </div>
        <div className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3">
          <FilterSelect label={tr("admin.products.list.filterStatus")} name="status" value={query.status}>
            <option value="">{tr("admin.products.list.allStatuses")}</option>
            {PRODUCT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tr(STATUS_LABEL[s])}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label={tr("admin.products.list.filterCategory")} name="category" value={query.categoryId}>
            <option value="">{tr("admin.products.list.allCategories")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {categoryName.get(c.id)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label={tr("admin.products.list.sort")} name="sort" value={query.sort} className="col-span-2 sm:col-span-1">
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {tr(SORT_LABEL[s])}
              </option>
            ))}
          </FilterSelect>
        </div>
      </Form>

      {page.items.length === 0 ? (
        <EmptyState locale={locale} query={query} filtered={filtered} />
      ) : (
        <>
          <p className="mb-2 text-sm text-earth-600" aria-live="polite">
            {tr("admin.products.list.showing", { first, last, total: page.total })}
          </p>
          <ul className="divide-y divide-earth-100 overflow-hidden rounded-2xl border border-earth-200 bg-white shadow-xs">
            {page.items.map((product) => (
              <ProductRow key={product.id} product={product} locale={locale} category={product.categoryId ? categoryName.get(product.categoryId) : undefined} />
            ))}
          </ul>
          <Pager
            page={query.page}
            pages={pages}
            hrefFor={(page) => listHref({ ...query, page })}
            labels={{
              nav: tr("admin.products.list.pages"),
              previous: tr("admin.products.list.previous"),
              next: tr("admin.products.list.next"),
              position: tr("admin.products.list.page", { page: query.page, pages }),
            }}
          />
        </>
      )}
    </>
  );
}

function FilterSelect({ label, name, value, className, children }: { label: string; name: string; value: string; className?: string; children: ReactNode }) {
  const id = `filter-${name}`;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-earth-600">
        {label}
      </label>
      {/* Changing a filter applies it at once when scripts run; without them, the search button does. */}
      <select id={id} name={name} defaultValue={value} onChange={(e) => e.currentTarget.form?.requestSubmit()} className={`${inputClass} py-2 pr-8 text-sm`}>
        {children}
      </select>
    </div>
  );
}

function ProductRow({ product, locale, category }: { product: AdminProductRow; locale: Locale; category: string | undefined }) {
  const tr = translator(locale);
  const name = localized(locale, product.nameTh, product.nameEn);
  const unit = unitLabel(product.unit, locale);
  return (
    <li className="flex items-stretch">
      <Link to={`/admin/products/${product.id}`} className="flex min-w-0 flex-1 items-center gap-3 px-4 py-3 hover:bg-earth-50">
        <span className="min-w-0 flex-1">
          <span className="block truncate font-semibold text-earth-900">{name}</span>
          {category ? <span className="block truncate text-xs text-earth-500">{category}</span> : null}
          <span className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <span className="font-medium text-leaf-800">{tr("admin.products.list.price", { price: formatBaht(product.priceSatang, locale), unit })}</span>
            <ProductStockBadge product={product} locale={locale} />
          </span>
        </span>
        <ChevronRightIcon className="size-5 shrink-0 text-earth-400" />
      </Link>
      <Link
        to={`/admin/products/${product.id}/stock`}
        className="flex w-20 shrink-0 flex-col items-center justify-center border-l border-earth-100 px-2 text-center hover:bg-earth-50 sm:w-28"
        aria-label={tr("admin.products.list.stockLink", { name, stock: product.stock, unit })}
      >
        <span className={`text-lg font-semibold ${product.stock === 0 ? "text-clay-800" : "text-earth-900"}`}>{product.stock.toLocaleString(locale === "th" ? "th-TH" : "en-US")}</span>
        <span className="text-xs text-earth-500">{tr("admin.products.list.stockUnit", { unit })}</span>
      </Link>
    </li>
  );
}

function EmptyState({ locale, query, filtered }: { locale: Locale; query: ListQuery; filtered: boolean }) {
  const tr = translator(locale);
  if (filtered) {
    return (
      <div className="rounded-2xl border border-dashed border-earth-300 bg-white px-6 py-10 text-center text-earth-700">
        <p>{tr("admin.products.list.noMatch")}</p>
        <Link to={listHref({ ...query, q: "", status: "", categoryId: "", page: 1 })} className={`${linkClass} mt-2 inline-block`}>
          {tr("admin.products.list.clearFilters")}
        </Link>
      </div>
    );
  }
  if (query.archived) {
    return <p className="rounded-2xl border border-dashed border-earth-300 bg-white px-6 py-10 text-center text-earth-700">{tr("admin.products.list.noArchived")}</p>;
  }
  return (
    <div className="rounded-2xl border border-dashed border-earth-300 bg-white px-6 py-12 text-center">
      <ProductsIcon className="mx-auto size-10 text-leaf-600" />
      <p className="mt-3 font-semibold text-earth-900">{tr("admin.products.list.empty.title")}</p>
      <p className="mt-1 text-earth-700">{tr("admin.products.list.empty.body")}</p>
      <Link to="/admin/products/new" className={`${primaryButtonClass} mt-5`}>
        {tr("admin.products.list.add")}
      </Link>
    </div>
  );
}
