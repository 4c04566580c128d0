import { formatDate, type Locale, resolveLocale, translator, unitLabel } from "@coop/i18n";
import { data, Form, Link } from "react-router";
import { Alert, FormSection, localized, primaryButtonClass, SubmitButton, text, TextField, translateKey } from "@coop/ui";
import type { Route } from "./+types/admin.products.$id.stock";
import { PageHeader } from "../components/admin/PageHeader.tsx";
import { formRefusal } from "../components/admin/products/refusals.ts";
import { ProductStockBadge } from "../components/admin/products/StockBadge.tsx";
import { formatDelta, isProductId, type StockMovement, stockDelta, systemReason } from "../components/admin/products/values.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("admin.products.stock.title"));

function notFound(): never {
  throw data({ reason: "not-found" }, { status: 404 });
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  if (!isProductId(params.id)) notFound();
  const [product, { items: movements }] = await Promise.all([
    orRespond(request, context.trpc.catalogAdmin.get({ productId: params.id })),
    orRespond(request, context.trpc.catalogAdmin.stockHistory({ productId: params.id, limit: 100 })),
  ]);
  return { locale: resolveLocale(request), product, movements };
}

type StockValues = { direction: "add" | "remove"; quantity: string; reason: string };

export async function action({ request, params, context }: Route.ActionArgs) {
  if (!isProductId(params.id)) notFound();
  const form = await request.formData();
  const values: StockValues = {
    direction: text(form, "direction") === "remove" ? "remove" : "add",
    quantity: text(form, "quantity"),
    reason: text(form, "reason"),
  };
  try {
    const { product, movement } = await context.trpc.catalogAdmin.adjustStock({
      productId: params.id,
      delta: stockDelta(values.direction, values.quantity),
      reason: values.reason,
    });
    return { kind: "adjusted" as const, delta: movement.delta, stock: product.stock, values: null, errors: null };
  } catch (error) {
    return data({ kind: "invalid" as const, values, errors: await formRefusal(request, error) }, { status: 400 });
  }
}

/** Reasons people often give; the box takes any text. */
const REASON_SUGGESTIONS = [
  "admin.products.stock.suggest.harvest",
  "admin.products.stock.suggest.counterSale",
  "admin.products.stock.suggest.damaged",
  "admin.products.stock.suggest.recount",
] as const;

