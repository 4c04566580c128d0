import { type Locale, translator } from "@coop/i18n";
import type { ComponentType, SVGProps } from "react";
import { LeafIcon } from "@coop/ui";
import type { ProductView } from "../lib/catalog.ts";
import { STOCK_LABEL, type StockState } from "../lib/stock.ts";
import { BottleIcon, BoxIcon, SackIcon } from "./icons.tsx";
import { AddToCartForm } from "./shop/AddToCartForm.tsx";

const UNIT_PICTURE: Record<string, ComponentType<SVGProps<SVGSVGElement>>> = {
  kg: SackIcon,
  g: SackIcon,
  bag: SackIcon,
  sack: SackIcon,
  bottle: BottleIcon,
  litre: BottleIcon,
  box: BoxIcon,
  crate: BoxIcon,
  tray: BoxIcon,
  pack: BoxIcon,
  dozen: BoxIcon,
};

/** Soft backgrounds for photo-less tiles, picked from the product id so a product keeps its colour. */
const TILE_TONES = [
  "from-leaf-100 to-leaf-200 text-leaf-700",
  "from-earth-100 to-earth-200 text-earth-700",
  "from-turmeric-100 to-earth-100 text-earth-700",
  "from-leaf-50 to-earth-100 text-leaf-700",
] as const;

function toneOf(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return TILE_TONES[hash % TILE_TONES.length] ?? TILE_TONES[0];
}

const BADGE_CLASS: Record<StockState, string> = {
  in_stock: "bg-leaf-100 text-leaf-800 ring-leaf-200",
  low: "bg-turmeric-100 text-turmeric-800 ring-earth-300",
  sold_out: "bg-clay-100 text-clay-800 ring-earth-300",
  coming_soon: "bg-white text-earth-700 ring-earth-300",
};

export function StockBadge({ state, locale }: { state: StockState; locale: Locale }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${BADGE_CLASS[state]}`}
      data-stock={state}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {translator(locale)(STOCK_LABEL[state])}
    </span>
  );
}

/** `returnTo` (the page's path) adds an "add to cart" form to products that can be bought now. */
export function ProductCard({ product, locale, returnTo }: { product: ProductView; locale: Locale; returnTo?: string }) {
  const Picture = UNIT_PICTURE[product.unit] ?? LeafIcon;
  const unavailable = product.stock === "sold_out";
  // Mark Thai text on an English page so screen readers switch voice.
  const langIfOther = (lang: Locale) => (lang === locale ? undefined : lang);
  return (
    <article
      id={`product-${product.id}`}
      data-testid="product-card"
      className="flex h-full gap-4 rounded-2xl border border-earth-200 bg-white p-3 shadow-xs transition-shadow hover:shadow-md sm:flex-col sm:gap-0 sm:p-0"
    >
      {product.photo ? (
        <img
          src={product.photo.src}
          srcSet={product.photo.srcSet}
          sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 6rem"
          width={product.photo.width}
          height={product.photo.height}
          alt={product.name.text}
          loading="lazy"
          decoding="async"
          className={`aspect-square w-24 shrink-0 self-start rounded-xl object-cover sm:aspect-[4/3] sm:w-full sm:rounded-b-none sm:rounded-t-2xl ${unavailable ? "opacity-60 grayscale" : ""}`}
        />
      ) : (
        <div
          className={`grid aspect-square w-24 shrink-0 self-start place-items-center rounded-xl bg-linear-to-br sm:aspect-[4/3] sm:w-full sm:rounded-b-none sm:rounded-t-2xl ${toneOf(product.id)} ${unavailable ? "opacity-60 grayscale" : ""}`}
        >
          <Picture className="size-10 sm:size-16" strokeWidth={1.25} />
        </div>
      )}
      <div className="flex min-w-0 flex-1 flex-col sm:p-5">
        <h3 lang={langIfOther(product.name.lang)} className="font-semibold text-earth-900 sm:text-lg">
          <a href={`/products/${product.id}`} className="hover:text-leaf-800 hover:underline" data-testid="product-link">
            {product.name.text}
          </a>
        </h3>
        {product.description ? (
          <p
            lang={langIfOther(product.description.lang)}
            className="mt-1 line-clamp-2 text-sm text-earth-600 sm:line-clamp-3"
          >
            {product.description.text}
          </p>
        ) : null}
        <div className="mt-auto flex flex-wrap items-center justify-between gap-x-3 gap-y-2 pt-3">
          <p className={`font-bold ${unavailable ? "text-earth-500" : "text-leaf-800"} sm:text-lg`}>{product.price}</p>
          <StockBadge state={product.stock} locale={locale} />
        </div>
        {returnTo !== undefined && (product.stock === "in_stock" || product.stock === "low") ? (
          <AddToCartForm locale={locale} productId={product.id} productName={product.name.text} returnTo={returnTo} />
        ) : null}
      </div>
    </article>
  );
}
