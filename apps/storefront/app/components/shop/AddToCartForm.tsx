import { type Locale, translator } from "@coop/i18n";
import { CartAddForm, primaryButtonClass } from "@coop/ui";

/** One unit of a product into the co-op's cart, from its product card or page. */
export function AddToCartForm({ locale, productId, productName, returnTo }: { locale: Locale; productId: string; productName: string; returnTo: string }) {
  const tr = translator(locale);
  return (
    <CartAddForm
      action="/cart"
      productId={productId}
      returnTo={returnTo}
      className="mt-3"
      buttonClassName={`${primaryButtonClass} min-h-10 w-full py-2 text-sm sm:min-h-11 sm:text-base`}
      testId="add-to-cart"
      ariaLabel={tr("shop.addToCartLabel", { product: productName })}
    >
      {tr("shop.addToCart")}
    </CartAddForm>
  );
}
