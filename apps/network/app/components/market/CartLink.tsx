import { type Locale, translator } from "@coop/i18n";
import { useMatches } from "react-router";
import { CartIcon } from "@coop/ui";

/**
 * The number of units in the marketplace cart, from the deepest route whose loader reports a
 * `cartCount` (the /market pages do); null elsewhere, where the header shows no cart link.
 */
function useMarketCartCount(): number | null {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const data = matches[i]?.loaderData as { cartCount?: unknown } | undefined;
    if (data && typeof data.cartCount === "number") return data.cartCount;
  }
  return null;
}

/**
 * The header's link to /market/cart with the item count. Only the marketplace pages read the
 * cart (it is a cookie the rest of the network site never needs), so the link shows there.
 */
export function MarketCartLink({ locale }: { locale: Locale }) {
  const tr = translator(locale);
  const count = useMarketCartCount();
  if (count === null) return null;
  return (
    <a
      href="/market/cart"
      data-testid="market-cart-link"
      aria-label={tr("marketCart.linkLabel", { count })}
      className="relative inline-flex min-h-11 shrink-0 items-center gap-1.5 rounded-full border border-earth-300 bg-white px-3 text-sm font-semibold text-earth-800 hover:border-leaf-600 hover:text-leaf-800"
    >
      <CartIcon className="size-5" />
      <span className="hidden sm:inline">{tr("marketCart.link")}</span>
      {count > 0 ? (
        <span data-testid="market-cart-count" className="min-w-5 rounded-full bg-leaf-700 px-1.5 text-center text-xs leading-5 text-white">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </a>
  );
}
