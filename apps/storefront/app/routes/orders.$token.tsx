import { formatBaht, formatDate, type Locale, resolveLocale, t, translator } from "@coop/i18n";
import { data } from "react-router";
import {
  Alert,
  CheckIcon,
  DELIVERY_LABEL,
  InfoIcon,
  OrderItems,
  orderItemView,
  PAYMENT_LABEL,
  primaryButtonClass,
  PromptPayQr,
  STATUS_LABEL,
  SummaryRow,
  translateKey,
  trpcCodeOf,
} from "@coop/ui";
import type { Route } from "./+types/orders.$token";
import { cardPayment, CONFIRM_POLL_TIMES } from "../components/shop/card-payment.ts";
import { CardPaymentPanel, type CardPaymentView } from "../components/shop/CardPaymentPanel.tsx";

/** The tracking link is the only key to the order: keep it out of caches, search engines and Referer headers. */
/** The event note the API writes when a slip arrives (packages/core/src/orders/slips.ts). */
const SLIP_UPLOADED_NOTE = "slip uploaded";

/** The refusals the slip upload redirects back with that have a sentence of their own. */
const SLIP_ERRORS = new Set(["shop.slip.not_needed", "shop.slip.wrong_status", "shop.slip.rate_limited", "media.unsupported_type", "media.too_large", "media.corrupt", "media.file_required"]);

const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex, nofollow",
  // The URL holds the tracking token: never sent to other sites. Same-origin keeps a real Origin
  // on the slip upload (with no-referrer, Chromium sends "Origin: null" and the upload is refused).
  "Referrer-Policy": "same-origin",
  Vary: "Cookie",
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const token = params.token;
  let order;
  try {
    order = await context.trpc.orders.track({ token });
  } catch (error) {
    const code = trpcCodeOf(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") throw data(null, { status: 404, headers: PRIVATE_HEADERS });
    throw error;
  }
  const awaitsPromptPay = order.paymentMethod === "promptpay" && order.status === "pending_payment";
  let qr: { svg: string; amountSatang: number } | null = null;
  if (awaitsPromptPay) {
    try {
      const { svg, amountSatang } = await context.trpc.orders.promptPayQr({ token });
      qr = { svg, amountSatang };
    } catch (error) {
      if (trpcCodeOf(error) !== "NOT_FOUND") throw error;
    }
  }
  // A co-op staff closed still shows its customers their orders, read-only: no cart, no payment.
  const closed = context.site.kind !== "coop";
  const cart = closed ? { count: 0 } : await context.trpc.cart.get();
  const search = new URL(request.url).searchParams;
  const tr = translator(locale);
  const slipError = search.get("slipError");
  const card = cardView(order, locale, {
    returned: search.get("stripe") === "return",
    checks: Number.parseInt(search.get("check") ?? "0", 10),
    closed,
  });
  return data(
    {
      locale,
      cartCount: cart.count,
      placed: search.has("placed"),
      closed,
      token,
      slip: {
        // Only PromptPay and bank-transfer orders waiting for payment take a slip (the API checks again).
        accepts: !closed && order.status === "pending_payment" && (order.paymentMethod === "promptpay" || order.paymentMethod === "bank_transfer"),
        uploaded: order.events.some((e) => e.note === SLIP_UPLOADED_NOTE),
        ok: search.get("slip") === "ok",
        // The redirect carries only the key; the limits it names are the API's (10 MB, a 10-minute window).
        error: slipError ? (SLIP_ERRORS.has(slipError) ? translateKey(locale, slipError, { minutes: 10, maxMegabytes: 10 }) : tr("shop.slip.error")) : null,
      },
      order: {
        number: order.number,
        status: order.status,
        paymentMethod: order.paymentMethod,
        deliveryMethod: order.deliveryMethod,
        placedAt: formatDate(order.createdAt, locale, "datetime"),
        items: order.items.map((item) => orderItemView(locale, item)),
        subtotal: formatBaht(order.subtotalSatang, locale),
        deliveryFeeSatang: order.deliveryFeeSatang,
        deliveryFee: formatBaht(order.deliveryFeeSatang, locale),
        total: formatBaht(order.totalSatang, locale),
        refunded: order.amountRefundedSatang > 0 ? formatBaht(order.amountRefundedSatang, locale) : null,
        events: order.events.map((e) => ({
          status: e.toStatus,
          at: formatDate(e.at, locale, "datetime"),
          iso: e.at,
          note: e.note === SLIP_UPLOADED_NOTE ? tr("shop.slip.eventNote") : e.note,
        })),
      },
      card,
      pay: {
        pending: order.status === "pending_payment",
        qr: qr ? { svg: qr.svg, amount: formatBaht(qr.amountSatang, locale) } : null,
        promptpayId: order.coop.promptpayId,
        bank: order.coop.bank,
      },
    },
    { headers: PRIVATE_HEADERS },
  );
}