export default function ProductStock({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, product, movements } = loaderData;
  const tr = translator(locale);
  const unit = unitLabel(product.unit, locale);
  const name = localized(locale, product.nameTh, product.nameEn);
  const errors = actionData?.kind === "invalid" ? actionData.errors : null;
  const values: StockValues = actionData?.kind === "invalid" ? actionData.values : { direction: "add", quantity: "", reason: "" };
  // Messages about stock name the stock there is now.
  const params = { ...(errors?.params ?? {}), stock: product.stock, unit };
  const fieldError = (name: "delta" | "reason") => (errors?.fields[name] ? translateKey(locale, errors.fields[name], params) : undefined);

  return (
    <>
      <nav className="mb-2 text-sm">
        <Link to={`/admin/products/${product.id}`} className="font-medium text-leaf-700 hover:underline">
          ← {name}
        </Link>
      </nav>
      <PageHeader title={tr("admin.products.stock.title")} description={name} actions={<ProductStockBadge product={product} locale={locale} />} />

      <div className="space-y-5">
        <section aria-labelledby="current-stock" className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6">
          <h2 id="current-stock" className="text-sm font-medium text-earth-600">
            {tr("admin.products.edit.stockHeading")}
          </h2>
          <p className="text-3xl font-bold text-earth-900" aria-live="polite">
            {tr("admin.products.edit.stockValue", { stock: product.stock, unit })}
          </p>
        </section>

        {actionData?.kind === "adjusted" ? (
          <Alert tone="success">
            {tr("admin.products.stock.done", { delta: formatDelta(actionData.delta), stock: actionData.stock, unit })}
          </Alert>
        ) : null}
        {errors ? (
          <Alert tone="error" title={tr("admin.products.form.checkFields")}>
            {errors.formError ? <p>{translateKey(locale, errors.formError, params)}</p> : null}
          </Alert>
        ) : null}

        <Form method="post" key={actionData?.kind === "adjusted" ? `done-${actionData.stock}-${movements.length}` : "form"} noValidate>
          <FormSection title={tr("admin.products.stock.adjustTitle")} description={tr("admin.products.stock.adjustLead")}>
            <fieldset>
              <legend className="mb-1.5 font-medium text-earth-900">{tr("admin.products.stock.direction")}</legend>
              <div className="grid grid-cols-2 gap-2">
                {(["add", "remove"] as const).map((direction) => (
                  <label
                    key={direction}
                    className="flex min-h-12 cursor-pointer items-center justify-center gap-2 rounded-xl border border-earth-300 bg-white px-3 font-semibold text-earth-800 has-checked:border-leaf-700 has-checked:bg-leaf-50 has-checked:text-leaf-800 has-focus-visible:ring-3 has-focus-visible:ring-leaf-600/25"
                  >
                    <input type="radio" name="direction" value={direction} defaultChecked={values.direction === direction} className="sr-only" />
                    <span aria-hidden="true" className="text-xl leading-none">
                      {direction === "add" ? "+" : "−"}
                    </span>
                    {tr(direction === "add" ? "admin.products.stock.add" : "admin.products.stock.remove")}
                  </label>
                ))}
              </div>
            </fieldset>
            <TextField
              label={tr("admin.products.stock.quantity")}
              name="quantity"
              inputMode="numeric"
              autoComplete="off"
              required
              suffix={unit}
              defaultValue={values.quantity}
              error={fieldError("delta")}
            />
            <TextField
              label={tr("admin.products.stock.reason")}
              name="reason"
              required
              maxLength={200}
              list="stock-reasons"
              hint={tr("admin.products.stock.reasonHint")}
              defaultValue={values.reason}
              error={fieldError("reason")}
            />
            <datalist id="stock-reasons">
              {REASON_SUGGESTIONS.map((key) => (
                <option key={key} value={tr(key)} />
              ))}
            </datalist>
            <SubmitButton className={`${primaryButtonClass} w-full sm:w-auto`} pendingLabel={tr("admin.products.form.saving")}>
              {tr("admin.products.stock.submit")}
            </SubmitButton>
          </FormSection>
        </Form>

        <section aria-labelledby="history-heading" className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6">
          <h2 id="history-heading" className="text-lg font-semibold text-leaf-900">
            {tr("admin.products.stock.history")}
          </h2>
          {movements.length === 0 ? (
            <p className="mt-3 text-earth-700">{tr("admin.products.stock.noHistory")}</p>
          ) : (
            <StockHistoryTable locale={locale} movements={movements} />
          )}
        </section>
      </div>
    </>
  );
}

function StockHistoryTable({ locale, movements }: { locale: Locale; movements: StockMovement[] }) {
  const tr = translator(locale);
  const cell = "px-2 py-2.5 align-top first:pl-0 last:pr-0";
  // On a phone the date moves under the reason, so the table fits 360 px without scrolling.
  return (
    <table className="mt-3 w-full text-left text-sm">
      <thead className="border-b border-earth-200 text-xs text-earth-600">
        <tr>
          <th scope="col" className={`${cell} hidden font-medium sm:table-cell`}>{tr("admin.products.stock.col.when")}</th>
          <th scope="col" className={`${cell} font-medium max-sm:pl-0`}>{tr("admin.products.stock.col.reason")}</th>
          <th scope="col" className={`${cell} whitespace-nowrap text-right font-medium`}>{tr("admin.products.stock.col.change")}</th>
          <th scope="col" className={`${cell} whitespace-nowrap text-right font-medium`}>{tr("admin.products.stock.col.after")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-earth-100">
        {movements.map((m) => {
          const systemKey = systemReason(m.reason);
          const when = <time dateTime={m.createdAt}>{formatDate(m.createdAt, locale, "datetime")}</time>;
          const by = m.actor ? tr("admin.products.stock.by", { name: m.actor.displayName }) : tr("admin.products.stock.bySystem");
          return (
            <tr key={m.id}>
              <td className={`${cell} hidden whitespace-nowrap text-earth-700 sm:table-cell`}>{when}</td>
              <td className={`${cell} w-full text-earth-800 max-sm:pl-0`}>
                <span className="block break-words">{systemKey ? tr(systemKey) : m.reason}</span>
                <span className="block text-xs text-earth-500">
                  <span className="sm:hidden">{when} · </span>
                  {by}
                </span>
              </td>
              <td className={`${cell} whitespace-nowrap text-right font-semibold tabular-nums ${m.delta > 0 ? "text-leaf-700" : "text-clay-800"}`}>
                {formatDelta(m.delta)}
              </td>
              <td className={`${cell} text-right tabular-nums text-earth-900`}>{m.stockAfter ?? "–"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
