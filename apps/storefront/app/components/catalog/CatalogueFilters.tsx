import { type Locale, translator } from "@coop/i18n";
import { Form } from "react-router";
import { inputClass, primaryButtonClass } from "@coop/ui";

export const SORTS = ["newest", "price_asc", "price_desc", "name"] as const;
export type Sort = (typeof SORTS)[number];

const SORT_LABEL = {
  newest: "catalog.public.sort.newest",
  price_asc: "catalog.public.sort.price_asc",
  price_desc: "catalog.public.sort.price_desc",
  name: "catalog.public.sort.name",
} as const;

/** Search, category and sort as one GET form: the URL holds the state, so it works before scripts load and can be shared. */
export function CatalogueFilters({
  locale,
  q,
  category,
  sort,
  categories,
}: {
  locale: Locale;
  q: string;
  category: string;
  sort: Sort;
  categories: Array<{ id: string; label: string }>;
}) {
  const tr = translator(locale);
  return (
    <Form method="get" action="/products" role="search" className="mt-5 grid grid-cols-2 gap-3 rounded-2xl border border-earth-200 bg-white p-3 sm:p-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] lg:items-end">
      <label className="col-span-2 grid gap-1 text-sm font-medium text-earth-800 lg:col-span-1">
        {tr("catalog.public.search")}
        <input type="search" name="q" defaultValue={q} maxLength={100} placeholder={tr("catalog.public.searchPlaceholder")} className={inputClass} data-testid="catalogue-search" />
      </label>
      <label className="grid min-w-0 gap-1 text-sm font-medium text-earth-800">
        {tr("catalog.public.category")}
        <select name="category" defaultValue={category} className={inputClass} data-testid="catalogue-category">
          <option value="">{tr("catalog.public.allCategories")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label className="grid min-w-0 gap-1 text-sm font-medium text-earth-800">
        {tr("catalog.public.sort")}
        <select name="sort" defaultValue={sort} className={inputClass} data-testid="catalogue-sort">
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {tr(SORT_LABEL[s])}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={`${primaryButtonClass} col-span-2 lg:col-span-1`}>
        {tr("catalog.public.apply")}
      </button>
    </Form>
  );
}
