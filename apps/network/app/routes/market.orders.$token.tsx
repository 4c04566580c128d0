import { formatBaht, formatDate, type Locale, resolveLocale, t, translator, withLocale } from "@coop/i18n";
import { data } from "react-router";
import {
  Alert,
  DELIVERY_LABEL,
  InfoIcon,
  linkClass,
  localizedText,
  OrderItems,
  orderItemView,
  PAYMENT_LABEL,
  primaryButtonClass,
  PromptPayQr,
  secondaryButtonClass,
  STATUS_LABEL,
  SummaryRow,
  trpcCodeOf,
} from "@coop/ui";
import type { Route } from "./+types/market.orders.$token";

/** The link is the only key to the order: keep it out of caches, search engines and Referer headers. */
const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "same-origin",
  Vary: "Cookie",
};

/** After coming back from Stripe the page reloads itself this many times (5 s apart) while the payment is confirmed. */
const MAX_REFRESHES = 12;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  let order;
  try {
    order = await context.trpc.market.orders.get({ token: params.token });
  } catch (error) {
    const code = trpcCodeOf(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") throw data(null, { status: 404, headers: PRIVATE_HEADERS });
    throw error;
  }
  const cart = await context.trpc.market.cart.get();
  const search = new URL(request.url).searchParams;
  const refreshes = Number(search.get("r") ?? "0");
  const stripe = order.paymentMode === "stripe";
  const confirming = stripe && search.get("stripe") === "return" && order.paymentStatus === "pending_payment";
  const money = (satang: number) => formatBaht(satang, locale);
  return data(
    {
      locale,
      cartCount: cart.count,
      placed: search.has("placed"),
      token: params.token,
      placedAt: formatDate(order.createdAt, locale, "datetime"),
      total: money(order.totalSatang),
      stripe: stripe
        ? {
            status: order.paymentStatus,
            payUrl: order.payUrl,
            confirming,
            // Reload while Stripe's webhook has not arrived yet, then stop and offer a button.
            refreshTo:
              confirming && Number.isInteger(refreshes) && refreshes >= 0 && refreshes < MAX_REFRESHES
                ? `/market/orders/${encodeURIComponent(params.token)}?stripe=return&r=${refreshes + 1}`
                : null,
          }
        : null,
      parts: order.parts.map((part) => ({
        key: part.number,
        coop: localizedText(locale, part.coop.name, part.coop.nameEn),
        siteUrl: withLocale(part.coop.siteUrl, locale),
        trackingUrl: withLocale(part.trackingUrl, locale),
        number: part.number,
        status: part.status,
        paymentMethod: part.paymentMethod,
        deliveryMethod: part.deliveryMethod,
        items: part.items.map((item) => orderItemView(locale, item)),
        subtotal: money(part.subtotalSatang),
        deliveryFee: part.deliveryFeeSatang === 0 ? null : money(part.deliveryFeeSatang),
        total: money(part.totalSatang),
        // How to pay this co-op, only while it waits for its money (a Stripe order is paid above, once).
        pay:
          !stripe && part.status === "pending_payment"
            ? {
                qr: part.promptPayQr ? { svg: part.promptPayQr.svg, amount: money(part.promptPayQr.amountSatang) } : null,
                promptpayId: part.promptpayId,
                bank: part.bank,
              }
            : null,
      })),
    },
    { headers: PRIVATE_HEADERS },
  );
}

export const headers: Route.HeadersFunction = ({ loaderHeaders, errorHeaders, parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  (errorHeaders ?? loaderHeaders).forEach((value, name) => merged.set(name, value));
  return merged;
};

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  const title = loaderData ? `${t(locale, "marketCart.order.title")} | ${t(locale, "brand.network")}` : t(locale, "error.notFound.meta");
  const refresh = loaderData?.stripe?.refreshTo;
  return [
    { title },
    { name: "robots", content: "noindex, nofollow" },
    { name: "referrer", content: "same-origin" },
    // Works without scripts: the browser itself reloads while the card payment is confirmed.
    ...(refresh ? [{ httpEquiv: "refresh", content: `5;url=${refresh}` }] : []),
  ];
};

type Part = Route.ComponentProps["loaderData"]["parts"][number];

