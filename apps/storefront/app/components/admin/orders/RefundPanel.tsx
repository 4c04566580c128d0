import { formatBaht, type Locale, translator } from "@coop/i18n";
import { useRef, useState } from "react";
import { Form } from "react-router";
import { Alert, dangerButtonClass, primaryButtonClass, secondaryButtonClass, TextAreaField, TextField, translateKey, useFocusFirstInvalid, useHydrated, useSubmitting } from "@coop/ui";
import { Card } from "../PageHeader.tsx";
import { REFUND_REASON_MAX, refundableSatang, type RefundFormValues, type RefundResult } from "./refund.ts";
import { type AdminOrder, PAYMENT_LABEL } from "./values.ts";

const radioCardClass =
  "flex cursor-pointer items-start gap-3 rounded-xl border border-earth-300 bg-white p-3 has-[:checked]:border-leaf-600 has-[:checked]:bg-leaf-50 has-[:checked]:ring-2 has-[:checked]:ring-leaf-600/25";

const EMPTY: RefundFormValues = { mode: "full", amount: "", reason: "" };

/**
 * Giving money back: everything left or part of it, with a reason, then a confirm step (a second
 * post, so it works without scripts too). A Stripe order's money goes back through Stripe; for the
 * other ways to pay the co-op pays the customer itself and this only records it.
 */
