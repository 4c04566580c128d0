import { formatBaht, type Locale, resolveLocale, t, translator, unitLabel, withLocale } from "@coop/i18n";
import { Alert, linkClass, localized, primaryButtonClass, SelectField } from "@coop/ui";
import { coopSiteUrl } from "@coop/trpc/site";
import type { Route } from "./+types/market._index";
import { KnowledgePager } from "../components/knowledge/parts.tsx";
import { AddToMarketCart } from "../components/market/AddToMarketCart.tsx";

const PAGE_SIZE = 24;
const MAX_PAGE = 100;
const SORTS = ["relevance", "newest", "price_asc", "price_desc"] as const;
type Sort = (typeof SORTS)[number];

/**
 * The query string, read defensively: a value that is not valid is dropped (and the page says
 * so) rather than turned into an error page.
 */
function readQuery(url: URL) {
  const p = url.searchParams;
  let dropped = false;
  const text = (name: string, pattern: RegExp) => {
    const value = (p.get(name) ?? "").trim();
    if (value === "") return "";
    if (pattern.test(value)) return value;
    dropped = true;
    return "";
  };
  const number = (name: string, min: number, max: number) => {
    const raw = (p.get(name) ?? "").trim().replace(/,/g, "");
    if (raw === "") return null;
    const value = Number(raw);
    if (Number.isFinite(value) && value >= min && value <= max) return value;
    dropped = true;
    return null;
  };
  const q = (p.get("q") ?? "").trim().replace(/\s+/g, " ").slice(0, 100);
  const sortParam = p.get("sort") ?? "";
  const sort: Sort | "" = (SORTS as readonly string[]).includes(sortParam) ? (sortParam as Sort) : "";
  if (sortParam && !sort) dropped = true;
  let minBaht = number("min", 0, 1_000_000);
  let maxBaht = number("max", 0, 1_000_000);
  let priceRange = false;
  if (minBaht !== null && maxBaht !== null && minBaht > maxBaht) {
    priceRange = true;
    minBaht = null;
    maxBaht = null;
  }
  const page = number("page", 1, MAX_PAGE);
  return {
    q,
    category: text("category", /^[a-z0-9-]{1,60}$/),
    crop: text("crop", /^[a-z][a-z0-9-]{1,40}$/),
    province: number("province", 1, 99),
    coop: text("coop", /^[a-z0-9-]{3,40}$/),
    minBaht,
    maxBaht,
    inSeason: p.get("season") === "1",
    sort,
    page: page !== null && Number.isInteger(page) ? page : 1,
    dropped,
    priceRange,
  };
}
type Query = ReturnType<typeof readQuery>;