/** How to pay one co-op its part: its PromptPay QR (amount fixed), its bank account, or cash on delivery. */
function PayCoop({ locale, part }: { locale: Locale; part: Part }) {
  const tr = translator(locale);
  const pay = part.pay;
  if (!pay) return null;
  if (part.paymentMethod === "promptpay" && pay.qr) {
    return (
      <div className="rounded-xl border border-leaf-600/30 bg-leaf-50/40 p-3 sm:p-4" data-testid="market-part-pay">
        <p className="font-semibold text-leaf-900">{tr("marketCart.order.payCoop", { coop: part.coop.text })}</p>
        <p className="mt-1 text-sm text-earth-700">{tr("shop.order.promptpayLead")}</p>
        <PromptPayQr locale={locale} svg={pay.qr.svg} amount={pay.qr.amount} promptpayId={pay.promptpayId} compact qrTestId="market-promptpay-qr" />
      </div>
    );
  }
  if (part.paymentMethod === "bank_transfer" && pay.bank) {
    return (
      <div className="rounded-xl border border-leaf-600/30 bg-leaf-50/40 p-3 sm:p-4" data-testid="market-part-pay">
        <p className="font-semibold text-leaf-900">{tr("marketCart.order.payCoop", { coop: part.coop.text })}</p>
        <p className="mt-1 text-sm text-earth-700">{tr("shop.order.bankLead")}</p>
        <dl className="mt-3 space-y-2">
          <SummaryRow label={tr("shop.order.amount")} strong>
            {part.total}
          </SummaryRow>
          <SummaryRow label={tr("shop.order.bankName")}>{pay.bank.name}</SummaryRow>
          <SummaryRow label={tr("shop.order.accountNo")}>
            <span className="font-mono text-lg">{pay.bank.accountNo}</span>
          </SummaryRow>
          <SummaryRow label={tr("shop.order.accountName")}>{pay.bank.accountName}</SummaryRow>
        </dl>
      </div>
    );
  }
  if (part.paymentMethod === "cod") {
    return <Alert tone="info">{tr("shop.order.codLead", { amount: part.total })}</Alert>;
  }
  // PromptPay or transfer without the co-op's details on file: its own page says how to pay.
  return <Alert tone="info">{tr("marketCart.order.payOnCoopPage", { coop: part.coop.text })}</Alert>;
}

function PartCard({ locale, part }: { locale: Locale; part: Part }) {
  const tr = translator(locale);
  return (
    <section
      aria-labelledby={`part-${part.key}`}
      data-testid="market-order-part"
      data-number={part.number}
      className="space-y-4 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6"
    >
      <header className="flex flex-wrap items-start justify-between gap-x-3 gap-y-2">
        <div className="min-w-0">
          <h2 id={`part-${part.key}`} className="text-lg font-semibold text-leaf-900">
            <a href={part.siteUrl} lang={part.coop.lang === locale ? undefined : part.coop.lang} className="underline-offset-4 hover:underline">
              {part.coop.text}
            </a>
          </h2>
          <p className="text-sm text-earth-600">
            {tr("shop.order.number")}{" "}
            <span data-testid="market-part-number" className="font-semibold text-earth-900">
              {part.number}
            </span>
          </p>
        </div>
        <span data-testid="market-part-status" data-status={part.status} className="inline-flex rounded-full bg-turmeric-100 px-3 py-1 text-sm font-semibold text-turmeric-800">
          {tr(STATUS_LABEL[part.status])}
        </span>
      </header>

      <OrderItems locale={locale} items={part.items} className="divide-y divide-earth-100" />
      <dl className="space-y-1 border-t border-earth-200 pt-3">
        <SummaryRow label={tr("shop.checkout.subtotal")}>{part.subtotal}</SummaryRow>
        <SummaryRow label={`${tr("shop.checkout.deliveryFee")} · ${tr(DELIVERY_LABEL[part.deliveryMethod])}`}>{part.deliveryFee ?? tr("shop.checkout.free")}</SummaryRow>
        <SummaryRow label={tr("marketCart.coopTotal")} strong>
          <span data-testid="market-part-total">{part.total}</span>
        </SummaryRow>
        <SummaryRow label={tr("shop.order.payment")}>{tr(PAYMENT_LABEL[part.paymentMethod])}</SummaryRow>
      </dl>

      <PayCoop locale={locale} part={part} />

      <p>
        <a href={part.trackingUrl} data-testid="market-part-link" className={`${secondaryButtonClass} w-full sm:w-auto`}>
          {tr(part.pay && part.paymentMethod !== "cod" ? "marketCart.order.coopPageSlip" : "marketCart.order.coopPage")}
        </a>
      </p>
    </section>
  );
}

