import { formatBaht, resolveLocale, t, translator, withLocale } from "@coop/i18n";
import { data, redirect } from "react-router";
import {
  CartLine,
  cartLineView,
  CartNotices,
  type CartRefusal,
  CartTotals,
  EmptyCart,
  formErrors,
  linkClass,
  localizedText,
  requestedQuantity,
  text,
} from "@coop/ui";
import type { Route } from "./+types/market.cart";
import { marketAddedPath, safeMarketReturnTo } from "../components/market/return-to.ts";

/** The cart holds a guest's choices: never cached, never indexed. */
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const cart = await context.trpc.market.cart.get();
  const notice = new URL(request.url).searchParams.get("notice");
  const groups = cart.groups.map((group) => {
    return {
      coopId: group.coop.id,
      name: localizedText(locale, group.coop.name, group.coop.nameEn),
      province: localizedText(locale, group.coop.province.nameTh, group.coop.province.nameEn).text,
      siteUrl: withLocale(group.coop.siteUrl, locale),
      subtotal: formatBaht(group.subtotalSatang, locale),
      lines: group.lines.map((line) => cartLineView(locale, line)),
    };
  });
  return data(
    {
      locale,
      cartCount: cart.count,
      total: formatBaht(cart.totalSatang, locale),
      canCheckout: groups.length > 0 && groups.every((g) => g.lines.every((line) => line.available)),
      groups,
      notice: notice === "updated" || notice === "removed" ? notice : null,
    },
    { headers: PRIVATE_HEADERS },
  );
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  return [{ title: `${t(locale, "marketCart.title")} | ${t(locale, "brand.network")}` }, { name: "robots", content: "noindex" }];
};

/**
 * Every cart change posts here, with or without scripts: `add` (from the listing, then back to
 * it with a notice), `update`, `dec`, `inc` and `remove` (from this page).
 */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = text(form, "intent");
  const productId = text(form, "productId");
  try {
    switch (intent) {
      case "add": {
        await context.trpc.market.cart.add({ productId, quantity: requestedQuantity(form, intent) || 1 });
        return redirect(marketAddedPath(safeMarketReturnTo(form.get("returnTo")), productId));
      }
      case "update":
      case "dec":
      case "inc": {
        const quantity = requestedQuantity(form, intent);
        await context.trpc.market.cart.update({ productId, quantity: Math.max(0, quantity) });
        return redirect(quantity <= 0 ? "/market/cart?notice=removed" : "/market/cart?notice=updated");
      }
      case "remove": {
        await context.trpc.market.cart.remove({ productId });
        return redirect("/market/cart?notice=removed");
      }
      default:
        return data({ productId: null, errors: { formError: "validation.invalid", fields: {}, params: {} } } satisfies CartRefusal, { status: 400 });
    }
  } catch (error) {
    return data({ productId: productId || null, errors: formErrors(error) } satisfies CartRefusal, { status: 400 });
  }
}

export default function MarketCart({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, groups, total, canCheckout, notice, cartCount } = loaderData;
  const tr = translator(locale);
  const refusal = actionData ?? null;

  return (
    <div className="container-page max-w-3xl py-8 sm:py-12">
      <p className="text-sm">
        <a href="/market" className={linkClass}>
          {tr("marketCart.backToMarket")}
        </a>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("marketCart.title")}</h1>
      {groups.length > 1 ? <p className="mt-2 max-w-prose text-earth-700">{tr("marketCart.splitLead", { count: groups.length })}</p> : null}

      <CartNotices locale={locale} refusal={refusal} notice={notice} />

      {groups.length === 0 ? (
        <EmptyCart locale={locale} lead={tr("marketCart.emptyLead")} browseHref="/market" />
      ) : (
        <>
          <div className="mt-6 space-y-4">
            {groups.map((group) => (
              <section
                key={group.coopId}
                data-testid="market-cart-coop"
                aria-labelledby={`coop-${group.coopId}`}
                className="rounded-2xl border border-earth-200 bg-white p-3 shadow-xs sm:p-4"
              >
                <header className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b border-earth-100 pb-3">
                  <h2 id={`coop-${group.coopId}`} className="text-lg font-semibold text-leaf-900">
                    <a href={group.siteUrl} lang={group.name.lang === locale ? undefined : group.name.lang} className="underline-offset-4 hover:underline">
                      {group.name.text}
                    </a>
                  </h2>
                  <p className="text-sm text-earth-600">{group.province}</p>
                </header>
                <ul className="divide-y divide-earth-100">
                  {group.lines.map((line) => (
                    <li key={line.productId} data-testid="market-cart-line" data-available={line.available} className="py-3 first:pt-0 last:pb-0">
                      <CartLine
                        locale={locale}
                        line={line}
                        refused={refusal?.productId === line.productId}
                        photoSize={64}
                        unavailableTestId="market-cart-unavailable"
                      />
                    </li>
                  ))}
                </ul>
                <p className="mt-3 flex items-baseline justify-between gap-3 border-t border-earth-100 pt-3 text-earth-800">
                  <span>{tr("marketCart.coopSubtotal")}</span>
                  <span data-testid="market-cart-coop-subtotal" className="font-bold text-leaf-900">
                    {group.subtotal}
                  </span>
                </p>
              </section>
            ))}
          </div>

          <CartTotals
            locale={locale}
            label={tr("marketCart.total")}
            count={cartCount}
            amount={total}
            amountTestId="market-cart-total"
            note={tr("marketCart.shippingLater")}
            canCheckout={canCheckout}
            continueHref="/market"
            checkoutHref="/market/checkout"
            checkoutTestId="market-go-checkout"
          />
        </>
      )}
    </div>
  );
}
