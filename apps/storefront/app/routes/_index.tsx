import { formatDate, type Locale, resolveLocale, t, translator } from "@coop/i18n";
import { FieldsArt, localized, paragraphs, PinIcon, primaryButtonClass, RegionIcon } from "@coop/ui";
import type { Route } from "./+types/_index";
import { ProductCard } from "../components/ProductCard.tsx";
import { AddedNotice } from "../components/shop/AddedNotice.tsx";
import { currentPath } from "../components/shop/return-to.ts";
import { toProductView } from "../lib/catalog.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const [tenant, { items }, cart, home] = await Promise.all([
    context.trpc.site.current(),
    context.trpc.catalog.listPublicProducts(),
    context.trpc.cart.get(),
    context.trpc.catalog.home(),
  ]);
  const products = items.map((product) => toProductView(product, locale));
  // Other co-ops' newest shared articles about this co-op's crops (any crops when it chose none).
  const knowledge = await context.trpc.knowledge.latestForCrops({ crops: home.crops, limit: 3 });
  // Back from an "add to cart" form (see routes/cart.tsx).
  const addedId = new URL(request.url).searchParams.get("added");
  const added = addedId ? (products.find((p) => p.id === addedId)?.name.text ?? null) : null;
  return {
    locale,
    coop: {
      name: localized(locale, tenant.nameTh, tenant.nameEn),
      story: paragraphs(localized(locale, tenant.storyTh ?? "", tenant.storyEn)),
      province: localized(locale, tenant.province.nameTh, tenant.province.nameEn),
      region: localized(locale, tenant.region.nameTh, tenant.region.nameEn),
      coverUrl: tenant.coverUrl,
    },
    products,
    featured: home.featured.map((product) => toProductView(product, locale)),
    inSeason: home.inSeason.map((product) => toProductView(product, locale)),
    knowledge: knowledge.map((a) => ({
      id: a.id,
      title: a.title,
      summary: a.summary,
      coop: a.tenantName,
      coverUrl: a.coverUrl,
      publishedAt: formatDate(a.publishedAt, locale),
      href: `${context.origins.network}/knowledge/${a.tenantSlug}/${a.id}`,
    })),
    knowledgeUrl: `${context.origins.network}/knowledge`,
    cartCount: cart.count,
    added,
    returnTo: currentPath(request),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, coop } = loaderData;
  return [
    { title: `${coop.name} | ${t(locale, "brand.network")}` },
    { name: "description", content: t(locale, "store.meta.description", { name: coop.name, province: coop.province }) },
    { property: "og:title", content: coop.name },
    { property: "og:type", content: "website" },
  ];
};

