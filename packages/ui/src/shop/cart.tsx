import { formatBaht, type Locale, t, translator, unitLabel } from "@coop/i18n";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { primaryButtonClass, secondaryButtonClass } from "../buttons.ts";
import { Alert, inputClass, SubmitButton } from "../form.tsx";
import { text } from "../form-data.ts";
import { type FormErrors, translateKey } from "../form-errors.ts";
import { CartIcon } from "../icons.tsx";
import { localizedText } from "../localized.ts";

/** A cart line as both carts return it (a co-op's cart, a marketplace cart's co-op group). */
export interface CartLineInput {
  productId: string;
  nameTh: string;
  nameEn: string | null;
  photoUrl: string | null;
  unit: Parameters<typeof unitLabel>[0];
  unitPriceSatang: number;
  lineTotalSatang: number;
  quantity: number;
  stock: number;
  available: boolean;
}

/** A cart line as the cart pages show it, in the page's language (loaders build it, so it is plain data). */
export function cartLineView(locale: Locale, line: CartLineInput) {
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
}
export type CartLineView = ReturnType<typeof cartLineView>;

/**
 * The quantity a cart form asks for: the typed one (`update`), one less (`dec`) or one more
 * (`inc`); NaN when the box holds no number (the procedure refuses it with a message).
 */
export function requestedQuantity(form: FormData, intent: string): number {
  const n = Number(text(form, "quantity").trim());
  const typed = Number.isFinite(n) ? Math.trunc(n) : Number.NaN;
  return intent === "dec" ? typed - 1 : intent === "inc" ? typed + 1 : typed;
}

/** What a cart action returns when the change was refused: which line, and why. */
export type CartRefusal = { productId: string | null; errors: FormErrors };

/** The refusal of a cart change in one sentence (a cart form has no field to put it on). */
export function cartRefusalMessage(locale: Locale, errors: FormErrors): string {
  const key = errors.formError ?? Object.values(errors.fields)[0] ?? "validation.invalid";
  return translateKey(locale, key, errors.params);
}

/** The outcome of the last cart change, read out as it appears. */
export function CartNotices({ locale, refusal, notice }: { locale: Locale; refusal: CartRefusal | null; notice: string | null }) {
  const tr = translator(locale);
  return (
    <div className="mt-4 space-y-3" aria-live="polite">
      {refusal ? <Alert tone="error">{cartRefusalMessage(locale, refusal.errors)}</Alert> : null}
      {!refusal && notice === "updated" ? <Alert tone="success">{tr("shop.cart.updated")}</Alert> : null}
      {!refusal && notice === "removed" ? <Alert tone="success">{tr("shop.cart.removed")}</Alert> : null}
    </div>
  );
}

/** An empty cart: what it is for (`lead`, translated) and the way to the products. */
export function EmptyCart({ locale, lead, browseHref }: { locale: Locale; lead: string; browseHref: string }) {
  const tr = translator(locale);
  return (
    <div className="mt-6 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-12 text-center">
      <CartIcon className="mx-auto size-12 text-earth-400" />
      <p className="mt-4 text-lg font-semibold text-earth-900">{tr("shop.cart.empty")}</p>
      <p className="mt-1 text-earth-700">{lead}</p>
      <a href={browseHref} className={`${primaryButtonClass} mt-6`}>
        {tr("shop.cart.browse")}
      </a>
    </div>
  );
}

const PHOTO = {
  80: { img: "size-20", icon: "size-8" },
  64: { img: "size-16", icon: "size-7" },
} as const;

/**
 * One cart line's content (the page wraps it in its own list item): photo, name, price and
 * stock, then the quantity form posting `dec`/`inc`/`update`/`remove` to the page's action.
 */
export function CartLine({
  locale,
  line,
  refused,
  photoSize,
  unavailableTestId,
}: {
  locale: Locale;
  line: CartLineView;
  /** The last change to this line was refused: its quantity box is marked invalid. */
  refused: boolean;
  photoSize: keyof typeof PHOTO;
  unavailableTestId?: string;
}) {
  const tr = translator(locale);
  const max = Math.max(line.stock, line.quantity, 1);
  const photo = PHOTO[photoSize];
  return (
    <>
      <div className="flex gap-3">
        {line.photoUrl ? (
          <img src={line.photoUrl} alt="" width={photoSize} height={photoSize} className={`${photo.img} shrink-0 rounded-xl object-cover`} />
        ) : (
          <div className={`grid ${photo.img} shrink-0 place-items-center rounded-xl bg-leaf-50 text-leaf-700`}>
            <CartIcon className={photo.icon} />
          </div>
        )}
        <div className="min-w-0 flex-1">
          <p lang={line.name.lang === locale ? undefined : line.name.lang} className="font-semibold text-earth-900">
            {line.name.text}
          </p>
          <p className="text-sm text-earth-700">{line.unitPrice}</p>
          {!line.available ? (
            <p className="mt-1 text-sm font-medium text-clay-800" data-testid={unavailableTestId}>
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
    </>
  );
}

/** The cart's total, what is left for checkout to add, and the way on (checkout only once every line can be bought). */
export function CartTotals({
  locale,
  label,
  count,
  amount,
  amountTestId,
  note,
  canCheckout,
  continueHref,
  checkoutHref,
  checkoutTestId,
}: {
  locale: Locale;
  /** Translated, as is `note`. */
  label: string;
  count: number;
  amount: string;
  amountTestId: string;
  note: string;
  canCheckout: boolean;
  continueHref: string;
  checkoutHref: string;
  checkoutTestId: string;
}) {
  const tr = translator(locale);
  return (
    <section className="mt-6 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6" aria-label={tr("shop.checkout.summary")}>
      <div className="flex items-baseline justify-between gap-3">
        <p className="text-earth-800">
          {label} <span className="text-sm text-earth-600">({tr("shop.cart.items", { count })})</span>
        </p>
        <p data-testid={amountTestId} className="text-xl font-bold text-leaf-900">
          {amount}
        </p>
      </div>
      <p className="mt-1 text-sm text-earth-600">{note}</p>
      {!canCheckout ? <p className="mt-3 text-sm font-medium text-clay-800">{tr("shop.cart.fixFirst")}</p> : null}
      <div className="mt-5 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <a href={continueHref} className={secondaryButtonClass}>
          {tr("shop.cart.continue")}
        </a>
        {canCheckout ? (
          <a href={checkoutHref} data-testid={checkoutTestId} className={primaryButtonClass}>
            {tr("shop.cart.checkout")}
          </a>
        ) : (
          <span aria-disabled="true" className={`${primaryButtonClass} cursor-not-allowed opacity-50`}>
            {tr("shop.cart.checkout")}
          </span>
        )}
      </div>
    </section>
  );
}

/**
 * One unit of a product into a cart: a plain form posting `add` to the cart page (`/cart` or
 * `/market/cart`), so it works before scripts load; the action goes back to `returnTo`.
 */
export function CartAddForm({
  action,
  productId,
  returnTo,
  className,
  buttonClassName,
  testId,
  ariaLabel,
  children,
}: {
  action: string;
  productId: string;
  returnTo: string;
  className: string;
  buttonClassName: string;
  testId: string;
  ariaLabel: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" action={action} preventScrollReset className={className}>
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="quantity" value="1" />
      <input type="hidden" name="returnTo" value={returnTo} />
      <SubmitButton intent="add" data-testid={testId} aria-label={ariaLabel} className={buttonClassName}>
        <CartIcon className="size-5" />
        {children}
      </SubmitButton>
    </Form>
  );
}
