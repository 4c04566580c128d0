import { formatBaht, formatDate, type Locale, resolveLocale, translator } from "@coop/i18n";
import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { inputClass, linkClass, secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/admin.orders._index";
import { ChevronRightIcon } from "../components/admin/icons.tsx";
import { PageHeader } from "../components/admin/PageHeader.tsx";
import { Pager } from "../components/admin/Pager.tsx";
import { OrderStatusBadge } from "../components/admin/orders/StatusBadge.tsx";
import {
  type AdminOrderRow,
  DELIVERY_LABEL,
  DELIVERY_METHODS,
  isFiltered,
  ORDER_STATUSES,
  orderCsvHref,
  orderFilters,
  orderListHref,
  PAGE_SIZE,
  PAYMENT_LABEL,
  PAYMENT_METHODS,
  readOrderQuery,
  STATUS_LABEL,
} from "../components/admin/orders/values.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("admin.orders.title"));

export async function loader({ request, context }: Route.LoaderArgs) {
  const query = readOrderQuery(new URL(request.url));
  const page = await orRespond(request, context.trpc.ordersAdmin.list({ ...orderFilters(query), page: query.page, pageSize: PAGE_SIZE }));
  return { locale: resolveLocale(request), query, page };
}

export default function OrderList({ loaderData }: Route.ComponentProps) {
  const { locale, query, page } = loaderData;
  const tr = translator(locale);
  const filtered = isFiltered(query);
  const first = (query.page - 1) * PAGE_SIZE + 1;
  const last = first + page.items.length - 1;
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title={tr("admin.orders.title")}
        description={tr("admin.orders.list.lead")}
        actions={
          <a href={orderCsvHref(query)} download className={secondaryButtonClass}>
            {tr("admin.orders.list.csv")}
          </a>
        }
      />

      <Form method="get" role="search" className="mb-5 rounded-2xl border border-earth-200 bg-white p-3 shadow-xs sm:p-4">
        <div className="flex gap-2">
          <label htmlFor="order-search" className="sr-only">
            {tr("admin.orders.list.search")}
          </label>
          <input
            id="order-search"
            type="search"
            name="q"
            defaultValue={query.q}
            maxLength={50}
            placeholder={tr("admin.orders.list.searchPlaceholder")}
            className={inputClass}
          />
          <button type="submit" className={`${secondaryButtonClass} shrink-0 px-4`}>
            {tr("admin.orders.list.searchButton")}
          </button>
        </div>
        <div className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
          <Filter label={tr("admin.orders.list.status")} id="filter-status" className="col-span-2 sm:col-span-1">
            <select id="filter-status" name="status" defaultValue={query.status} onChange={submitForm} className={selectClass}>
              <option value="">{tr("admin.orders.list.allStatuses")}</option>
              {ORDER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tr(STATUS_LABEL[s])}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label={tr("admin.orders.list.payment")} id="filter-payment">
            <select id="filter-payment" name="payment" defaultValue={query.payment} onChange={submitForm} className={selectClass}>
              <option value="">{tr("admin.orders.list.allPayments")}</option>
              {PAYMENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {tr(PAYMENT_LABEL[m])}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label={tr("admin.orders.list.delivery")} id="filter-delivery">
            <select id="filter-delivery" name="delivery" defaultValue={query.delivery} onChange={submitForm} className={selectClass}>
              <option value="">{tr("admin.orders.list.allDeliveries")}</option>
              {DELIVERY_METHODS.map((m) => (
                <option key={m} value={m}>
                  {tr(DELIVERY_LABEL[m])}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label={tr("admin.orders.list.from")} id="filter-from">
            <input id="filter-from" type="date" name="from" defaultValue={query.from} max={query.to || undefined} className={selectClass} />
          </Filter>
          <Filter label={tr("admin.orders.list.to")} id="filter-to">
            <input id="filter-to" type="date" name="to" defaultValue={query.to} min={query.from || undefined} className={selectClass} />
          </Filter>
        </div>
        <div className="mt-3 flex flex-wrap items-center justify-end gap-3 text-sm">
          {filtered ? (
            <Link to="/admin/orders" className={linkClass}>
              {tr("admin.orders.list.clear")}
            </Link>
          ) : null}
          <button type="submit" className={`${secondaryButtonClass} px-4`}>
            {tr("admin.orders.list.apply")}
          </button>
        </div>
      </Form>

      {page.items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-earth-300 bg-white px-6 py-10 text-center text-earth-700">
          <p>{tr(filtered ? "admin.orders.list.noMatch" : "admin.orders.list.empty")}</p>
          {filtered ? (
            <Link to="/admin/orders" className={`${linkClass} mt-2 inline-block`}>
              {tr("admin.orders.list.clear")}
            </Link>
          ) : null}
        </div>
      ) : (
        <>
          <p className="mb-2 text-sm text-earth-600" aria-live="polite">
            {tr("admin.orders.list.showing", { first, last, total: page.total })}
          </p>
          <ul className="divide-y divide-earth-100 overflow-hidden rounded-2xl border border-earth-200 bg-white shadow-xs">
            {page.items.map((order) => (
              <OrderRow key={order.id} order={order} locale={locale} />
            ))}
          </ul>
          <Pager
            page={query.page}
            pages={pages}
            hrefFor={(page) => orderListHref({ ...query, page })}
            labels={{
              nav: tr("admin.orders.list.pages"),
              previous: tr("admin.orders.list.previous"),
              next: tr("admin.orders.list.next"),
              position: tr("admin.orders.list.page", { page: query.page, pages }),
            }}
          />
        </>
      )}
    </>
  );
}

const selectClass = `${inputClass} py-2 text-sm`;

/** Changing a select applies it at once when scripts run; without them, the buttons do. */
function submitForm(event: { currentTarget: HTMLSelectElement }) {
  event.currentTarget.form?.requestSubmit();
}

function Filter({ label, id, className, children }: { label: string; id: string; className?: string; children: ReactNode }) {
  return (
    <div className={`min-w-0 ${className ?? ""}`}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-earth-600">
        {label}
      </label>
      {children}
    </div>
  );
}

function OrderRow({ order, locale }: { order: AdminOrderRow; locale: Locale }) {
  const tr = translator(locale);
  return (
    <li>
      <Link to={`/admin/orders/${order.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-earth-50">
        <span className="min-w-0 flex-1">
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-semibold tabular-nums text-earth-900">{order.number}</span>
            <OrderStatusBadge status={order.status} locale={locale} />
          </span>
          <span className="mt-0.5 block truncate text-sm text-earth-700">
            {order.customerName} · <span className="tabular-nums">{order.customerPhone}</span>
          </span>
          <span className="mt-0.5 block text-xs text-earth-500">
            {formatDate(order.createdAt, locale, "datetime")} · {tr(PAYMENT_LABEL[order.paymentMethod])} · {tr(DELIVERY_LABEL[order.deliveryMethod])}
          </span>
        </span>
        <span className="shrink-0 text-right">
          <span className="block font-semibold tabular-nums text-leaf-800">{formatBaht(order.totalSatang, locale)}</span>
          <span className="block text-xs text-earth-500">{tr("admin.orders.list.items", { n: order.itemCount })}</span>
        </span>
        <ChevronRightIcon className="size-5 shrink-0 text-earth-400" />
      </Link>
    </li>
  );
}
