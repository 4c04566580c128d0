import { type Locale, translator } from "@coop/i18n";
import { CartAddForm, secondaryButtonClass } from "@coop/ui";

/** One unit of a listed product into the marketplace cart (the listing's cards). */
export function AddToMarketCart({ locale, productId, productName, returnTo }: { locale: Locale; productId: string; productName: string; returnTo: string }) {
  const tr = translator(locale);
  return (
    <CartAddForm
      action="/market/cart"
      productId={productId}
      returnTo={returnTo}
      className="px-3 pb-3 sm:px-4 sm:pb-4"
      buttonClassName={`${secondaryButtonClass} min-h-10 w-full py-2 text-sm`}
      testId="market-add-to-cart"
      ariaLabel={tr("marketCart.addLabel", { product: productName })}
    >
      {tr("marketCart.add")}
    </CartAddForm>
  );
}