function hrefWith(query: Query, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.category) params.set("category", query.category);
  if (query.crop) params.set("crop", query.crop);
  if (query.province) params.set("province", String(query.province));
  if (query.coop) params.set("coop", query.coop);
  if (query.minBaht !== null) params.set("min", String(query.minBaht));
  if (query.maxBaht !== null) params.set("max", String(query.maxBaht));
  if (query.inSeason) params.set("season", "1");
  if (query.sort) params.set("sort", query.sort);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/market?${search}` : "/market";
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const url = new URL(request.url);
  const query = readQuery(url);
  const [options, result, cart] = await Promise.all([
    context.trpc.market.options(),
    context.trpc.market.list({
      ...(query.q ? { q: query.q } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.crop ? { crop: query.crop } : {}),
      ...(query.province ? { provinceCode: query.province } : {}),
      ...(query.coop ? { coop: query.coop } : {}),
      ...(query.minBaht !== null ? { minBaht: query.minBaht } : {}),
      ...(query.maxBaht !== null ? { maxBaht: query.maxBaht } : {}),
      ...(query.inSeason ? { inSeason: true } : {}),
      ...(query.sort ? { sort: query.sort } : {}),
      page: query.page,
      pageSize: PAGE_SIZE,
    }),
    context.trpc.market.cart.get(),
  ]);
  const added = url.searchParams.get("added");
  const addedProduct = added ? result.items.find((p) => p.id === added) : undefined;
  const name = (th: string, en: string | null) => localized(locale, th, en);
  return {
    locale,
    query,
    cartCount: cart.count,
    // The add-to-cart form comes back here with the product's id: name it in the notice.
    added: addedProduct ? name(addedProduct.nameTh, addedProduct.nameEn) : added ? "" : null,
    returnTo: hrefWith(query, query.page),
    options: {
      categories: options.categories.map((c) => ({ id: c.id, label: `${c.parentId ? "— " : ""}${name(c.nameTh, c.nameEn)} (${c.count})` })),
      crops: options.crops.map((c) => ({ code: c.code, label: name(c.nameTh, c.nameEn) })),
      provinces: options.provinces.map((p) => ({ code: p.code, label: `${name(p.nameTh, p.nameEn)} (${p.count})` })),
      coops: options.coops.map((c) => ({ slug: c.slug, label: `${name(c.nameTh, c.nameEn)} (${c.count})` })),
    },
    total: result.total,
    page: result.page,
    pages: result.pageCount,
    sort: result.sort,
    fuzzy: result.fuzzy,
    products: result.items.map((p) => ({
      key: `${p.coop.slug}/${p.id}`,
      id: p.id,
      canBuy: p.status === "available" && p.stock > 0,
      name: name(p.nameTh, p.nameEn),
      price: formatBaht(p.priceSatang, locale),
      unit: unitLabel(p.unit, locale),
      status: p.status,
      photo: p.photo,
      coop: name(p.coop.nameTh, p.coop.nameEn),
      province: name(p.coop.province.nameTh, p.coop.province.nameEn),
      href: withLocale(`${coopSiteUrl(context.origins, p.coop.slug)}/products/${p.id}`, locale),
    })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, query } = loaderData;
  const filtered = hrefWith(query, 1) !== "/market" || query.page > 1;
  return [
    { title: `${t(locale, "market.title")} | ${t(locale, "brand.network")}` },
    { name: "description", content: t(locale, "market.intro") },
    { property: "og:title", content: t(locale, "market.title") },
    { property: "og:description", content: t(locale, "market.intro") },
    ...(filtered ? [{ name: "robots", content: "noindex, follow" }] : []),
  ];
};

type Product = Route.ComponentProps["loaderData"]["products"][number];

function ProductCard({ product, locale, returnTo }: { product: Product; locale: Locale; returnTo: string }) {
  const tr = translator(locale);
  return (
    <li className="flex flex-col overflow-hidden rounded-2xl border border-earth-200 bg-white shadow-xs">
      <a href={product.href} className="group flex flex-1 flex-row focus-visible:outline-2 focus-visible:outline-leaf-700 sm:flex-col">
        <div className="aspect-square w-28 shrink-0 bg-earth-100 sm:aspect-[4/3] sm:w-auto">
          {product.photo ? (
            <img
              src={product.photo.src}
              srcSet={product.photo.srcSet}
              sizes="(min-width: 1024px) 25vw, (min-width: 640px) 50vw, 100vw"
              width={product.photo.width}
              height={product.photo.height}
              alt=""
              loading="lazy"
              className="h-full w-full object-cover transition group-hover:opacity-90"
            />
          ) : (
            <div className="flex h-full items-center justify-center p-2 text-center text-xs text-earth-500 sm:text-sm">{tr("market.noPhoto")}</div>
          )}
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1 p-3 sm:p-4">
          <h2 className="font-semibold text-earth-900 group-hover:text-leaf-800">{product.name}</h2>
          <p className="text-sm text-earth-600">{tr("market.from", { coop: product.coop, province: product.province })}</p>
          <p className="mt-auto pt-2">
            <span className="text-lg font-bold text-leaf-900">{product.price}</span>{" "}
            <span className="text-sm text-earth-600">{tr("market.perUnit", { unit: product.unit })}</span>
          </p>
          {product.status === "sold_out" ? (
            <p className="w-fit rounded-full bg-earth-100 px-2 py-0.5 text-xs font-medium text-earth-700">{tr("market.soldOut")}</p>
          ) : product.status === "coming_soon" ? (
            <p className="w-fit rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">{tr("market.comingSoon")}</p>
          ) : null}
          <span className="sr-only">{tr("market.view")}</span>
        </div>
      </a>
      {product.canBuy ? <AddToMarketCart locale={locale} productId={product.id} productName={product.name} returnTo={returnTo} /> : null}
    </li>
  );
}

export default function Market({ loaderData }: Route.ComponentProps) {
  const { locale, query, options, total, page, pages, sort, fuzzy, products, added, returnTo, cartCount } = loaderData;
  const tr = translator(locale);
  const filtered = hrefWith(query, 1) !== "/market";
  const field = "mt-1 w-full rounded-lg border border-earth-300 bg-white px-3 py-2 text-earth-900";
  return (
    <div className="container-page py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("market.title")}</h1>
      <p className="mt-2 max-w-prose text-earth-700">{tr("market.intro")}</p>
      {added !== null ? (
        <div aria-live="polite" className="mt-4">
          <Alert tone="success">
            {added ? tr("marketCart.added", { product: added }) : tr("marketCart.addedSome")}{" "}
            <a href="/market/cart" data-testid="market-added-cart-link" className={linkClass}>
              {tr("marketCart.viewCart", { count: cartCount })}
            </a>
          </Alert>
        </div>
      ) : null}

      <form method="get" action="/market" aria-label={tr("market.filters")} className="mt-6 grid gap-4 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <label className="block text-sm font-medium text-earth-800 sm:col-span-2">
          {tr("market.search")}
          <input type="search" name="q" defaultValue={query.q} maxLength={100} placeholder={tr("market.searchPlaceholder")} className={field} />
        </label>
        <SelectField label={tr("market.category")} name="category" defaultValue={query.category}>
          <option value="">{tr("market.category.all")}</option>
          {options.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={tr("market.crop")} name="crop" defaultValue={query.crop}>
          <option value="">{tr("market.crop.all")}</option>
          {options.crops.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={tr("market.province")} name="province" defaultValue={query.province ? String(query.province) : ""}>
          <option value="">{tr("market.province.all")}</option>
          {options.provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={tr("market.coop")} name="coop" defaultValue={query.coop}>
          <option value="">{tr("market.coop.all")}</option>
          {options.coops.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <label className="block text-sm font-medium text-earth-800">
          {tr("market.minBaht")}
          <input type="number" name="min" min={0} max={1000000} step="any" inputMode="decimal" defaultValue={query.minBaht ?? ""} className={field} />
        </label>
        <label className="block text-sm font-medium text-earth-800">
          {tr("market.maxBaht")}
          <input type="number" name="max" min={0} max={1000000} step="any" inputMode="decimal" defaultValue={query.maxBaht ?? ""} className={field} />
        </label>
        <SelectField label={tr("market.sort")} name="sort" defaultValue={query.sort || sort}>
          {SORTS.filter((s) => s !== "relevance" || query.q).map((s) => (
            <option key={s} value={s}>
              {tr(`market.sort.${s}`)}
            </option>
          ))}
        </SelectField>
        <label className="flex items-center gap-2 text-sm text-earth-800 sm:col-span-2 lg:col-span-2">
          <input type="checkbox" name="season" value="1" defaultChecked={query.inSeason} className="h-4 w-4 rounded border-earth-400" />
          {tr("market.inSeason")}
        </label>
        <button type="submit" className={`${primaryButtonClass} lg:col-start-4`}>
          {tr("market.apply")}
        </button>
      </form>

      {query.priceRange || query.dropped ? (
        <p role="alert" className="mt-4 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {tr(query.priceRange ? "market.errors.price_range" : "market.errors.invalid")}
        </p>
      ) : null}

      <div className="mt-6 flex flex-wrap items-baseline justify-between gap-2" aria-live="polite">
        <p className="text-sm text-earth-600">{tr("market.count", { count: total })}</p>
        {filtered ? (
          <a href="/market" className={linkClass}>
            {tr("market.clear")}
          </a>
        ) : null}
      </div>
      {fuzzy ? <p className="mt-2 text-sm text-earth-700">{tr("market.fuzzy")}</p> : null}

      {products.length > 0 ? (
        <ul className="mt-4 grid gap-3 sm:grid-cols-2 sm:gap-5 lg:grid-cols-4">
          {products.map((product) => (
            <ProductCard key={product.key} product={product} locale={locale} returnTo={returnTo} />
          ))}
        </ul>
      ) : (
        <p className="mt-4 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">{tr("market.empty")}</p>
      )}
      <KnowledgePager locale={locale} page={page} pages={pages} hrefFor={(n) => hrefWith(query, n)} />
    </div>
  );
}
