import { type Locale, translator } from "@coop/i18n";
import { Form } from "react-router";
import { primaryButtonClass, SubmitButton } from "@coop/ui";
import { CartIcon } from "./CartIcon.tsx";

/** One unit of a product into the cart: a plain form posting to /cart, so it works before scripts load. */
export function AddToCartForm({ locale, productId, productName, returnTo }: { locale: Locale; productId: string; productName: string; returnTo: string }) {
  const tr = translator(locale);
  return (
    <Form method="post" action="/cart" preventScrollReset className="mt-3">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="quantity" value="1" />
      <input type="hidden" name="returnTo" value={returnTo} />
      <SubmitButton
        intent="add"
        data-testid="add-to-cart"
        aria-label={tr("shop.addToCartLabel", { product: productName })}
        className={`${primaryButtonClass} min-h-10 w-full py-2 text-sm sm:min-h-11 sm:text-base`}
      >
        <CartIcon className="size-5" />
        {tr("shop.addToCart")}
      </SubmitButton>
    </Form>
  );
}
