import { formatBaht, type Locale, resolveLocale, t, translator, unitLabel, withLocale } from "@coop/i18n";
import { data, Form, redirect } from "react-router";
import {
  Alert,
  CartIcon,
  formErrors,
  type FormErrors,
  inputClass,
  linkClass,
  localizedText,
  primaryButtonClass,
  secondaryButtonClass,
  text,
  translateKey,
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
    const lines = group.lines.map((line) => {
      const unit = unitLabel(line.unit, locale);
      return {
        productId: line.productId,
        name: localizedText(locale, line.nameTh, line.nameEn),
        photoUrl: line.photoUrl,
        unitPrice: t(locale, "store.pricePerUnit", { price: formatBaht(line.unitPriceSatang, locale), unit }),
        lineTotal: formatBaht(line.lineTotalSatang, locale),
        quantity: line.quantity,
        stock: line.stock,
        unit,
        available: line.available,
      };
    });
    return {
      coopId: group.coop.id,
      name: localizedText(locale, group.coop.name, group.coop.nameEn),
      province: localizedText(locale, group.coop.province.nameTh, group.coop.province.nameEn).text,
      siteUrl: withLocale(group.coop.siteUrl, locale),
      subtotal: formatBaht(group.subtotalSatang, locale),
      lines,
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

type Refusal = { productId: string | null; errors: FormErrors };

function quantityOf(form: FormData): number {
  const n = Number(text(form, "quantity").trim());
  return Number.isFinite(n) ? Math.trunc(n) : Number.NaN;
}

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
        await context.trpc.market.cart.add({ productId, quantity: quantityOf(form) || 1 });
        return redirect(marketAddedPath(safeMarketReturnTo(form.get("returnTo")), productId));
      }
      case "update":
      case "dec":
      case "inc": {
        const typed = quantityOf(form);
        const quantity = intent === "dec" ? typed - 1 : intent === "inc" ? typed + 1 : typed;
        await context.trpc.market.cart.update({ productId, quantity: Math.max(0, quantity) });
        return redirect(quantity <= 0 ? "/market/cart?notice=removed" : "/market/cart?notice=updated");
      }
      case "remove": {
        await context.trpc.market.cart.remove({ productId });
        return redirect("/market/cart?notice=removed");
      }
      default:
        return data({ productId: null, errors: { formError: "validation.invalid", fields: {}, params: {} } } satisfies Refusal, { status: 400 });
    }
  } catch (error) {
    return data({ productId: productId || null, errors: formErrors(error) } satisfies Refusal, { status: 400 });
  }
}

function refusalMessage(locale: Locale, errors: FormErrors): string {
  const key = errors.formError ?? Object.values(errors.fields)[0] ?? "validation.invalid";
  return translateKey(locale, key, errors.params);
}

type Line = Route.ComponentProps["loaderData"]["groups"][number]["lines"][number];

