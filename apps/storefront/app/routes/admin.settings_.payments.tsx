import { formatDate, type Locale, resolveLocale, translator } from "@coop/i18n";
import { data, Form, Link, redirect } from "react-router";
import { Alert, AlertIcon, CheckIcon, formErrors, type FormErrors, primaryButtonClass, SubmitButton, text, TextField, translateKey } from "@coop/ui";
import type { Route } from "./+types/admin.settings_.payments";
import { Card, PageHeader } from "../components/admin/PageHeader.tsx";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

// /admin/settings/payments — the co-op's Stripe account. `settings_` keeps the URL under
// /admin/settings without rendering inside the settings page (which has no outlet).

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("payments.title"));

/** Where Stripe sends the owner back: `return` (finished or left) or `refresh` (the link expired). */
type Landing = "return" | "refresh" | null;

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const stripeParam = url.searchParams.get("stripe");
  const landing: Landing = stripeParam === "return" || stripeParam === "refresh" ? stripeParam : null;
  let status = await orRespond(request, context.trpc.stripe.status());
  // Without Stripe keys the platform has no card payments: this page does not exist.
  if (!status.enabled) throw data({ reason: "not-found" }, { status: 404 });
  let refreshError: FormErrors | null = null;
  if (landing === "return" && status.account) {
    // The webhook may not have arrived yet: ask Stripe now, so the owner sees where they stand.
    try {
      status = await context.trpc.stripe.refresh();
    } catch (error) {
      refreshError = formErrors(error);
    }
  }
  return { locale: resolveLocale(request), status, landing, refreshError };
}

const INTENTS = ["onboard", "link"] as const;

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = text(form, "intent");
  if (!(INTENTS as readonly string[]).includes(intent)) throw data(null, { status: 400 });
  const accountId = text(form, "accountId").trim();
  try {
    if (intent === "onboard") {
      const { url } = await context.trpc.stripe.startOnboarding();
      // Off to Stripe's hosted onboarding; it comes back to ?stripe=return or ?stripe=refresh.
      return redirect(url);
    }
    await context.trpc.stripe.linkAccount({ accountId });
  } catch (error) {
    return data({ intent, accountId, done: false, errors: formErrors(error) }, { status: 400 });
  }
  return { intent, accountId, done: true, errors: null };
}

function StateRow({ label, ok, locale }: { label: string; ok: boolean; locale: Locale }) {
  const tr = translator(locale);
  return (
    <div className="flex items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
      <dt className="text-earth-800">{label}</dt>
      <dd
        className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-3 py-1 text-sm font-medium ${ok ? "bg-leaf-50 text-leaf-800" : "bg-turmeric-100 text-turmeric-800"}`}
      >
        {ok ? <CheckIcon className="size-4" /> : <AlertIcon className="size-4" />}
        {ok ? tr("payments.state.yes") : tr("payments.state.no")}
      </dd>
    </div>
  );
}

export default function PaymentsSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, status, landing, refreshError } = loaderData;
  const tr = translator(locale);
  if (!status.enabled) return null;
  const account = status.account;
  const ready = account ? account.detailsSubmitted && account.chargesEnabled : false;
  const errors = actionData && !actionData.done ? actionData.errors : null;
  const formError = errors?.formError && !Object.keys(errors.fields).length ? errors.formError : null;
  const fieldError = errors?.fields.accountId ? translateKey(locale, errors.fields.accountId, errors.params) : undefined;

  return (
    <>
      <PageHeader title={tr("payments.title")} description={tr("payments.lead")} />
      <p className="-mt-3 mb-5">
        <Link to="/admin/settings" className="text-sm font-medium text-leaf-800 underline underline-offset-2 hover:text-leaf-900">
          ← {tr("payments.back")}
        </Link>
      </p>

      {landing === "return" && !refreshError ? (
        <Alert tone="info" className="mb-5">
          {tr("payments.returned")}
        </Alert>
      ) : null}
      {landing === "refresh" && !ready ? (
        <Alert tone="warning" className="mb-5">
          {tr("payments.linkExpired")}
        </Alert>
      ) : null}
      {actionData?.done ? (
        <Alert tone="success" className="mb-5">
          {tr("payments.linked")}
        </Alert>
      ) : null}
      {refreshError?.formError ? (
        <Alert tone="error" className="mb-5">
          {translateKey(locale, refreshError.formError, refreshError.params)}
        </Alert>
      ) : null}
      {formError ? (
        <Alert tone="error" className="mb-5">
          {translateKey(locale, formError, errors?.params)}
        </Alert>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)] lg:items-start">
        <Card title={tr("payments.account.title")}>
          {account ? (
            <>
              <div className={`mb-4 rounded-xl px-4 py-3 font-semibold ${ready ? "bg-leaf-50 text-leaf-800" : "bg-turmeric-100 text-turmeric-800"}`}>
                {ready ? tr("payments.ready") : tr("payments.pending")}
              </div>
              <dl className="divide-y divide-earth-100">
                <StateRow label={tr("payments.state.details")} ok={account.detailsSubmitted} locale={locale} />
                <StateRow label={tr("payments.state.charges")} ok={account.chargesEnabled} locale={locale} />
                <StateRow label={tr("payments.state.payouts")} ok={account.payoutsEnabled} locale={locale} />
              </dl>
              <p className="mt-4 text-sm text-earth-600">
                {tr("payments.account.id")}: <span className="font-mono break-all text-earth-800">{account.accountId}</span>
                {" · "}
                {tr(`payments.account.kind.${account.kind}`)}
              </p>
              <p className="text-sm text-earth-500">{tr("payments.account.updated", { date: formatDate(new Date(account.updatedAt), locale) })}</p>
            </>
          ) : (
            <p className="text-earth-700">{tr("payments.account.none")}</p>
          )}
        </Card>

        {status.mode === "express" && !(account?.detailsSubmitted && account.chargesEnabled && account.payoutsEnabled) ? (
          <Card title={tr("payments.onboard.title")}>
            <p className="-mt-2 mb-4 text-sm text-earth-700">{tr("payments.onboard.lead")}</p>
            <Form method="post">
              <SubmitButton intent="onboard" className={`${primaryButtonClass} w-full`} pendingLabel={tr("payments.onboard.going")}>
                {account ? tr("payments.onboard.continue") : tr("payments.onboard.start")}
              </SubmitButton>
            </Form>
          </Card>
        ) : null}

        {status.mode === "existing" && !account ? (
          <Card title={tr("payments.link.title")}>
            <p className="-mt-2 mb-4 text-sm text-earth-700">{tr("payments.link.lead")}</p>
            <Form method="post" className="space-y-5" noValidate>
              <TextField
                label={tr("payments.link.label")}
                hint={tr("payments.link.hint")}
                name="accountId"
                autoComplete="off"
                spellCheck={false}
                autoCapitalize="off"
                required
                pattern="acct_[A-Za-z0-9]{8,64}"
                defaultValue={actionData && !actionData.done ? actionData.accountId : ""}
                error={fieldError}
              />
              <SubmitButton intent="link" className={`${primaryButtonClass} w-full`} pendingLabel={tr("payments.link.linking")}>
                {tr("payments.link.submit")}
              </SubmitButton>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
