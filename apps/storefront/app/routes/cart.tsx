import { formatBaht, resolveLocale, t, translator, unitLabel } from "@coop/i18n";
import { data, Form, redirect } from "react-router";
import { Alert, formErrors, type FormErrors, inputClass, localizedText, primaryButtonClass, secondaryButtonClass, text, translateKey } from "@coop/ui";
import type { Route } from "./+types/cart";
import { CartIcon } from "../components/shop/CartIcon.tsx";
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
    lines: cart.items.map((line) => {
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
    }),
    notice: notice === "updated" || notice === "removed" ? notice : null,
  };
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const locale = loaderData?.locale ?? "th";
  const root = matches.find((m) => m?.id === "root")?.loaderData as { coop?: { name: string } } | undefined;
  return [{ title: `${t(locale, "shop.cart.title")} | ${root?.coop?.name ?? t(locale, "brand.network")}` }, { name: "robots", content: "noindex" }];
};

type Refusal = { productId: string | null; errors: FormErrors };

function quantityOf(form: FormData): number {
  const n = Number(text(form, "quantity").trim());
  return Number.isFinite(n) ? Math.trunc(n) : Number.NaN;
}

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
        await context.trpc.cart.add({ productId, quantity: quantityOf(form) || 1 });
        return redirect(addedPath(safeReturnTo(form.get("returnTo")), productId));
      }
      case "update":
      case "dec":
      case "inc": {
        const typed = quantityOf(form);
        const quantity = intent === "dec" ? typed - 1 : intent === "inc" ? typed + 1 : typed;
        await context.trpc.cart.update({ productId, quantity: Math.max(0, quantity) });
        return redirect(quantity <= 0 ? "/cart?notice=removed" : "/cart?notice=updated");
      }
      case "remove": {
        await context.trpc.cart.remove({ productId });
        return redirect("/cart?notice=removed");
      }
      default:
        return data({ productId: null, errors: { formError: "validation.invalid", fields: {}, params: {} } } satisfies Refusal, { status: 400 });
    }
  } catch (error) {
    return data({ productId: productId || null, errors: formErrors(error) } satisfies Refusal, { status: 400 });
  }
}

function refusalMessage(locale: "th" | "en", errors: FormErrors): string {
  const key = errors.formError ?? Object.values(errors.fields)[0];
  return translateKey(locale, key, errors.params);
}

export default function Cart({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, lines, subtotal, canCheckout, notice, cartCount } = loaderData;
  const tr = translator(locale);
  const refusal = actionData ?? null;

  return (
    <div className="container-page max-w-3xl py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("shop.cart.title")}</h1>

      <div className="mt-4 space-y-3" aria-live="polite">
        {refusal ? <Alert tone="error">{refusalMessage(locale, refusal.errors)}</Alert> : null}
        {!refusal && notice === "updated" ? <Alert tone="success">{tr("shop.cart.updated")}</Alert> : null}
        {!refusal && notice === "removed" ? <Alert tone="success">{tr("shop.cart.removed")}</Alert> : null}
      </div>

      {lines.length === 0 ? (
        <div className="mt-6 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-12 text-center">
          <CartIcon className="mx-auto size-12 text-earth-400" />
          <p className="mt-4 text-lg font-semibold text-earth-900">{tr("shop.cart.empty")}</p>
          <p className="mt-1 text-earth-700">{tr("shop.cart.emptyLead")}</p>
          <a href="/#products" className={`${primaryButtonClass} mt-6`}>
            {tr("shop.cart.browse")}
          </a>
        </div>
      ) : (
        <>
          <ul className="mt-6 space-y-3">
            {lines.map((line) => {
              const refused = refusal?.productId === line.productId;
              const max = Math.max(line.stock, line.quantity, 1);
              return (
                <li key={line.productId} data-testid="cart-line" className="rounded-2xl border border-earth-200 bg-white p-3 shadow-xs sm:p-4">
                  <div className="flex gap-3">
                    {line.photoUrl ? (
                      <img src={line.photoUrl} alt="" width={80} height={80} className="size-20 shrink-0 rounded-xl object-cover" />
                    ) : (
                      <div className="grid size-20 shrink-0 place-items-center rounded-xl bg-leaf-50 text-leaf-700">
                        <CartIcon className="size-8" />
                      </div>
                    )}
                    <div className="min-w-0 flex-1">
                      <p lang={line.name.lang === locale ? undefined : line.name.lang} className="font-semibold text-earth-900">
                        {line.name.text}
                      </p>
                      <p className="text-sm text-earth-700">{line.unitPrice}</p>
                      {!line.available ? (
                        <p className="mt-1 text-sm font-medium text-clay-800">
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
            })}
          </ul>

          <section className="mt-6 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6" aria-label={tr("shop.checkout.summary")}>
            <div className="flex items-baseline justify-between gap-3">
              <p className="text-earth-800">
                {tr("shop.cart.subtotal")} <span className="text-sm text-earth-600">({tr("shop.cart.items", { count: cartCount })})</span>
              </p>
              <p data-testid="cart-subtotal" className="text-xl font-bold text-leaf-900">
                {subtotal}
              </p>
            </div>
            <p className="mt-1 text-sm text-earth-600">{tr("shop.cart.shippingLater")}</p>
            {!canCheckout ? <p className="mt-3 text-sm font-medium text-clay-800">{tr("shop.cart.fixFirst")}</p> : null}
            <div className="mt-5 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
              <a href="/#products" className={secondaryButtonClass}>
                {tr("shop.cart.continue")}
              </a>
              {canCheckout ? (
                <a href="/checkout" data-testid="go-checkout" className={primaryButtonClass}>
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
