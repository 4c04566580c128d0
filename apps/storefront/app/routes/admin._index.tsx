import { formatBaht, type Locale, resolveLocale, translator, unitLabel } from "@coop/i18n";
import { Link, useRouteLoaderData } from "react-router";
import { Alert, CheckIcon, CircleIcon, localizedText } from "@coop/ui";
import type { Route } from "./+types/admin._index";
import type { loader as adminLoader } from "./admin.tsx";
import { ChevronRightIcon, OrdersIcon } from "../components/admin/icons.tsx";
import { Card, PageHeader } from "../components/admin/PageHeader.tsx";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("admin.dashboard.title"));

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const dashboard = await orRespond(request, context.trpc.dashboard.get());
  return {
    locale: resolveLocale(request),
    dashboard,
    welcome: url.searchParams.has("welcome") ? "welcome" : url.searchParams.has("joined") ? "joined" : null,
  };
}

type ChecklistKey = "logo" | "story" | "promptpay" | "products" | "first_article";

/** Where each set-up step is done, and who may do it. */
const CHECKLIST: Record<ChecklistKey, { href: string; permission: string }> = {
  logo: { href: "/admin/settings#images", permission: "settings.edit" },
  story: { href: "/admin/settings#coop", permission: "settings.edit" },
  promptpay: { href: "/admin/settings#payment", permission: "settings.edit" },
  products: { href: "/admin/products/new", permission: "products.edit" },
  first_article: { href: "/admin", permission: "content.edit" },
};

