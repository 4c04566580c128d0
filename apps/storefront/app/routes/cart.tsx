import { formatBaht, resolveLocale, t, translator } from "@coop/i18n";
import { data, redirect } from "react-router";
import { CartLine, cartLineView, CartNotices, type CartRefusal, CartTotals, EmptyCart, formErrors, requestedQuantity, text } from "@coop/ui";
import type { Route } from "./+types/cart";
import { addedPath, safeReturnTo } from "../components/shop/return-to.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const cart = await context.trpc.cart.get();
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    locale,
    cartCount: cart.count,
    subtotal: formatBaht(cart.subtotalSatang, locale),
    canCheckout: cart.items.length > 0 && cart.items.every((line) => line.available),
    lines: cart.items.map((line) => cartLineView(locale, line)),
    notice: notice === "updated" || notice === "removed" ? notice : null,
  };
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const locale = loaderData?.locale ?? "th";
  const root = matches.find((m) => m?.id === "root")?.loaderData as { coop?: { name: string } } | undefined;
  return [{ title: `${t(locale, "shop.cart.title")} | ${root?.coop?.name ?? t(locale, "brand.network")}` }, { name: "robots", content: "noindex" }];
};

/**
 * Every cart change posts here, with or without scripts: `add` (from a product card, then back
 * to that page with a notice), `update`, `dec`, `inc` and `remove` (from this page).
 */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = text(form, "intent");
  const productId = text(form, "productId");
  try {
    switch (intent) {
      case "add": {
        await context.trpc.cart.add({ productId, quantity: requestedQuantity(form, intent) || 1 });
        return redirect(addedPath(safeReturnTo(form.get("returnTo")), productId));
      }
      case "update":
      case "dec":
      case "inc": {
        const quantity = requestedQuantity(form, intent);
        await context.trpc.cart.update({ productId, quantity: Math.max(0, quantity) });
        return redirect(quantity <= 0 ? "/cart?notice=removed" : "/cart?notice=updated");
      }
      case "remove": {
        await context.trpc.cart.remove({ productId });
        return redirect("/cart?notice=removed");
      }
      default:
        return data({ productId: null, errors: { formError: "validation.invalid", fields: {}, params: {} } } satisfies CartRefusal, { status: 400 });
    }
  } catch (error) {
    return data({ productId: productId || null, errors: formErrors(error) } satisfies CartRefusal, { status: 400 });
  }
}

export default function Cart({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, lines, subtotal, canCheckout, notice, cartCount } = loaderData;
  const tr = translator(locale);
  const refusal = actionData ?? null;

  return (
    <div className="container-page max-w-3xl py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("shop.cart.title")}</h1>

      <CartNotices locale={locale} refusal={refusal} notice={notice} />

      {lines.length === 0 ? (
        <EmptyCart locale={locale} lead={tr("shop.cart.emptyLead")} browseHref="/#products" />
      ) : (
        <>
          <ul className="mt-6 space-y-3">
            {lines.map((line) => (
              <li key={line.productId} data-testid="cart-line" className="rounded-2xl border border-earth-200 bg-white p-3 shadow-xs sm:p-4">
                <CartLine locale={locale} line={line} refused={refusal?.productId === line.productId} photoSize={80} />
              </li>
            ))}
          </ul>

          <CartTotals
            locale={locale}
            label={tr("shop.cart.subtotal")}
            count={cartCount}
            amount={subtotal}
            amountTestId="cart-subtotal"
            note={tr("shop.cart.shippingLater")}
            canCheckout={canCheckout}
            continueHref="/#products"
            checkoutHref="/checkout"
            checkoutTestId="go-checkout"
          />
        </>
      )}
    </div>
  );
}
