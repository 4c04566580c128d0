import { formatBaht, formatDate, type Locale, resolveLocale, translator, unitLabel } from "@coop/i18n";
import { useRef } from "react";
import { data, Form, Link } from "react-router";
import { Alert, dangerButtonClass, formErrors, linkClass, localized, primaryButtonClass, secondaryButtonClass, TextAreaField, translateKey, useFocusFirstInvalid, useSubmitting } from "@coop/ui";
import type { Route } from "./+types/admin.orders.$id._index";
import { Card, PageHeader } from "../components/admin/PageHeader.tsx";
import { RefundPanel } from "../components/admin/orders/RefundPanel.tsx";
import { isRefundResult, parseRefundAmount, readRefundForm, refundableSatang, type RefundResult } from "../components/admin/orders/refund.ts";
import { OrderStatusBadge } from "../components/admin/orders/StatusBadge.tsx";
import {
  ACTION_LABEL,
  type AdminOrder,
  addressLines,
  DELIVERY_LABEL,
  isDestructive,
  isOrderStatus,
  needsReason,
  PAYMENT_LABEL,
  STATUS_LABEL,
} from "../components/admin/orders/values.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function orderIdOf(params: { id?: string }): string {
  // A malformed id is a page that does not exist, not a validation error.
  if (!params.id || !UUID.test(params.id)) throw data({ reason: "not-found" }, { status: 404 });
  return params.id;
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  adminTitle(matches, (tr) => (loaderData ? `${loaderData.order.number} · ${tr("admin.orders.title")}` : tr("admin.orders.title")));

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const orderId = orderIdOf(params);
  const [order, { items: provinces }] = await Promise.all([
    orRespond(request, context.trpc.ordersAdmin.get({ orderId })),
    context.trpc.signup.provinces(),
  ]);
  const province = order.address ? provinces.find((p) => p.code === order.address?.provinceCode) : undefined;
  const locale = resolveLocale(request);
  return { locale, order, provinceName: province ? (locale === "en" && province.nameEn ? province.nameEn : province.nameTh) : undefined };
}

type TransitionResult =
  | { kind: "done"; to: AdminOrder["status"] }
  | { kind: "refused"; message: string; params: Record<string, string | number>; fields: Record<string, string>; note: string };
type ActionResult = TransitionResult | RefundResult;

const REFUND_INTENTS = new Set(["refund-review", "refund", "refund-edit"]);

/**
 * The refund form's two posts: "refund-review" checks the amount and asks to confirm; "refund"
 * gives the money back, refused if another refund landed in between (the confirmed amount was
 * worked out against the old total, and a second tab must not refund twice).
 */
