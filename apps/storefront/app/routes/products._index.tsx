import { localized, linkClass } from "@coop/ui";
import { resolveLocale, t, translator } from "@coop/i18n";
import type { Route } from "./+types/products._index";
import { Pager } from "../components/admin/Pager.tsx";
import { CatalogueFilters, type Sort, SORTS } from "../components/catalog/CatalogueFilters.tsx";
import { ProductCard } from "../components/ProductCard.tsx";
import { AddedNotice } from "../components/shop/AddedNotice.tsx";
import { currentPath } from "../components/shop/return-to.ts";
import { toProductView } from "../lib/catalog.ts";

const MAX_PAGE = 500;

/** The catalogue's state from the URL, forgiving: anything odd falls back to the default. */
function readQuery(url: URL) {
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const category = (url.searchParams.get("category") ?? "").trim().slice(0, 64);
  const sortParam = url.searchParams.get("sort") ?? "";
  const sort: Sort = (SORTS as readonly string[]).includes(sortParam) ? (sortParam as Sort) : "newest";
  const pageNumber = Number(url.searchParams.get("page") ?? "1");
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1;
  return { q, category, sort, page };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const url = new URL(request.url);
  const query = readQuery(url);
  const [tenant, categories] = await Promise.all([context.trpc.site.current(), context.trpc.catalog.categories()]);
  const category = categories.some((c) => c.id === query.category) ? query.category : "";
  const result = await context.trpc.catalog.listCatalogue({
    q: query.q || undefined,
    categoryId: category || undefined,
    sort: query.sort,
    page: query.page,
  });
  const products = result.items.map((product) => toProductView(product, locale));
  const addedId = url.searchParams.get("added");
  const added = addedId ? (products.find((p) => p.id === addedId)?.name.text ?? null) : null;
  return {
    locale,
    coopName: localized(locale, tenant.nameTh, tenant.nameEn),
    q: query.q,
    category,
    sort: query.sort,
    page: result.page,
    pageCount: result.pageCount,
    total: result.total,
    categories: categories.map((c) => ({ id: c.id, label: t(locale, "catalog.public.categoryOption", { name: localized(locale, c.nameTh, c.nameEn), count: c.count }) })),
    products,
    added,
    returnTo: currentPath(request),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, coopName, q, category, sort, page } = loaderData;
  const filtered = q !== "" || category !== "" || sort !== "newest" || page > 1;
  return [
    { title: `${t(locale, "catalog.public.title")} | ${coopName}` },
    { name: "description", content: t(locale, "catalog.public.meta.description", { name: coopName }) },
    { property: "og:title", content: `${t(locale, "catalog.public.title")} | ${coopName}` },
    // Search results and re-sorted copies of the list are not pages of their own.
    ...(filtered ? [{ name: "robots", content: "noindex, follow" }] : []),
  ];
};

function hrefWith(base: { q: string; category: string; sort: Sort }, page: number): string {
  const params = new URLSearchParams();
  if (base.q) params.set("q", base.q);
  if (base.category) params.set("category", base.category);
  if (base.sort !== "newest") params.set("sort", base.sort);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/products?${search}` : "/products";
}

export default function Catalogue({ loaderData }: Route.ComponentProps) {
  const { locale, coopName, q, category, sort, page, pageCount, total, categories, products, added, returnTo } = loaderData;
  const tr = translator(locale);
  const searching = q !== "" || category !== "";
  return (
    <div className="container-page py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("catalog.public.title")}</h1>
      <p className="mt-1 text-earth-700">{tr("catalog.public.lead", { name: coopName })}</p>
      <CatalogueFilters locale={locale} q={q} category={category} sort={sort} categories={categories} />
      <div className="mt-6 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1" aria-live="polite">
        <p className="font-semibold text-earth-900">{q ? tr("catalog.public.resultsFor", { q }) : null}</p>
        <p className="text-sm text-earth-600" data-testid="catalogue-count">
          {tr("catalog.public.count", { count: total })}
        </p>
      </div>
      {products.length > 0 ? (
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 sm:gap-6 lg:grid-cols-3 xl:grid-cols-4">
          {products.map((product) => (
            <li key={product.id}>
              <ProductCard product={product} locale={locale} returnTo={returnTo} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-4 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">
          <p>{searching ? tr("catalog.public.empty") : tr("catalog.public.noProducts")}</p>
          {searching ? (
            <a href="/products" className={`${linkClass} mt-3 inline-block`}>
              {tr("catalog.public.clear")}
            </a>
          ) : null}
        </div>
      )}
      <div className="mt-6">
        <Pager
          page={page}
          pages={pageCount}
          hrefFor={(n) => hrefWith({ q, category, sort }, n)}
          labels={{
            nav: tr("catalog.public.pager"),
            previous: tr("catalog.public.previous"),
            next: tr("catalog.public.next"),
            position: tr("catalog.public.pageOf", { page, pages: pageCount }),
          }}
        />
      </div>
      {added ? <AddedNotice locale={locale} productName={added} /> : null}
    </div>
  );
}