export default function MarketOrder({ loaderData }: Route.ComponentProps) {
  const { locale, parts, placed, placedAt, total, stripe, token } = loaderData;
  const tr = translator(locale);
  return (
    <div className="container-page max-w-3xl space-y-5 py-8 sm:py-12">
      {placed ? (
        <Alert tone="success" title={tr("marketCart.order.placed")}>
          <p>{tr("marketCart.order.placedLead", { count: parts.length })}</p>
        </Alert>
      ) : null}

      <header>
        <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("marketCart.order.title")}</h1>
        <p className="mt-1 text-sm text-earth-600">{tr("shop.order.placedAt", { date: placedAt })}</p>
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1">
          <div>
            <dt className="text-sm text-earth-600">{tr("marketCart.order.total")}</dt>
            <dd data-testid="market-order-total" className="text-xl font-bold text-leaf-900">
              {total}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-earth-600">{tr("marketCart.order.parts")}</dt>
            <dd className="text-xl font-bold text-leaf-900">{parts.length}</dd>
          </div>
        </dl>
      </header>

      {stripe ? (
        stripe.status === "paid" ? (
          <Alert tone="success" title={tr("marketCart.order.paidTitle")}>
            <p>{tr("marketCart.order.paidLead")}</p>
          </Alert>
        ) : stripe.status === "cancelled" ? (
          <Alert tone="warning" title={tr("marketCart.order.cancelledTitle")}>
            <p>{tr("marketCart.order.cancelledLead")}</p>
            <a href="/market" className={linkClass}>
              {tr("shop.cart.browse")}
            </a>
          </Alert>
        ) : stripe.confirming ? (
          <Alert tone="info" title={tr("marketCart.order.confirmingTitle")}>
            <p>{tr(stripe.refreshTo ? "marketCart.order.confirmingLead" : "marketCart.order.confirmingSlow")}</p>
            {stripe.refreshTo ? null : (
              <a href={`/market/orders/${encodeURIComponent(token)}`} className={linkClass}>
                {tr("marketCart.order.reload")}
              </a>
            )}
            {/* Back from Stripe without finishing (e.g. the QR was never scanned): the page is still open. */}
            {stripe.payUrl ? (
              <p>
                <a href={stripe.payUrl} className={linkClass}>
                  {tr("marketCart.order.notFinished")}
                </a>
              </p>
            ) : null}
          </Alert>
        ) : stripe.payUrl ? (
          <section className="rounded-2xl border border-leaf-600/30 bg-white p-4 shadow-xs sm:p-6" aria-labelledby="pay-heading">
            <h2 id="pay-heading" className="text-lg font-semibold text-leaf-900">
              {tr("shop.order.payTitle")}
            </h2>
            <p className="mt-1 text-earth-700">{tr("marketCart.order.stripeLead")}</p>
            <a href={stripe.payUrl} data-testid="market-pay-now" className={`${primaryButtonClass} mt-4 w-full sm:w-auto`}>
              {tr("marketCart.order.payNow", { amount: total })}
            </a>
          </section>
        ) : (
          <Alert tone="info">{tr("marketCart.order.stripeUnavailable")}</Alert>
        )
      ) : null}

      <p className="flex items-start gap-2 rounded-xl bg-earth-100/70 p-3 text-sm text-earth-800">
        <InfoIcon className="mt-0.5 size-4 shrink-0" />
        {tr(stripe ? "marketCart.order.shipsOwnPaid" : "marketCart.order.shipsOwn")}
      </p>

      {parts.map((part) => (
        <PartCard key={part.key} locale={locale} part={part} />
      ))}

      <p className="text-sm text-earth-600">{tr("marketCart.order.keepLink")}</p>
    </div>
  );
}