type Tracked = Awaited<ReturnType<Route.LoaderArgs["context"]["trpc"]["orders"]["track"]>>;

function cardView(order: Tracked, locale: Locale, options: { returned: boolean; checks: number; closed: boolean }): CardPaymentView | null {
  const state = cardPayment(order, { returned: options.returned, now: new Date() });
  if (!state) return null;
  // A closed co-op takes no payments: only what already happened is told.
  if (options.closed && (state.kind === "pay" || state.kind === "unavailable" || state.kind === "confirming")) return null;
  const openUntil = "expiresAt" in state && state.expiresAt ? formatDate(state.expiresAt, locale, "datetime") : null;
  if (state.kind === "pay") return { kind: "pay", payUrl: state.payUrl, openUntil };
  if (state.kind === "confirming") {
    const checks = Number.isSafeInteger(options.checks) ? Math.min(Math.max(options.checks, 0), CONFIRM_POLL_TIMES) : 0;
    return { kind: "confirming", payUrl: state.payUrl, openUntil, checks };
  }
  return state;
}

export const headers: Route.HeadersFunction = ({ loaderHeaders, errorHeaders, parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  (errorHeaders ?? loaderHeaders).forEach((value, name) => merged.set(name, value));
  return merged;
};

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  const title = loaderData ? t(locale, "shop.order.meta", { number: loaderData.order.number }) : t(locale, "error.notFound.meta");
  return [{ title }, { name: "robots", content: "noindex, nofollow" }, { name: "referrer", content: "same-origin" }];
};

function Payment({ locale, pay, total, method }: { locale: Locale; pay: Route.ComponentProps["loaderData"]["pay"]; total: string; method: string }) {
  const tr = translator(locale);
  if (!pay.pending) return null;
  if (method === "promptpay" && pay.qr) {
    return (
      <section aria-labelledby="pay-heading" className="rounded-2xl border border-leaf-600/30 bg-white p-4 shadow-xs sm:p-6">
        <h2 id="pay-heading" className="text-lg font-semibold text-leaf-900">
          {tr("shop.order.payTitle")}
        </h2>
        <p className="mt-1 text-earth-700">{tr("shop.order.promptpayLead")}</p>
        <PromptPayQr locale={locale} svg={pay.qr.svg} amount={pay.qr.amount} promptpayId={pay.promptpayId} qrTestId="promptpay-qr" amountTestId="promptpay-amount" />
      </section>
    );
  }
  if (method === "bank_transfer" && pay.bank) {
    return (
      <section aria-labelledby="pay-heading" className="rounded-2xl border border-leaf-600/30 bg-white p-4 shadow-xs sm:p-6">
        <h2 id="pay-heading" className="text-lg font-semibold text-leaf-900">
          {tr("shop.order.payTitle")}
        </h2>
        <p className="mt-1 text-earth-700">{tr("shop.order.bankLead")}</p>
        <dl className="mt-4 space-y-2">
          <SummaryRow label={tr("shop.order.amount")} strong>
            {total}
          </SummaryRow>
          <SummaryRow label={tr("shop.order.bankName")}>{pay.bank.name}</SummaryRow>
          <SummaryRow label={tr("shop.order.accountNo")}>
            <span data-testid="bank-account-no" className="font-mono text-lg">
              {pay.bank.accountNo}
            </span>
          </SummaryRow>
          <SummaryRow label={tr("shop.order.accountName")}>{pay.bank.accountName}</SummaryRow>
        </dl>
      </section>
    );
  }
  if (method === "cod") {
    return <Alert tone="info">{tr("shop.order.codLead", { amount: total })}</Alert>;
  }
  return null;
}