async function refundAction(orderId: string, form: FormData, context: Route.ActionArgs["context"], locale: Locale) {
  const values = readRefundForm(form);
  const intent = form.get("intent");
  if (intent === "refund-edit") return data<ActionResult>({ kind: "refund-edit", values });
  const order = await context.trpc.ordersAdmin.get({ orderId });
  const remaining = refundableSatang(order);
  const refuse = (message: string | null, fields: { amount?: string; reason?: string }, params: Record<string, string | number> = {}, status = 400) =>
    data<ActionResult>({ kind: "refund-refused", values, message, fields, params }, { status });
  if (remaining === 0) return refuse("payments.errors.refund_nothing_left", {}, {}, 409);
  let amountSatang = remaining;
  if (values.mode === "partial") {
    const amount = parseRefundAmount(values.amount, remaining);
    if (!amount.ok) return refuse(null, { amount: amount.message }, { max: formatBaht(remaining, locale) });
    amountSatang = amount.satang;
  }
  if (intent === "refund-review") {
    return data<ActionResult>({ kind: "refund-confirm", values, amountSatang, refundedBefore: order.amountRefundedSatang });
  }
  if (form.get("refundedBefore") !== String(order.amountRefundedSatang) || form.get("refundSatang") !== String(amountSatang)) {
    return refuse("stripeShop.refund.changed", {}, {}, 409);
  }
  try {
    await context.trpc.ordersAdmin.refund({ orderId, amountSatang, reason: values.reason || undefined, expectedRefundedSatang: order.amountRefundedSatang });
  } catch (error) {
    const errors = formErrors(error);
    const fields = {
      ...(errors.fields.amountSatang ? { amount: errors.fields.amountSatang } : {}),
      ...(errors.fields.reason ? { reason: errors.fields.reason } : {}),
    };
    const message = errors.formError ?? (Object.keys(fields).length === 0 ? (Object.values(errors.fields)[0] ?? "validation.invalid") : null);
    return refuse(message, fields, errors.params, 409);
  }
  return data<ActionResult>({ kind: "refund-done", amountSatang });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const orderId = orderIdOf(params);
  const form = await request.formData();
  if (REFUND_INTENTS.has(String(form.get("intent")))) return refundAction(orderId, form, context, resolveLocale(request));
  const to = form.get("to");
  const from = form.get("from");
  const note = typeof form.get("note") === "string" ? String(form.get("note")).trim() : "";
  if (!isOrderStatus(to)) {
    return data<ActionResult>({ kind: "refused", message: "validation.invalid", params: {}, fields: {}, note }, { status: 400 });
  }
  if (isOrderStatus(from) && needsReason(from, to) && note === "") {
    return data<ActionResult>(
      { kind: "refused", message: "admin.orders.detail.reasonRequired", params: {}, fields: { note: "admin.orders.detail.reasonRequired" }, note },
      { status: 400 },
    );
  }
  try {
    await context.trpc.ordersAdmin.transition({ orderId, to, note: note || null });
  } catch (error) {
    const errors = formErrors(error);
    const message = errors.formError ?? Object.values(errors.fields)[0] ?? "validation.invalid";
    return data<ActionResult>({ kind: "refused", message, params: errors.params, fields: errors.fields, note }, { status: 409 });
  }
  return data<ActionResult>({ kind: "done", to });
}

