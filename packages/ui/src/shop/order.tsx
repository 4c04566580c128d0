import { formatBaht, type Locale, translator, unitLabel } from "@coop/i18n";
import type { ReactNode } from "react";
import { localizedText } from "../localized.ts";
import { formatPromptPayId } from "../promptpay.ts";

/** An order line as both order pages return it (a co-op order, a marketplace order's part). */
export interface OrderItemInput {
  productId: string;
  nameTh: string;
  nameEn: string | null;
  unit: string;
  quantity: number;
  unitPriceSatang: number;
  lineTotalSatang: number;
}

/** An order line as the order pages show it, in the page's language. */
export function orderItemView(locale: Locale, item: OrderItemInput) {
  return {
    key: item.productId,
    name: localizedText(locale, item.nameTh, item.nameEn),
    quantity: item.quantity,
    unit: unitLabel(item.unit, locale),
    unitPrice: formatBaht(item.unitPriceSatang, locale),
    lineTotal: formatBaht(item.lineTotalSatang, locale),
  };
}
export type OrderItemView = ReturnType<typeof orderItemView>;

/** What an order holds: each line with its quantity, unit price and total. */
export function OrderItems({ locale, items, className }: { locale: Locale; items: OrderItemView[]; className: string }) {
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.key} className="flex justify-between gap-3 py-2">
          <span className="min-w-0">
            <span lang={item.name.lang === locale ? undefined : item.name.lang} className="block text-earth-900">
              {item.name.text}
            </span>
            <span className="block text-sm text-earth-600">
              {item.quantity} {item.unit} × {item.unitPrice}
            </span>
          </span>
          <span className="shrink-0 text-earth-900">{item.lineTotal}</span>
        </li>
      ))}
    </ul>
  );
}

/** One label/amount row of an order's sums (a `<dl>`'s child); `strong` for the total. */
export function SummaryRow({ label, children, strong }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <div className={`flex justify-between gap-3 ${strong ? "pt-1 text-lg font-bold text-leaf-900" : ""}`}>
      <dt className={strong ? "shrink-0" : "shrink-0 text-earth-700"}>{label}</dt>
      <dd className="text-right">{children}</dd>
    </div>
  );
}

/**
 * A PromptPay QR with its fixed amount and the payee's PromptPay id under it (for apps that do
 * not scan: the id typed by hand). `compact` where it sits inside a co-op's part of a marketplace order.
 */
export function PromptPayQr({
  locale,
  svg,
  amount,
  promptpayId,
  compact,
  qrTestId,
  amountTestId,
}: {
  locale: Locale;
  /** The QR as SVG markup, drawn by the API from the payee and amount (no user text in it). */
  svg: string;
  amount: string;
  promptpayId: string | null;
  compact?: boolean;
  qrTestId: string;
  amountTestId?: string;
}) {
  const tr = translator(locale);
  return (
    <>
      <div className={`mx-auto ${compact ? "mt-3 max-w-56" : "mt-4 max-w-64"} rounded-xl border border-earth-200 bg-white p-2`}>
        <div
          role="img"
          aria-label={tr("shop.order.qrLabel", { amount })}
          data-testid={qrTestId}
          className="[&>svg]:block [&>svg]:h-auto [&>svg]:w-full"
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      </div>
      <dl className={`mx-auto ${compact ? "mt-3" : "mt-4"} max-w-64 space-y-1 text-center`}>
        <dt className="text-sm text-earth-600">{tr("shop.order.amount")}</dt>
        <dd data-testid={amountTestId} className="text-2xl font-bold text-leaf-900">
          {amount}
        </dd>
        {promptpayId ? (
          <>
            <dt className="pt-2 text-sm text-earth-600">{tr("shop.order.promptpayId")}</dt>
            <dd className="font-mono text-lg text-earth-900">{formatPromptPayId(promptpayId)}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