/**
 * The slip form posts straight to the API (a plain multipart form, so it works without
 * JavaScript); the API answers with a redirect back here carrying the outcome.
 */
function Slip({ locale, token, number, slip }: { locale: Locale; token: string; number: string; slip: Route.ComponentProps["loaderData"]["slip"] }) {
  const tr = translator(locale);
  if (!slip.accepts && !slip.uploaded && !slip.error) return null;
  const back = `/orders/${token}`;
  return (
    <section aria-labelledby="slip-heading" className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6" data-testid="slip-section">
      <h2 id="slip-heading" className="text-lg font-semibold text-leaf-900">
        {tr(slip.accepts ? "shop.slip.title" : "shop.slip.yourSlip")}
      </h2>
      {slip.ok ? (
        <Alert tone="success" className="mt-3">
          {tr("shop.slip.uploaded")}
        </Alert>
      ) : null}
      {slip.error ? (
        <Alert tone="error" className="mt-3" title={tr("shop.slip.failed")}>
          <p>{slip.error}</p>
        </Alert>
      ) : null}
      {slip.accepts ? (
        <form method="post" encType="multipart/form-data" action={`${back}/slip?redirectTo=${encodeURIComponent(back)}`} className="mt-3 space-y-3">
          <p className="flex items-start gap-2 text-earth-700">
            <InfoIcon className="mt-1 size-4 shrink-0" />
            {tr("shop.slip.lead")}
          </p>
          <div>
            <label htmlFor="slip-file" className="mb-1.5 block font-medium text-earth-900">
              {tr("shop.slip.file")}
            </label>
            <input
              id="slip-file"
              type="file"
              name="file"
              required
              accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"
              aria-describedby="slip-file-hint"
              className="block w-full text-sm text-earth-800 file:mr-3 file:rounded-full file:border-0 file:bg-leaf-100 file:px-4 file:py-2 file:font-semibold file:text-leaf-800"
            />
            <p id="slip-file-hint" className="mt-1.5 text-sm text-earth-600">
              {tr("shop.slip.fileHint")}
            </p>
          </div>
          <button type="submit" className={primaryButtonClass}>
            {tr("shop.slip.submit")}
          </button>
        </form>
      ) : null}
      {slip.uploaded ? (
        <figure className="mt-4">
          {slip.accepts ? <figcaption className="mb-2 text-sm font-medium text-earth-700">{tr("shop.slip.yourSlip")}</figcaption> : null}
          <a href={`${back}/slip`} target="_blank" rel="noreferrer">
            <img
              src={`${back}/slip`}
              alt={tr("shop.slip.imageAlt", { number })}
              referrerPolicy="no-referrer"
              loading="lazy"
              data-testid="slip-thumbnail"
              className="max-h-48 w-auto rounded-lg border border-earth-200"
            />
          </a>
        </figure>
      ) : null}
    </section>
  );
}