export default function OrderDetailPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, order, provinceName } = loaderData;
  const tr = translator(locale);

  return (
    <>
      <p className="mb-3 text-sm">
        <Link to="/admin/orders" className={linkClass}>
          ← {tr("admin.orders.detail.back")}
        </Link>
      </p>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="tabular-nums">{order.number}</span>
            <OrderStatusBadge status={order.status} locale={locale} className="text-sm" />
          </span>
        }
        description={tr("admin.orders.detail.placed", { date: formatDate(order.createdAt, locale, "datetime") })}
        actions={
          <a href={`/admin/orders/${order.id}/print`} target="_blank" rel="noopener" className={secondaryButtonClass}>
            {tr("admin.orders.detail.print")}
          </a>
        }
      />

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-5">
          <Slips order={order} locale={locale} />
          <Transitions order={order} locale={locale} result={actionData && !isRefundResult(actionData) ? actionData : null} />
          <RefundPanel order={order} locale={locale} result={actionData && isRefundResult(actionData) ? actionData : null} />

          <Card title={tr("admin.orders.detail.items")}>
            <ul className="divide-y divide-earth-100">
              {order.items.map((item) => (
                <li key={item.productId} className="flex items-start justify-between gap-3 py-2.5">
                  <span className="min-w-0">
                    <span className="block font-medium text-earth-900">{localized(locale, item.nameTh, item.nameEn)}</span>
                    <span className="block text-sm text-earth-600">
                      {tr("admin.orders.detail.quantity", {
                        quantity: item.quantity.toLocaleString(locale === "th" ? "th-TH" : "en-US"),
                        unit: unitLabel(item.unit, locale),
                        price: formatBaht(item.unitPriceSatang, locale),
                      })}
                    </span>
                  </span>
                  <span className="shrink-0 font-medium tabular-nums">{formatBaht(item.lineTotalSatang, locale)}</span>
                </li>
              ))}
            </ul>
            <dl className="mt-3 space-y-1 border-t border-earth-200 pt-3 text-sm">
              <div className="flex justify-between gap-3">
                <dt className="text-earth-600">{tr("admin.orders.detail.subtotal")}</dt>
                <dd className="tabular-nums">{formatBaht(order.subtotalSatang, locale)}</dd>
              </div>
              <div className="flex justify-between gap-3">
                <dt className="text-earth-600">{tr("admin.orders.detail.deliveryFee")}</dt>
                <dd className="tabular-nums">{formatBaht(order.deliveryFeeSatang, locale)}</dd>
              </div>
              <div className="flex justify-between gap-3 text-base font-semibold text-leaf-900">
                <dt>{tr("admin.orders.detail.total")}</dt>
                <dd className="tabular-nums">{formatBaht(order.totalSatang, locale)}</dd>
              </div>
            </dl>
          </Card>

          <Card title={tr("admin.orders.detail.history")}>
            <ol className="space-y-3">
              {order.events.map((event, i) => (
                <li key={`${event.at}-${i}`} className="relative border-l-2 border-leaf-200 pl-4">
                  <span className="absolute top-1.5 -left-[5px] size-2 rounded-full bg-leaf-600" aria-hidden="true" />
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <OrderStatusBadge status={event.toStatus} locale={locale} />
                    <span className="text-sm text-earth-600">
                      <time dateTime={event.at}>{formatDate(event.at, locale, "datetime")}</time>
                      {" · "}
                      {event.actor ? tr("admin.orders.detail.by", { name: event.actor.displayName }) : tr("admin.orders.detail.byCustomer")}
                    </span>
                  </p>
                  {event.note ? (
                    <p className="mt-1 whitespace-pre-line text-sm text-earth-800">
                      {isSlipEvent(event) ? tr("admin.orders.slip.eventNote") : event.note}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </Card>
        </div>

        <div className="min-w-0 space-y-5">
          <Card title={tr("admin.orders.detail.customer")}>
            <p className="font-semibold text-earth-900">{order.customerName}</p>
            <p className="mt-1 text-sm">
              {tr("admin.orders.detail.phone")}{" "}
              <a href={`tel:${order.customerPhone}`} className={`${linkClass} tabular-nums`}>
                {order.customerPhone}
              </a>
            </p>
            {order.customerEmail ? (
              <p className="mt-1 truncate text-sm">
                {tr("admin.orders.detail.email")}{" "}
                <a href={`mailto:${order.customerEmail}`} className={linkClass}>
                  {order.customerEmail}
                </a>
              </p>
            ) : null}
            <h3 className="mt-4 text-sm font-semibold text-earth-700">{tr("admin.orders.detail.address")}</h3>
            {order.address ? (
              <address className="mt-1 text-sm not-italic text-earth-900">
                {addressLines(order.address, provinceName).map((line) => (
                  <span key={line} className="block">
                    {line}
                  </span>
                ))}
              </address>
            ) : (
              <p className="mt-1 text-sm text-earth-700">{tr("admin.orders.detail.noAddress")}</p>
            )}
            {order.notes ? (
              <>
                <h3 className="mt-4 text-sm font-semibold text-earth-700">{tr("admin.orders.detail.notes")}</h3>
                <p className="mt-1 whitespace-pre-line text-sm text-earth-900">{order.notes}</p>
              </>
            ) : null}
          </Card>
          <Card title={tr("admin.orders.detail.methods")}>
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="text-earth-600">{tr("admin.orders.list.payment")}</dt>
                <dd className="font-medium">{tr(PAYMENT_LABEL[order.paymentMethod])}</dd>
              </div>
              <div>
                <dt className="text-earth-600">{tr("admin.orders.list.delivery")}</dt>
                <dd className="font-medium">{tr(DELIVERY_LABEL[order.deliveryMethod])}</dd>
              </div>
            </dl>
          </Card>
        </div>
      </div>
    </>
  );
}

/** The event note the API writes when a customer's slip arrives (packages/core/src/orders/slips.ts). */
const SLIP_UPLOADED_NOTE = "slip uploaded";

const isSlipEvent = (event: AdminOrder["events"][number]) => event.note === SLIP_UPLOADED_NOTE && !event.actor;

/**
 * The customer's transfer slips, newest first. Each upload is one "slip uploaded" event and
 * one stored slip (in the same transaction), so the events number the slips; the images come
 * from the API's members-only route, never from the public /media/ path.
 */
function Slips({ order, locale }: { order: AdminOrder; locale: Locale }) {
  const tr = translator(locale);
  const count = order.events.filter(isSlipEvent).length;
  if (count === 0) return null;
  const indexes = Array.from({ length: count }, (_, i) => count - i);
  return (
    <Card title={tr("admin.orders.slip.title")}>
      {order.status === "payment_review" ? <p className="mb-3 text-sm text-earth-700">{tr("admin.orders.slip.lead")}</p> : null}
      <ul className="flex flex-wrap gap-3" data-testid="order-slips">
        {indexes.map((index) => {
          const src = `/admin/orders/${order.id}/slips/${index}`;
          return (
            <li key={index}>
              <a href={src} target="_blank" rel="noreferrer" className={linkClass} aria-label={tr("admin.orders.slip.open", { index })}>
                <img
                  src={src}
                  alt={tr("admin.orders.slip.imageAlt", { index })}
                  loading="lazy"
                  referrerPolicy="no-referrer"
                  className={`w-auto rounded-lg border border-earth-200 ${index === count ? "max-h-96" : "max-h-40 opacity-80"}`}
                />
              </a>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

/** The buttons for each status the order may go to now, with one note (a reason when a slip is rejected). */
function Transitions({ order, locale, result }: { order: AdminOrder; locale: Locale; result: TransitionResult | null }) {
  const tr = translator(locale);
  // While money can be given back, the refund panel is the one way to do it: it records the amount
  // (and, for a card payment, actually sends it back), where a bare status change would not.
  const nextStatuses = refundableSatang(order) > 0 ? order.nextStatuses.filter((to) => to !== "refunded") : order.nextStatuses;
  const formRef = useRef<HTMLFormElement>(null);
  const submitting = useSubmitting();
  const refused = result?.kind === "refused" ? result : null;
  useFocusFirstInvalid(formRef, refused);
  const rejecting = nextStatuses.some((to) => needsReason(order.status, to));
  const main = nextStatuses.find((to) => !isDestructive(to));

  let refusal: string | null = null;
  if (refused) {
    const { from, to } = refused.params;
    refusal =
      refused.message === "orders.illegal_transition" && isOrderStatus(from) && isOrderStatus(to)
        ? tr("admin.orders.detail.illegal", { from: tr(STATUS_LABEL[from]), to: tr(STATUS_LABEL[to]) })
        : (translateKey(locale, refused.message, refused.params) ?? refused.message);
  }
  const noteError = refused?.fields.note ? translateKey(locale, refused.fields.note, refused.params) : undefined;

  return (
    <Card title={tr("admin.orders.detail.actions")}>
      {result?.kind === "done" ? (
        <Alert tone="success" className="mb-4">
          {tr("admin.orders.detail.done", { status: tr(STATUS_LABEL[result.to]) })}
        </Alert>
      ) : null}
      {refusal ? (
        <Alert tone="error" className="mb-4" title={tr("admin.orders.detail.refused")}>
          <p>{refusal}</p>
        </Alert>
      ) : null}
      {nextStatuses.length === 0 ? (
        <p className="text-earth-700">{tr("admin.orders.detail.noActions")}</p>
      ) : (
        <Form method="post" ref={formRef} key={result?.kind === "done" ? `${order.status}-done` : order.status} noValidate>
          <p className="mb-4 text-sm text-earth-700">{tr("admin.orders.detail.actionsLead")}</p>
          <input type="hidden" name="from" value={order.status} />
          <TextAreaField
            label={tr(rejecting ? "admin.orders.detail.reason" : "admin.orders.detail.note")}
            name="note"
            rows={2}
            maxLength={500}
            hint={tr(rejecting ? "admin.orders.detail.reasonHint" : "admin.orders.detail.noteHint")}
            defaultValue={refused?.note ?? ""}
            error={noteError}
          />
          <div className="mt-4 flex flex-wrap gap-2">
            {nextStatuses.map((to) => (
              <button
                key={to}
                type="submit"
                name="to"
                value={to}
                disabled={submitting}
                className={isDestructive(to) ? dangerButtonClass : to === main ? primaryButtonClass : secondaryButtonClass}
              >
                {tr(ACTION_LABEL[to])}
              </button>
            ))}
          </div>
        </Form>
      )}
    </Card>
  );
}
