import { formatBaht, resolveLocale, t, translator, unitLabel } from "@coop/i18n";
import { coopSiteUrl } from "@coop/trpc/site";
import { data } from "react-router";
import { linkClass, localized, localizedText, paragraphs, trpcCodeOf } from "@coop/ui";
import type { Route } from "./+types/products.$id";
import { formatHarvestMonth, jsonLdHtml } from "../components/catalog/format.ts";
import { productJsonLd } from "../components/catalog/json-ld.ts";
import { ProductGallery } from "../components/catalog/ProductGallery.tsx";
import { StockBadge } from "../components/ProductCard.tsx";
import { AddedNotice } from "../components/shop/AddedNotice.tsx";
import { AddToCartForm } from "../components/shop/AddToCartForm.tsx";
import { currentPath } from "../components/shop/return-to.ts";
import { stockState } from "../lib/stock.ts";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  let product;
  try {
    product = await context.trpc.catalog.getPublicProduct({ productId: params.id });
  } catch (error) {
    const code = trpcCodeOf(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") throw data(null, { status: 404 });
    throw error;
  }
  const tenant = await context.trpc.site.current();
  const siteUrl = coopSiteUrl(context.origins, tenant.slug);
  const url = `${siteUrl}/products/${product.id}`;
  const absolute = (path: string) => (/^https?:/.test(path) ? path : siteUrl + path);
  const name = localizedText(locale, product.nameTh, product.nameEn);
  const description = localizedText(locale, product.descriptionTh ?? "", product.descriptionEn);
  const unit = unitLabel(product.unit, locale);
  const stock = stockState(product);
  const coopName = localized(locale, tenant.nameTh, tenant.nameEn);
  const category = product.category ? localized(locale, product.category.nameTh, product.category.nameEn) : null;
  const added = new URL(request.url).searchParams.has("added");
  return {
    locale,
    coopName,
    url,
    id: product.id,
    name,
    description: description.text.trim() ? { text: description.text, lang: description.lang, paragraphs: paragraphs(description.text) } : null,
    price: formatBaht(product.priceSatang, locale),
    pricePerUnit: t(locale, "store.pricePerUnit", { price: formatBaht(product.priceSatang, locale), unit }),
    perUnit: t(locale, "catalog.public.product.perUnit", { unit }),
    stock,
    stockLeft: stock === "low" ? t(locale, "catalog.public.product.stockLeft", { count: product.stock, unit }) : null,
    harvest: stock === "coming_soon" ? formatHarvestMonth(product.expectedHarvest, locale) : null,
    category: product.category ? { id: product.category.id, name: category } : null,
    photos: product.photos,
    image: product.photo ? absolute(product.photo.src) : null,
    jsonLd: productJsonLd({
      url,
      // Search engines read the site's primary language: Thai.
      name: product.nameTh,
      description: product.descriptionTh?.trim() || null,
      images: product.photos.map((p) => absolute(p.src)),
      priceSatang: product.priceSatang,
      stock,
      sellerName: tenant.nameTh,
      category: product.category?.nameTh ?? null,
    }),
    added,
    returnTo: currentPath(request),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, coopName, name, description, pricePerUnit, url, image } = loaderData;
  const summary = description ? `${pricePerUnit} · ${description.text.slice(0, 150)}` : pricePerUnit;
  return [
    { title: `${name.text} | ${coopName}` },
    { name: "description", content: summary },
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:type", content: "product" },
    { property: "og:title", content: name.text },
    { property: "og:description", content: summary },
    { property: "og:url", content: url },
    { property: "og:site_name", content: coopName },
    { property: "og:locale", content: locale === "th" ? "th_TH" : "en_US" },
    ...(image ? [{ property: "og:image", content: image }] : []),
    { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: name.text },
    ...(image ? [{ name: "twitter:image", content: image }] : []),
  ];
};

export default function ProductPage({ loaderData }: Route.ComponentProps) {
  const { locale, id, name, description, pricePerUnit, perUnit, price, stock, stockLeft, harvest, category, photos, jsonLd, added, returnTo } = loaderData;
  const tr = translator(locale);
  const langIfOther = (lang: typeof locale) => (lang === locale ? undefined : lang);
  const buyable = stock === "in_stock" || stock === "low";
  return (
    <div className="container-page py-6 sm:py-10">
      <script type="application/ld+json" dangerouslySetInnerHTML={jsonLdHtml(jsonLd)} />
      <nav aria-label={tr("catalog.public.product.breadcrumb")} className="text-sm text-earth-600">
        <a href="/products" className={linkClass}>
          {tr("catalog.public.product.back")}
        </a>
        {category ? (
          <>
            {" / "}
            <a href={`/products?category=${encodeURIComponent(category.id)}`} className={linkClass}>
              {category.name}
            </a>
          </>
        ) : null}
      </nav>
      <article id={`product-${id}`} className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)] lg:gap-10">
        <ProductGallery photos={photos} name={name.text} locale={locale} />
        <div className={photos.length === 0 ? "lg:col-span-2 lg:max-w-2xl" : undefined}>
          <h1 lang={langIfOther(name.lang)} className="text-2xl font-bold text-leaf-900 sm:text-3xl">
            {name.text}
          </h1>
          <p className="mt-3 flex flex-wrap items-baseline gap-x-2">
            <span className="text-3xl font-bold text-leaf-800" data-testid="product-price">
              {price}
            </span>
            <span className="text-earth-700">{perUnit}</span>
            <span className="sr-only">{pricePerUnit}</span>
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <StockBadge state={stock} locale={locale} />
            {stockLeft ? <span className="text-sm text-earth-700">{stockLeft}</span> : null}
            {harvest ? (
              <span className="text-sm text-earth-700" data-testid="product-harvest">
                {tr("catalog.public.product.harvest", { month: harvest })}
              </span>
            ) : null}
          </div>
          {buyable ? (
            <div className="mt-4 max-w-sm">
              <AddToCartForm locale={locale} productId={id} productName={name.text} returnTo={returnTo} />
            </div>
          ) : stock === "sold_out" ? (
            <p className="mt-4 text-earth-700">{tr("catalog.public.product.soldOutHint")}</p>
          ) : null}
          {description ? (
            <section className="mt-8" aria-labelledby="product-description">
              <h2 id="product-description" className="text-lg font-semibold text-earth-900">
                {tr("catalog.public.product.description")}
              </h2>
              <div lang={langIfOther(description.lang)} className="mt-2 max-w-prose space-y-3 text-earth-800">
                {description.paragraphs.map((paragraph, i) => (
                  <p key={i} className="whitespace-pre-line">
                    {paragraph}
                  </p>
                ))}
              </div>
            </section>
          ) : null}
        </div>
      </article>
      {added ? <AddedNotice locale={locale} productName={name.text} /> : null}
    </div>
  );
}
