import { type Locale, translator } from "@coop/i18n";
import { CheckIcon } from "@coop/ui";

/**
 * "Added to cart" after an add-to-cart form came back: pinned to the bottom of the screen, so it
 * is in view wherever the product card was on a phone, with the way to the cart.
 */
export function AddedNotice({ locale, productName }: { locale: Locale; productName: string }) {
  const tr = translator(locale);
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-30 px-3 pb-[calc(0.75rem+env(safe-area-inset-bottom))]">
      <div
        role="status"
        data-testid="added-notice"
        className="pointer-events-auto mx-auto flex max-w-lg items-center gap-3 rounded-2xl border border-leaf-600/30 bg-leaf-50 px-4 py-3 text-leaf-900 shadow-lg"
      >
        <CheckIcon className="size-5 shrink-0 text-leaf-700" />
        <p className="min-w-0 flex-1 text-sm font-medium">{tr("shop.added", { product: productName })}</p>
        <a href="/cart" className="shrink-0 rounded-full bg-leaf-700 px-4 py-2 text-sm font-semibold text-white hover:bg-leaf-800">
          {tr("shop.viewCart")}
        </a>
      </div>
    </div>
  );
}