function isChecklistKey(key: string): key is ChecklistKey {
  return Object.hasOwn(CHECKLIST, key);
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { locale, dashboard, welcome } = loaderData;
  const shell = useRouteLoaderData<typeof adminLoader>("routes/admin");
  const permissions = shell?.permissions ?? [];
  const tr = translator(locale);
  const steps = dashboard.checklist.filter((item) => isChecklistKey(item.key));
  const available = steps.filter((item) => item.available);
  const done = available.filter((item) => item.done).length;

  return (
    <>
      <PageHeader
        title={shell ? tr("admin.dashboard.hello", { name: shell.user.displayName }) : tr("admin.dashboard.title")}
        description={tr("admin.dashboard.lead")}
      />
      {welcome === "welcome" && shell?.standing?.status === "pending" ? (
        // The site opens only when regional staff approve it (the layout's banner says so too).
        <Alert tone="success" className="mb-6" title={tr("coopStatus.welcomePending.title")}>
          <p>{tr("coopStatus.welcomePending.body")}</p>
        </Alert>
      ) : welcome ? (
        <Alert tone="success" className="mb-6" title={tr(welcome === "welcome" ? "admin.dashboard.welcome.title" : "admin.dashboard.joined.title")}>
          <p>{tr(welcome === "welcome" ? "admin.dashboard.welcome.body" : "admin.dashboard.joined.body")}</p>
        </Alert>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)]">
        <Card
          title={tr("admin.checklist.title")}
          action={
            <span className="rounded-full bg-leaf-50 px-3 py-1 text-sm font-medium text-leaf-800">
              {tr("admin.checklist.progress", { done, total: available.length })}
            </span>
          }
        >
          <div
            className="mb-4 h-2 overflow-hidden rounded-full bg-earth-100"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={available.length}
            aria-valuenow={done}
            aria-label={tr("admin.checklist.title")}
          >
            <div className="h-full rounded-full bg-leaf-500" style={{ width: `${available.length ? (done / available.length) * 100 : 0}%` }} />
          </div>
          <ul className="divide-y divide-earth-100">
            {steps.map((item) => {
              const key = item.key as ChecklistKey;
              const { href, permission } = CHECKLIST[key];
              const canFix = item.available && !item.done && permissions.includes(permission);
              const progress = item.progress ? tr("admin.checklist.count", { current: item.progress.current, target: item.progress.target }) : null;
              const body = (
                <>
                  <span
                    className={
                      "grid size-8 shrink-0 place-items-center rounded-full " +
                      (item.done ? "bg-leaf-600 text-white" : item.available ? "bg-earth-100 text-earth-500" : "bg-earth-50 text-earth-400")
                    }
                  >
                    {item.done ? <CheckIcon className="size-5" /> : <CircleIcon className="size-5" />}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className={"block font-medium " + (item.done ? "text-earth-600 line-through decoration-earth-300" : "text-earth-900")}>
                      {tr(`admin.checklist.${key}`)}
                      <span className="sr-only"> — {item.done ? tr("admin.checklist.done") : item.available ? tr("admin.checklist.todo") : tr("admin.checklist.soon")}</span>
                    </span>
                    {!item.done ? (
                      <span className="block text-sm text-earth-600">
                        {tr(`admin.checklist.${key}.hint`)}
                        {progress ? ` · ${progress}` : ""}
                      </span>
                    ) : null}
                  </span>
                  {!item.available ? (
                    <span className="shrink-0 rounded-full bg-earth-100 px-2.5 py-0.5 text-xs font-medium text-earth-600">
                      {tr("admin.checklist.soon")}
                    </span>
                  ) : canFix ? (
                    <ChevronRightIcon className="size-5 shrink-0 text-earth-400" />
                  ) : null}
                </>
              );
              return (
                <li key={item.key}>
                  {canFix ? (
                    <Link to={href} className="-mx-2 flex items-center gap-3 rounded-xl px-2 py-3 hover:bg-earth-50">
                      {body}
                    </Link>
                  ) : (
                    <div className="flex items-center gap-3 py-3">{body}</div>
                  )}
                </li>
              );
            })}
          </ul>
        </Card>

        <div className="space-y-5">
          <OrdersCard locale={locale} orders={dashboard.orders} />
          <Card
            title={tr("admin.dashboard.products")}
            action={
              <Link to="/admin/products" className="text-sm font-medium text-leaf-700 hover:underline">
                {tr("admin.dashboard.allProducts")}
              </Link>
            }
          >
            <dl className="grid grid-cols-2 gap-3">
              {(["available", "sold_out", "coming_soon", "hidden"] as const).map((status) => (
                <div key={status} className="rounded-xl bg-earth-50 px-3 py-2.5">
                  <dt className="text-sm text-earth-600">{tr(`admin.productStatus.${status}`)}</dt>
                  <dd className="text-2xl font-semibold text-earth-900">{dashboard.productCounts[status] ?? 0}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
      </div>

      <Card title={tr("admin.lowStock.title")} className="mt-5">
        {dashboard.lowStock.length === 0 ? (
          <p className="text-earth-700">{tr("admin.lowStock.none")}</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-earth-600">{tr("admin.lowStock.lead", { threshold: dashboard.lowStockThreshold })}</p>
            <ul className="divide-y divide-earth-100">
              {dashboard.lowStock.map((product) => {
                const name = localizedText(locale, product.nameTh, product.nameEn);
                return (
                  <li key={product.id}>
                    <Link to={`/admin/products/${product.id}`} className="-mx-2 flex items-center gap-3 rounded-xl px-2 py-2.5 hover:bg-earth-50">
                      <span lang={name.lang === locale ? undefined : name.lang} className="min-w-0 flex-1 truncate font-medium text-earth-900">
                        {name.text}
                      </span>
                      <span
                        className={
                          "shrink-0 rounded-full px-2.5 py-0.5 text-sm font-medium " +
                          (product.stock === 0 ? "bg-clay-100 text-clay-800" : "bg-turmeric-100 text-turmeric-800")
                        }
                      >
                        {tr("admin.lowStock.left", { stock: product.stock, unit: unitLabel(product.unit, locale) })}
                      </span>
                      <ChevronRightIcon className="size-5 shrink-0 text-earth-400" />
                    </Link>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Card>
    </>
  );
}

function OrdersCard({ locale, orders }: { locale: Locale; orders: Route.ComponentProps["loaderData"]["dashboard"]["orders"] }) {
  const tr = translator(locale);
  return (
    <Card title={tr("admin.orders.title")}>
      {orders === null || (orders.month.count === 0 && orders.awaitingPayment === 0) ? (
        <div className="flex items-start gap-3 rounded-xl border border-dashed border-earth-300 bg-earth-50 p-4 text-earth-700">
          <OrdersIcon className="mt-0.5 size-6 shrink-0 text-earth-500" />
          <p>{tr("admin.orders.notYet")}</p>
        </div>
      ) : (
        <div className="space-y-3">
          <dl className="grid grid-cols-2 gap-3">
            {(["today", "month"] as const).map((period) => (
              <div key={period} className="rounded-xl bg-earth-50 p-3" data-testid={`orders-${period}`}>
                <dt className="text-sm text-earth-600">{tr(period === "today" ? "admin.orders.today" : "admin.orders.month")}</dt>
                <dd className="text-xl font-bold text-earth-900">{formatBaht(orders[period].salesSatang, locale)}</dd>
                <dd className="text-sm text-earth-700">{tr("admin.orders.count", { n: orders[period].count })}</dd>
              </div>
            ))}
          </dl>
          {orders.awaitingPayment > 0 ? <p className="text-sm font-medium text-turmeric-800">{tr("admin.orders.awaiting", { n: orders.awaitingPayment })}</p> : null}
        </div>
      )}
    </Card>
  );
}
