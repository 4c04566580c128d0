import { type Locale, translator } from "@coop/i18n";
import { useMatches, useRouteLoaderData } from "react-router";
import { CartIcon } from "@coop/ui";

/**
 * The number of units in the guest's cart, from the deepest route whose loader reports a
 * `cartCount` (the shop pages do); null where no loader knows it.
 */
export function useCartCount(): number | null {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const data = matches[i]?.loaderData as { cartCount?: unknown } | undefined;
    if (data && typeof data.cartCount === "number") return data.cartCount;
  }
  return null;
}

/** The header's link to /cart, with the item count when it is known; none on a closed or unknown site. */
export function CartLink({ locale }: { locale: Locale }) {
  const tr = translator(locale);
  const count = useCartCount();
  const root = useRouteLoaderData("root") as { coop?: unknown } | undefined;
  if (!root?.coop) return null;
  return (
    <a
      href="/cart"
      data-testid="cart-link"
      aria-label={count === null ? tr("shop.cartLink") : tr("shop.cartLinkLabel", { count })}
      className="relative inline-flex min-h-11 shrink-0 items-center gap-1.5 rounded-full border border-earth-300 bg-white px-3 text-sm font-semibold text-earth-800 hover:border-leaf-600 hover:text-leaf-800"
    >
      <CartIcon className="size-5" />
      <span className="hidden sm:inline">{tr("shop.cartLink")}</span>
      {count !== null && count > 0 ? (
        <span data-testid="cart-count" className="min-w-5 rounded-full bg-leaf-700 px-1.5 text-center text-xs leading-5 text-white">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </a>
  );
}