export default function OrderPage({ loaderData }: Route.ComponentProps) {
  const { locale, order, placed, pay, token, slip, closed, card } = loaderData;
  const tr = translator(locale);
  const lastIndex = order.events.length - 1;
  return (
    <div className="container-page max-w-3xl space-y-5 py-8 sm:py-12">
      {closed ? (
        <Alert tone="warning" title={tr("coopStatus.orderClosed.title")}>
          <p>{tr("coopStatus.orderClosed.body")}</p>
        </Alert>
      ) : null}
      {placed ? (
        <Alert tone="success" title={tr("shop.order.placed")}>
          <p>{tr("shop.order.placedLead")}</p>
        </Alert>
      ) : null}

      <header>
        <p className="text-sm text-earth-600">{tr("shop.order.number")}</p>
        <h1 data-testid="order-number" className="text-2xl font-bold text-leaf-900 sm:text-3xl">
          {order.number}
        </h1>
        <p className="mt-1 text-sm text-earth-600">{tr("shop.order.placedAt", { date: order.placedAt })}</p>
        <p className="mt-3">
          <span className="sr-only">{tr("shop.order.status")}: </span>
          <span data-testid="order-status" data-status={order.status} className="inline-flex rounded-full bg-turmeric-100 px-3 py-1 text-sm font-semibold text-turmeric-800">
            {tr(STATUS_LABEL[order.status])}
          </span>
        </p>
      </header>

      {card ? <CardPaymentPanel locale={locale} card={card} total={order.total} token={token} /> : null}
      {order.refunded ? (
        <Alert tone="info" title={tr("stripeShop.order.refunded", { amount: order.refunded })}>
          <p>{tr(order.paymentMethod === "stripe" ? "stripeShop.order.refundedCard" : "stripeShop.order.refundedManual")}</p>
        </Alert>
      ) : null}
      <Payment locale={locale} pay={pay} total={order.total} method={order.paymentMethod} />
      <Slip locale={locale} token={token} number={order.number} slip={slip} />

      <section aria-labelledby="history-heading" className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6">
        <h2 id="history-heading" className="text-lg font-semibold text-leaf-900">
          {tr("shop.order.history")}
        </h2>
        <ol className="mt-3 space-y-3" data-testid="order-history">
          {order.events.map((event, i) => (
            <li key={`${event.iso}-${i}`} className="flex gap-3">
              <span
                className={`mt-0.5 grid size-6 shrink-0 place-items-center rounded-full ${i === lastIndex ? "bg-leaf-700 text-white" : "bg-leaf-100 text-leaf-700"}`}
              >
                <CheckIcon className="size-4" />
              </span>
              <div className="min-w-0">
                <p className="font-medium text-earth-900">{tr(STATUS_LABEL[event.status])}</p>
                <p className="text-sm text-earth-600">
                  <time dateTime={event.iso}>{event.at}</time>
                </p>
                {event.note ? <p className="mt-0.5 text-sm text-earth-700">{event.note}</p> : null}
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="items-heading" className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6">
        <h2 id="items-heading" className="text-lg font-semibold text-leaf-900">
          {tr("shop.order.items")}
        </h2>
        <OrderItems locale={locale} items={order.items} className="mt-2 divide-y divide-earth-100" />
        <dl className="mt-2 space-y-1 border-t border-earth-200 pt-3">
          <SummaryRow label={tr("shop.checkout.subtotal")}>{order.subtotal}</SummaryRow>
          <SummaryRow label={`${tr("shop.checkout.deliveryFee")} · ${tr(DELIVERY_LABEL[order.deliveryMethod])}`}>
            {order.deliveryFeeSatang === 0 ? tr("shop.checkout.free") : order.deliveryFee}
          </SummaryRow>
          <SummaryRow label={tr("shop.checkout.total")} strong>
            <span data-testid="order-total">{order.total}</span>
          </SummaryRow>
          <SummaryRow label={tr("shop.order.payment")}>{tr(PAYMENT_LABEL[order.paymentMethod])}</SummaryRow>
          {order.refunded ? (
            <SummaryRow label={tr("shop.status.refunded")}>
              <span data-testid="order-refunded">−{order.refunded}</span>
            </SummaryRow>
          ) : null}
        </dl>
      </section>
    </div>
  );
}
