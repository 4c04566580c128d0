import { formatBaht, formatDate, type Locale, resolveLocale, translator, unitLabel } from "@coop/i18n";
import { data } from "react-router";
import { linkClass, localized, primaryButtonClass, secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/admin_.orders.$id.print";
import { type AdminOrder, addressLines, DELIVERY_LABEL, PAYMENT_LABEL } from "../components/admin/orders/values.ts";
import { orRespond } from "../lib/admin.server.ts";
import { OWN_LAYOUT } from "../lib/layout.ts";

// Outside the back-office layout on purpose: the page is only the paper, no admin chrome.
export const handle = OWN_LAYOUT;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The paper is always Thai (the customer's copy); the screen-only toolbar follows the user's language. */
const PAPER: Locale = "th";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? translator(PAPER)("admin.orders.print.title", { number: loaderData.order.number }) : "" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  if (!params.id || !UUID.test(params.id)) throw data({ reason: "not-found" }, { status: 404 });
  const [order, coop, { items: provinces }] = await Promise.all([
    orRespond(request, context.trpc.ordersAdmin.get({ orderId: params.id })),
    orRespond(request, context.trpc.settings.get()),
    context.trpc.signup.provinces(),
  ]);
  const provinceName = (code: number | null | undefined) => provinces.find((p) => p.code === code)?.nameTh;
  const size = new URL(request.url).searchParams.get("size") === "80mm" ? ("80mm" as const) : ("a4" as const);
  return data(
    {
      locale: resolveLocale(request),
      size,
      order,
      orderProvince: provinceName(order.address?.provinceCode),
      coop: {
        name: coop.nameTh,
        phone: coop.phone,
        address: coop.addressLine
          ? addressLines(
              { line: coop.addressLine, subdistrict: coop.addressSubdistrict ?? "", district: coop.addressDistrict ?? "", provinceCode: coop.addressProvinceCode ?? 0, postcode: coop.addressPostcode ?? "" },
              provinceName(coop.addressProvinceCode),
            ).join(" ")
          : null,
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

const PAID_STATUSES: readonly AdminOrder["status"][] = ["paid", "packed", "shipped", "ready_for_pickup", "completed"];

function isPaid(order: AdminOrder): boolean {
  if (order.paymentMethod === "cod") return order.status === "completed";
  return PAID_STATUSES.includes(order.status);
}

/** Print rules: A4 with both documents on their own page, or a continuous 80 mm roll. */
function printCss(size: "a4" | "80mm"): string {
  const common = `
    .paper table { width: 100%; border-collapse: collapse; }
    .paper th, .paper td { text-align: left; vertical-align: top; padding: 0.25em 0.3em; }
    .paper .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    @media print {
      html, body { background: #fff !important; color: #000 !important; }
      .no-print { display: none !important; }
      .paper { box-shadow: none !important; border: 0 !important; margin: 0 !important; }
      .paper * { color: #000 !important; }
    }`;
  if (size === "80mm") {
    return `${common}
    .paper { width: 80mm; padding: 4mm; font-size: 12px; line-height: 1.35; }
    .paper th, .paper td { padding: 0.15em 0; }
    .paper .sheet + .sheet { border-top: 1px dashed #000; margin-top: 4mm; padding-top: 4mm; }
    @media print {
      @page { size: 80mm auto; margin: 0; }
      .paper { width: 72mm; padding: 0 4mm; }
    }`;
  }
  return `${common}
    .paper { width: 210mm; max-width: 100%; font-size: 14px; line-height: 1.45; }
    .paper .sheet { padding: 14mm 14mm; }
    .paper .sheet + .sheet { border-top: 1px dashed #bbb; }
    .paper th { border-bottom: 1px solid #000; }
    .paper td { border-bottom: 1px solid #ddd; }
    @media print {
      @page { size: A4; margin: 12mm; }
      .paper { width: auto; }
      .paper .sheet { padding: 0; }
      .paper .sheet + .sheet { border-top: 0; break-before: page; }
    }`;
}

export default function PrintOrder({ loaderData }: Route.ComponentProps) {
  const { locale, size, order, orderProvince, coop } = loaderData;
  const ui = translator(locale);
  const tr = translator(PAPER);
  const baht = (satang: number) => formatBaht(satang, PAPER);
  const placed = formatDate(order.createdAt, PAPER, "long");
  const compact = size === "80mm";

  return (
    <div className="min-h-dvh bg-earth-100 py-4 print:bg-white print:py-0">
      <style>{printCss(size)}</style>
      <div className="no-print mx-auto mb-4 flex max-w-[210mm] flex-wrap items-center gap-2 px-4">
        <a href={`/admin/orders/${order.id}`} className={`${linkClass} mr-auto text-sm`}>
          ← {ui("admin.orders.print.back")}
        </a>
        <a href={`/admin/orders/${order.id}/print`} aria-current={size === "a4" ? "page" : undefined} className={size === "a4" ? primaryButtonClass : secondaryButtonClass}>
          {ui("admin.orders.print.a4")}
        </a>
        <a href={`/admin/orders/${order.id}/print?size=80mm`} aria-current={compact ? "page" : undefined} className={compact ? primaryButtonClass : secondaryButtonClass}>
          {ui("admin.orders.print.thermal")}
        </a>
        <button type="button" onClick={() => window.print()} className={primaryButtonClass}>
          {ui("admin.orders.print.printButton")}
        </button>
      </div>

      <main lang="th" className="paper mx-auto bg-white text-black shadow-sm">
        <section className="sheet" aria-labelledby="packing-title">
          <header className={compact ? "mb-2 text-center" : "mb-4 flex items-start justify-between gap-4"}>
            <div>
              <h1 id="packing-title" className={compact ? "text-base font-bold" : "text-2xl font-bold"}>
                {tr("admin.orders.print.packingSlip")}
              </h1>
              <p className="font-semibold">{coop.name}</p>
            </div>
            <p className={compact ? "" : "text-right"}>
              {tr("admin.orders.print.number")} <strong className="tabular-nums">{order.number}</strong>
              <br />
              {tr("admin.orders.print.date")} {placed}
            </p>
          </header>

          <div className={compact ? "mb-2" : "mb-4 rounded border border-black p-3"}>
            <p className="font-semibold">{tr("admin.orders.print.shipTo")}</p>
            <p className={compact ? "font-semibold" : "text-lg font-semibold"}>{order.customerName}</p>
            <p>{tr("admin.orders.print.tel", { phone: order.customerPhone })}</p>
            {order.address ? (
              addressLines(order.address, orderProvince).map((line) => <p key={line}>{line}</p>)
            ) : (
              <p>{tr("admin.orders.print.pickup")}</p>
            )}
            {order.address ? <p className="mt-1">{tr(DELIVERY_LABEL[order.deliveryMethod])}</p> : null}
          </div>

          <table>
            <thead>
              <tr>
                <th>{tr("admin.orders.print.item")}</th>
                <th className="num">{tr("admin.orders.print.qty")}</th>
                <th className="num">{tr("admin.orders.print.checked")}</th>
              </tr>
            </thead>
            <tbody>
              {order.items.map((item) => (
                <tr key={item.productId}>
                  <td>{localized(PAPER, item.nameTh, item.nameEn)}</td>
                  <td className="num">
                    {item.quantity} {unitLabel(item.unit, PAPER)}
                  </td>
                  <td className="num" aria-hidden="true">
                    ☐
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {order.notes ? (
            <p className="mt-3">
              <strong>{tr("admin.orders.detail.notes")}:</strong> {order.notes}
            </p>
          ) : null}
        </section>

        <section className="sheet" aria-labelledby="receipt-title">
          <header className={compact ? "mb-2 text-center" : "mb-4 flex items-start justify-between gap-4"}>
            <div>
              <h2 id="receipt-title" className={compact ? "text-base font-bold" : "text-2xl font-bold"}>
                {tr("admin.orders.print.receipt")}
              </h2>
              <p className="font-semibold">{coop.name}</p>
              {coop.address ? <p>{coop.address}</p> : null}
              {coop.phone ? <p>{tr("admin.orders.print.tel", { phone: coop.phone })}</p> : null}
            </div>
            <p className={compact ? "" : "text-right"}>
              {tr("admin.orders.print.number")} <strong className="tabular-nums">{order.number}</strong>
              <br />
              {tr("admin.orders.print.date")} {placed}
            </p>
          </header>
          <p className="mb-2">
            {order.customerName} · {order.customerPhone}
          </p>
          <table>
            <thead>
              <tr>
                <th>{tr("admin.orders.print.item")}</th>
                {compact ? null : <th className="num">{tr("admin.orders.print.qty")}</th>}
                {compact ? null : <th className="num">{tr("admin.orders.print.price")}</th>}
                <th className="num">{tr("admin.orders.print.amount")}</th>
              </tr>
            </thead>
            <tbody>
              {order.items.map((item) => (
                <tr key={item.productId}>
                  <td>
                    {localized(PAPER, item.nameTh, item.nameEn)}
                    {compact ? (
                      <span className="block">
                        {item.quantity} {unitLabel(item.unit, PAPER)} × {baht(item.unitPriceSatang)}
                      </span>
                    ) : null}
                  </td>
                  {compact ? null : (
                    <td className="num">
                      {item.quantity} {unitLabel(item.unit, PAPER)}
                    </td>
                  )}
                  {compact ? null : <td className="num">{baht(item.unitPriceSatang)}</td>}
                  <td className="num">{baht(item.lineTotalSatang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className={compact ? "mt-2 border-t border-dashed border-black pt-1" : "mt-3 ml-auto w-full max-w-[80mm]"}>
            <Row label={tr("admin.orders.detail.subtotal")} value={baht(order.subtotalSatang)} />
            <Row label={`${tr("admin.orders.detail.deliveryFee")} (${tr(DELIVERY_LABEL[order.deliveryMethod])})`} value={baht(order.deliveryFeeSatang)} />
            <Row label={tr("admin.orders.detail.total")} value={baht(order.totalSatang)} strong />
          </dl>
          <p className="mt-3">
            {isPaid(order)
              ? tr("admin.orders.print.paidBy", { method: tr(PAYMENT_LABEL[order.paymentMethod]) })
              : `${tr("admin.orders.print.unpaid")} (${tr(PAYMENT_LABEL[order.paymentMethod])})`}
          </p>
          <p className={compact ? "mt-3 text-center" : "mt-6 text-center"}>{tr("admin.orders.print.thanks")}</p>
        </section>
      </main>
    </div>
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between gap-3 ${strong ? "text-[1.15em] font-bold" : ""}`}>
      <dt>{label}</dt>
      <dd className="num tabular-nums">{value}</dd>
    </div>
  );
}