export default function Home({ loaderData }: Route.ComponentProps) {
  const { locale, coop, products, featured, inSeason, knowledge, knowledgeUrl, added, returnTo } = loaderData;
  const tr = translator(locale);
  return (
    <>
      <section aria-labelledby="coop-name" className="border-b border-earth-200 bg-linear-to-b from-leaf-50 to-earth-50">
        <div className="container-page grid items-center gap-10 py-10 sm:py-14 lg:grid-cols-[minmax(0,1.15fr)_minmax(0,1fr)] lg:py-20">
          <div>
            <p className="text-sm font-semibold tracking-wide text-leaf-700">{tr("store.eyebrow")}</p>
            <h1 id="coop-name" className="mt-2 text-3xl font-bold text-leaf-900 sm:text-4xl lg:text-5xl">
              {coop.name}
            </h1>
            <ul className="mt-5 flex flex-wrap gap-2 text-sm text-earth-700">
              <li className="inline-flex items-center gap-1.5 rounded-full border border-earth-200 bg-white/70 px-3 py-1">
                <PinIcon className="size-4 text-leaf-700" />
                {tr("store.location", { province: coop.province })}
              </li>
              <li className="inline-flex items-center gap-1.5 rounded-full border border-earth-200 bg-white/70 px-3 py-1">
                <RegionIcon className="size-4 text-leaf-700" />
                {tr("store.region", { region: coop.region })}
              </li>
            </ul>
            {coop.story.length > 0 ? (
              <div className="mt-6 max-w-prose space-y-3 text-base text-earth-800 sm:text-lg">
                {coop.story.map((paragraph, i) => (
                  <p key={i} className="whitespace-pre-line">
                    {paragraph}
                  </p>
                ))}
              </div>
            ) : null}
            <a href="#products" className={`${primaryButtonClass} mt-8`}>
              {tr("store.shopNow")}
            </a>
          </div>
          {coop.coverUrl ? (
            <img src={coop.coverUrl} alt="" className="aspect-[4/3] w-full rounded-3xl object-cover shadow-sm lg:aspect-[5/4]" />
          ) : (
            <FieldsArt className="hidden w-full drop-shadow-sm lg:block" />
          )}
        </div>
      </section>

      {featured.length > 0 ? (
        <ProductStrip id="featured" title={tr("store.featuredHeading")} products={featured} locale={locale} returnTo={returnTo} />
      ) : null}
      {inSeason.length > 0 ? (
        <ProductStrip id="in-season" title={tr("store.inSeasonHeading")} lead={tr("store.inSeasonLead")} products={inSeason} locale={locale} returnTo={returnTo} />
      ) : null}

      <section id="products" aria-labelledby="products-heading" className="container-page scroll-mt-4 py-12 sm:py-16">
        <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-1">
          <h2 id="products-heading" className="text-2xl font-bold text-leaf-900 sm:text-3xl">
            {tr("store.productsHeading")}
          </h2>
          {products.length > 0 ? (
            <p className="text-sm text-earth-600">{tr("store.productsCount", { count: products.length })}</p>
          ) : null}
        </div>
        <p className="mt-2 text-earth-700">{tr("store.productsLead")}</p>
        {products.length > 0 ? (
          <ul className="mt-8 grid gap-4 sm:grid-cols-2 sm:gap-6 lg:grid-cols-3 xl:grid-cols-4">
            {products.map((product) => (
              <li key={product.id}>
                <ProductCard product={product} locale={locale} returnTo={returnTo} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-8 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">
            {tr("store.noProducts")}
          </p>
        )}
      </section>
      {knowledge.length > 0 ? (
        <section aria-labelledby="knowledge-heading" className="border-t border-earth-200 bg-white/60" data-testid="home-knowledge">
          <div className="container-page py-12 sm:py-16">
            <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-1">
              <h2 id="knowledge-heading" className="text-2xl font-bold text-leaf-900 sm:text-3xl">
                {tr("store.knowledgeHeading")}
              </h2>
              <a href={knowledgeUrl} className="text-sm font-medium text-leaf-800 underline underline-offset-4 hover:text-leaf-900">
                {tr("store.knowledgeMore")}
              </a>
            </div>
            <p className="mt-2 text-earth-700">{tr("store.knowledgeLead")}</p>
            <ul className="mt-8 grid gap-4 sm:grid-cols-2 sm:gap-6 lg:grid-cols-3">
              {knowledge.map((a) => (
                <li key={a.id}>
                  <a href={a.href} className="group flex h-full flex-col overflow-hidden rounded-2xl border border-earth-200 bg-white shadow-xs hover:border-leaf-600">
                    {a.coverUrl ? <img src={a.coverUrl} alt="" loading="lazy" className="aspect-[16/9] w-full object-cover" /> : null}
                    <span className="flex flex-1 flex-col gap-2 p-4">
                      <span className="text-lg font-semibold text-leaf-900 group-hover:underline">{a.title}</span>
                      <span className="line-clamp-3 text-earth-700">{a.summary}</span>
                      <span className="mt-auto text-sm text-earth-600">
                        {tr("store.knowledgeBy", { coop: a.coop })} · {a.publishedAt}
                      </span>
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}
      {added ? <AddedNotice locale={locale} productName={added} /> : null}
    </>
  );
}

type ProductView = ReturnType<typeof toProductView>;

/** A home-page block of products: one row that scrolls sideways on a phone, a grid on wider screens. */
function ProductStrip({ id, title, lead, products, locale, returnTo }: { id: string; title: string; lead?: string; products: ProductView[]; locale: Locale; returnTo: string }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="container-page pt-12 sm:pt-16" data-testid={`home-${id}`}>
      <h2 id={`${id}-heading`} className="text-2xl font-bold text-leaf-900 sm:text-3xl">
        {title}
      </h2>
      {lead ? <p className="mt-2 text-earth-700">{lead}</p> : null}
      <ul className="-mx-4 mt-6 flex snap-x gap-4 overflow-x-auto px-4 pb-2 sm:mx-0 sm:grid sm:grid-cols-2 sm:gap-6 sm:overflow-visible sm:px-0 lg:grid-cols-3 xl:grid-cols-4">
        {products.map((product) => (
          <li key={product.id} className="w-[75%] shrink-0 snap-start sm:w-auto">
            <ProductCard product={product} locale={locale} returnTo={returnTo} />
          </li>
        ))}
      </ul>
    </section>
  );
}
