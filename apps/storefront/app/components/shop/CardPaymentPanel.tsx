import { type Locale, translator } from "@coop/i18n";
import { useEffect, useState } from "react";
import { useRevalidator } from "react-router";
import { Alert, linkClass, primaryButtonClass, secondaryButtonClass } from "@coop/ui";
import { CONFIRM_POLL_SECONDS, CONFIRM_POLL_TIMES } from "./card-payment.ts";

/** The card payment as the order page's loader prepares it (dates already formatted). */
export type CardPaymentView =
  | { kind: "pay"; payUrl: string; openUntil: string | null }
  | { kind: "confirming"; payUrl: string | null; openUntil: string | null; checks: number }
  | { kind: "paid" }
  | { kind: "expired" }
  | { kind: "unavailable" };

/**
 * While a payment is being confirmed the page looks again every few seconds for about a minute:
 * with scripts by revalidating the loader (no flash, focus kept), without them by a refresh
 * that counts its own rounds in the address (`check=`), so it stops too.
 */
function useConfirmPolling(active: boolean, checksSoFar: number): boolean {
  const { revalidate } = useRevalidator();
  const [checks, setChecks] = useState(checksSoFar);
  const done = checks >= CONFIRM_POLL_TIMES;
  useEffect(() => {
    if (!active || done) return;
    const timer = setTimeout(() => {
      setChecks((n) => n + 1);
      void revalidate();
    }, CONFIRM_POLL_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [active, done, checks, revalidate]);
  return done;
}

function PayButton({ href, label, primary }: { href: string; label: string; primary: boolean }) {
  // A plain link: Stripe's page is another site, and the order page's Referrer-Policy keeps the token to us.
  return (
    <a href={href} data-testid="stripe-pay" className={`${primary ? primaryButtonClass : secondaryButtonClass} w-full text-lg sm:w-auto`}>
      {label}
    </a>
  );
}

export function CardPaymentPanel({ locale, card, total, token }: { locale: Locale; card: CardPaymentView; total: string; token: string }) {
  const tr = translator(locale);
  const confirming = card.kind === "confirming";
  const gaveUp = useConfirmPolling(confirming, confirming ? card.checks : CONFIRM_POLL_TIMES);
  const back = `/orders/${encodeURIComponent(token)}`;

  switch (card.kind) {
    case "pay":
      return (
        <section aria-labelledby="pay-heading" className="rounded-2xl border border-leaf-600/30 bg-white p-4 shadow-xs sm:p-6" data-testid="stripe-pay-panel">
          <h2 id="pay-heading" className="text-lg font-semibold text-leaf-900">
            {tr("shop.order.payTitle")}
          </h2>
          <p className="mt-1 text-earth-700">{tr("stripeShop.order.payLead")}</p>
          <div className="mt-4">
            <PayButton href={card.payUrl} label={tr("stripeShop.order.payNow", { amount: total })} primary />
          </div>
          {card.openUntil ? (
            <p className="mt-3 text-earth-800">
              <span className="font-semibold" data-testid="stripe-open-until">
                {tr("stripeShop.order.openUntil", { time: card.openUntil })}
              </span>
              <span className="block text-sm text-earth-600">{tr("stripeShop.order.openUntilLead")}</span>
            </p>
          ) : null}
        </section>
      );
    case "confirming":
      return (
        <div className="space-y-3" data-testid="stripe-confirming">
          {gaveUp ? null : (
            // Scripts off: the browser reloads by itself (React does not run what is inside <noscript>).
            <noscript
              dangerouslySetInnerHTML={{
                __html: `<meta http-equiv="refresh" content="${CONFIRM_POLL_SECONDS};url=${back}?stripe=return&amp;check=${card.checks + 1}">`,
              }}
            />
          )}
          <Alert tone="info" title={tr("stripeShop.order.confirmingTitle")}>
            {gaveUp ? (
              <>
                <p>{tr("stripeShop.order.confirmingSlow")}</p>
                <p className="pt-1">
                  <a href={`${back}?stripe=return`} className={`${linkClass} font-semibold`}>
                    {tr("stripeShop.order.reload")}
                  </a>
                </p>
              </>
            ) : (
              <p>{tr("stripeShop.order.confirmingBody")}</p>
            )}
          </Alert>
          {card.payUrl ? (
            <div className="rounded-2xl border border-earth-200 bg-white p-4 sm:p-5">
              <p className="text-sm text-earth-700">
                {card.openUntil ? tr("stripeShop.order.notFinished", { time: card.openUntil }) : tr("stripeShop.order.payLead")}
              </p>
              <div className="mt-3">
                <PayButton href={card.payUrl} label={tr("stripeShop.order.payNow", { amount: total })} primary={false} />
              </div>
            </div>
          ) : null}
        </div>
      );
    case "paid":
      return (
        <Alert tone="success" title={tr("stripeShop.order.paidTitle")}>
          <p>{tr("stripeShop.order.paidBody")}</p>
        </Alert>
      );
    case "expired":
      return (
        <Alert tone="warning" title={tr("stripeShop.order.expiredTitle")}>
          <p>{tr("stripeShop.order.expiredBody")}</p>
          <p className="pt-1">
            <a href="/products" className={`${linkClass} font-semibold`}>
              {tr("stripeShop.order.shopAgain")}
            </a>
          </p>
        </Alert>
      );
    case "unavailable":
      return <Alert tone="warning">{tr("stripeShop.order.unavailable")}</Alert>;
  }
}
