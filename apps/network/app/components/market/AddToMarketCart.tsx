import { type Locale, translator } from "@coop/i18n";
import { Form } from "react-router";
import { CartIcon, secondaryButtonClass, SubmitButton } from "@coop/ui";

/** One unit of a listed product into the marketplace cart: a plain form posting to /market/cart, so it works before scripts load. */
export function AddToMarketCart({ locale, productId, productName, returnTo }: { locale: Locale; productId: string; productName: string; returnTo: string }) {
  const tr = translator(locale);
  return (
    <Form method="post" action="/market/cart" preventScrollReset className="px-3 pb-3 sm:px-4 sm:pb-4">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="quantity" value="1" />
      <input type="hidden" name="returnTo" value={returnTo} />
      <SubmitButton
        intent="add"
        data-testid="market-add-to-cart"
        aria-label={tr("marketCart.addLabel", { product: productName })}
        className={`${secondaryButtonClass} min-h-10 w-full py-2 text-sm`}
      >
        <CartIcon className="size-5" />
        {tr("marketCart.add")}
      </SubmitButton>
    </Form>
  );
}