export function RefundPanel({ order, locale, result }: { order: AdminOrder; locale: Locale; result: RefundResult | null }) {
  const tr = translator(locale);
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  const submitting = useSubmitting();
  const refused = result?.kind === "refund-refused" ? result : null;
  useFocusFirstInvalid(formRef, refused);
  const values = result && "values" in result ? result.values : EMPTY;
  // The choice made since the last answer (each answer starts from the values it carries).
  const [choice, setChoice] = useState({ result, mode: values.mode });
  const mode = choice.result === result ? choice.mode : values.mode;
  const setMode = (next: RefundFormValues["mode"]) => setChoice({ result, mode: next });
  const remaining = refundableSatang(order);
  const byStripe = order.paymentMethod === "stripe";
  const baht = (satang: number) => formatBaht(satang, locale);

  if (remaining === 0 && order.amountRefundedSatang === 0 && result?.kind !== "refund-done") return null;

  const confirm = result?.kind === "refund-confirm" ? result : null;
  const fieldError = (name: "amount" | "reason") => {
    const key = refused?.fields[name];
    return key ? (translateKey(locale, key, refused.params) ?? key) : undefined;
  };
  const formError = refused?.message ? (translateKey(locale, refused.message, refused.params) ?? refused.message) : null;

  return (
    <Card title={tr("stripeShop.refund.title")}>
      <div data-testid="refund-panel" className="space-y-4">
        {result?.kind === "refund-done" ? (
          <Alert tone="success">{tr(byStripe ? "stripeShop.refund.done" : "stripeShop.refund.recorded", { amount: baht(result.amountSatang) })}</Alert>
        ) : null}
        {formError ? (
          <Alert tone="error" title={tr("stripeShop.refund.failed")}>
            <p>{formError}</p>
          </Alert>
        ) : null}

        <dl className="space-y-1 text-sm">
          <div className="flex justify-between gap-3">
            <dt className="text-earth-600">{tr("stripeShop.refund.paid")}</dt>
            <dd className="tabular-nums">{baht(order.totalSatang)}</dd>
          </div>
          {order.amountRefundedSatang > 0 ? (
            <div className="flex justify-between gap-3">
              <dt className="text-earth-600">{tr("stripeShop.refund.already")}</dt>
              <dd className="tabular-nums" data-testid="refund-already">
                {baht(order.amountRefundedSatang)}
              </dd>
            </div>
          ) : null}
          {remaining > 0 ? (
            <div className="flex justify-between gap-3 font-semibold text-leaf-900">
              <dt>{tr("stripeShop.refund.remaining")}</dt>
              <dd className="tabular-nums" data-testid="refund-remaining">
                {baht(remaining)}
              </dd>
            </div>
          ) : null}
        </dl>
        {order.amountRefundedSatang >= order.totalSatang ? <p className="text-sm font-semibold text-leaf-900">{tr("stripeShop.refund.nothingLeft")}</p> : null}

        {remaining === 0 ? null : confirm ? (
          <Form method="post" className="space-y-3 rounded-xl border border-clay-800/30 bg-clay-100/50 p-4" data-testid="refund-confirm">
            <p className="text-lg font-semibold text-earth-900">{tr("stripeShop.refund.confirmTitle", { amount: baht(confirm.amountSatang) })}</p>
            <p className="text-earth-800">
              {tr(byStripe ? "stripeShop.refund.confirmStripe" : "stripeShop.refund.confirmManual", { customer: order.customerName })}
            </p>
            {confirm.amountSatang === remaining ? <p className="text-sm text-earth-700">{tr("stripeShop.refund.confirmAll")}</p> : null}
            {confirm.values.reason ? (
              <p className="text-sm text-earth-700">
                {tr("stripeShop.refund.reason")}: <span className="whitespace-pre-line text-earth-900">{confirm.values.reason}</span>
              </p>
            ) : null}
            <input type="hidden" name="refundMode" value={confirm.values.mode} />
            <input type="hidden" name="refundAmount" value={confirm.values.amount} />
            <input type="hidden" name="refundReason" value={confirm.values.reason} />
            <input type="hidden" name="refundSatang" value={confirm.amountSatang} />
            <input type="hidden" name="refundedBefore" value={confirm.refundedBefore} />
            <div className="flex flex-wrap gap-2 pt-1">
              <button type="submit" name="intent" value="refund" disabled={submitting} className={dangerButtonClass}>
                {submitting ? tr("stripeShop.refund.working") : tr(byStripe ? "stripeShop.refund.confirm" : "stripeShop.refund.confirmRecord")}
              </button>
              <button type="submit" name="intent" value="refund-edit" disabled={submitting} className={secondaryButtonClass}>
                {tr("stripeShop.refund.edit")}
              </button>
            </div>
          </Form>
        ) : (
          <Form method="post" ref={formRef} noValidate className="space-y-4" key={result?.kind === "refund-done" ? `done-${order.amountRefundedSatang}` : "refund"}>
            <p className="text-sm text-earth-700">
              {byStripe ? tr("stripeShop.refund.stripeLead") : tr("stripeShop.refund.manualLead", { method: tr(PAYMENT_LABEL[order.paymentMethod]) })}
            </p>
            <fieldset>
              <legend className="mb-1.5 font-medium text-earth-900">{tr("stripeShop.refund.kind")}</legend>
              <div className="space-y-2">
                <label className={radioCardClass}>
                  <input type="radio" name="refundMode" value="full" defaultChecked={values.mode === "full"} onChange={() => setMode("full")} className="mt-1 size-4 accent-leaf-700" />
                  <span className="font-medium text-earth-900">{tr("stripeShop.refund.full", { amount: baht(remaining) })}</span>
                </label>
                <label className={radioCardClass}>
                  <input
                    type="radio"
                    name="refundMode"
                    value="partial"
                    defaultChecked={values.mode === "partial"}
                    onChange={() => setMode("partial")}
                    className="mt-1 size-4 accent-leaf-700"
                  />
                  <span className="font-medium text-earth-900">{tr("stripeShop.refund.partial")}</span>
                </label>
              </div>
            </fieldset>
            {/* Without scripts the amount box stays in view; it counts only when "part of it" is chosen. */}
            {!hydrated || mode === "partial" ? (
              <TextField
                label={tr("stripeShop.refund.amount")}
                name="refundAmount"
                inputMode="decimal"
                autoComplete="off"
                className="max-w-56"
                hint={tr("stripeShop.refund.amountHint", { max: baht(remaining) })}
                defaultValue={values.amount}
                error={fieldError("amount")}
              />
            ) : (
              <input type="hidden" name="refundAmount" value={values.amount} />
            )}
            <TextAreaField
              label={tr("stripeShop.refund.reason")}
              name="refundReason"
              rows={2}
              maxLength={REFUND_REASON_MAX}
              optional={tr("admin.optional")}
              hint={tr("stripeShop.refund.reasonHint")}
              defaultValue={values.reason}
              error={fieldError("reason")}
            />
            <button type="submit" name="intent" value="refund-review" disabled={submitting} className={primaryButtonClass}>
              {tr("stripeShop.refund.review")}
            </button>
          </Form>
        )}
      </div>
    </Card>
  );
}