function CartLine({ locale, line, refused }: { locale: Locale; line: Line; refused: boolean }) {
  const tr = translator(locale);
  const max = Math.max(line.stock, line.quantity, 1);
  return (
    <li data-testid="market-cart-line" data-available={line.available} className="py-3 first:pt-0 last:pb-0">
      <div className="flex gap-3">
        {line.photoUrl ? (
          <img src={line.photoUrl} alt="" width={64} height={64} className="size-16 shrink-0 rounded-xl object-cover" />
        ) : (
          <div className="grid size-16 shrink-0 place-items-center rounded-xl bg-leaf-50 text-leaf-700">
            <CartIcon className="size-7" />
          </div>
        )}
        <div className="min-w-0 flex-1">
          <p lang={line.name.lang === locale ? undefined : line.name.lang} className="font-semibold text-earth-900">
            {line.name.text}
          </p>
          <p className="text-sm text-earth-700">{line.unitPrice}</p>
          {!line.available ? (
            <p className="mt-1 text-sm font-medium text-clay-800" data-testid="market-cart-unavailable">
              {line.stock > 0 ? tr("shop.cart.notEnough", { stock: line.stock, unit: line.unit }) : tr("shop.cart.unavailable")}
            </p>
          ) : (
            <p className="mt-1 text-xs text-earth-600">{tr("shop.cart.stockLeft", { stock: line.stock, unit: line.unit })}</p>
          )}
        </div>
        <p className="shrink-0 text-right font-bold text-leaf-800">{line.lineTotal}</p>
      </div>
      <Form method="post" preventScrollReset className="mt-3 flex flex-wrap items-center gap-2">
        <input type="hidden" name="productId" value={line.productId} />
        {/* Enter in the quantity box sets the typed quantity. */}
        <button type="submit" name="intent" value="update" tabIndex={-1} aria-hidden="true" className="sr-only">
          {tr("shop.cart.update")}
        </button>
        <label htmlFor={`qty-${line.productId}`} className="sr-only">
          {tr("shop.cart.quantity")}
        </label>
        <div className="flex items-center">
          <button
            type="submit"
            name="intent"
            value="dec"
            formNoValidate
            aria-label={`${tr("shop.cart.quantity")} −1`}
            className="grid size-11 place-items-center rounded-l-full border border-earth-300 bg-white text-lg font-semibold text-earth-800 hover:bg-earth-100"
          >
            −
          </button>
          <input
            key={line.quantity}
            id={`qty-${line.productId}`}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            defaultValue={line.quantity}
            aria-invalid={refused ? true : undefined}
            className={`${inputClass} h-11 w-16 rounded-none border-x-0 text-center`}
          />
          <button
            type="submit"
            name="intent"
            value="inc"
            formNoValidate
            disabled={line.quantity >= line.stock}
            aria-label={`${tr("shop.cart.quantity")} +1`}
            className="grid size-11 place-items-center rounded-r-full border border-earth-300 bg-white text-lg font-semibold text-earth-800 hover:bg-earth-100 disabled:cursor-not-allowed disabled:opacity-40"
          >
            +
          </button>
        </div>
        <button
          type="submit"
          name="intent"
          value="update"
          aria-label={tr("shop.cart.updateLabel", { product: line.name.text })}
          className={`${secondaryButtonClass} min-h-11 px-4 text-sm`}
        >
          {tr("shop.cart.update")}
        </button>
        <button
          type="submit"
          name="intent"
          value="remove"
          formNoValidate
          aria-label={tr("shop.cart.removeLabel", { product: line.name.text })}
          className="ml-auto min-h-11 rounded-full px-3 text-sm font-semibold text-clay-800 underline-offset-4 hover:underline"
        >
          {tr("shop.cart.remove")}
        </button>
      </Form>
    </li>
  );
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

      <div className="mt-4 space-y-3" aria-live="polite">
        {refusal ? <Alert tone="error">{refusalMessage(locale, refusal.errors)}</Alert> : null}
        {!refusal && notice === "updated" ? <Alert tone="success">{tr("shop.cart.updated")}</Alert> : null}
        {!refusal && notice === "removed" ? <Alert tone="success">{tr("shop.cart.removed")}</Alert> : null}
      </div>

      {groups.length === 0 ? (
        <div className="mt-6 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-12 text-center">
          <CartIcon className="mx-auto size-12 text-earth-400" />
          <p className="mt-4 text-lg font-semibold text-earth-900">{tr("shop.cart.empty")}</p>
          <p className="mt-1 text-earth-700">{tr("marketCart.emptyLead")}</p>
          <a href="/market" className={`${primaryButtonClass} mt-6`}>
            {tr("shop.cart.browse")}
          </a>
        </div>
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
                    <CartLine key={line.productId} locale={locale} line={line} refused={refusal?.productId === line.productId} />
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

          <section className="mt-6 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6" aria-label={tr("shop.checkout.summary")}>
            <div className="flex items-baseline justify-between gap-3">
              <p className="text-earth-800">
                {tr("marketCart.total")} <span className="text-sm text-earth-600">({tr("shop.cart.items", { count: cartCount })})</span>
              </p>
              <p data-testid="market-cart-total" className="text-xl font-bold text-leaf-900">
                {total}
              </p>
            </div>
            <p className="mt-1 text-sm text-earth-600">{tr("marketCart.shippingLater")}</p>
            {!canCheckout ? <p className="mt-3 text-sm font-medium text-clay-800">{tr("shop.cart.fixFirst")}</p> : null}
            <div className="mt-5 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
              <a href="/market" className={secondaryButtonClass}>
                {tr("shop.cart.continue")}
              </a>
              {canCheckout ? (
                <a href="/market/checkout" data-testid="market-go-checkout" className={primaryButtonClass}>
                  {tr("shop.cart.checkout")}
                </a>
              ) : (
                <span aria-disabled="true" className={`${primaryButtonClass} cursor-not-allowed opacity-50`}>
                  {tr("shop.cart.checkout")}
                </span>
              )}
            </div>
          </section>
        </>
      )}
    </div>
  );
}
