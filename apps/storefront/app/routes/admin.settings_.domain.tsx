import { formatDate, type Locale, resolveLocale, translator } from "@coop/i18n";
import { coopSiteUrl } from "@coop/trpc/site";
import { data, Form, Link } from "react-router";
import {
  Alert, AlertIcon, CheckIcon, dangerButtonClass, formErrors, type FormErrors, primaryButtonClass, secondaryButtonClass, SubmitButton, text, TextField, translateKey,
} from "@coop/ui";
import type { Route } from "./+types/admin.settings_.domain";
import { Card, PageHeader } from "../components/admin/PageHeader.tsx";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

// /admin/settings/domain — the co-op's own domain: add it, show the DNS records to create, verify
// them (TXT lookup on the server), remove it. `settings_` keeps the URL under /admin/settings
// without rendering inside the settings page.

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("domains.title"));

export async function loader({ request, context }: Route.LoaderArgs) {
  const domain = await orRespond(request, context.trpc.domains.get());
  const slug = context.site.kind === "coop" || context.site.kind === "suspended" ? context.site.tenant.slug : "";
  const site = new URL(coopSiteUrl(context.origins, slug));
  // The custom domain is served by the same proxy as the platform (HTTPS in production), on the default port.
  return { locale: resolveLocale(request), domain, siteHost: site.host, protocol: site.protocol };
}

const INTENTS = ["add", "verify", "remove"] as const;
type Intent = (typeof INTENTS)[number];
type Outcome = "verified" | "missing" | "wrong" | "lookup_failed";
type ActionResult =
  | { intent: Intent; ok: true; outcome: Outcome | null; domain: string }
  | { intent: Intent; ok: false; errors: FormErrors; domain: string };

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = text(form, "intent") as Intent;
  if (!INTENTS.includes(intent)) throw data(null, { status: 400 });
  const domain = text(form, "domain").trim();
  try {
    if (intent === "add") {
      const added = await context.trpc.domains.add({ domain });
      return { intent, ok: true, outcome: null, domain: added.domain } satisfies ActionResult;
    }
    if (intent === "verify") {
      const { outcome } = await context.trpc.domains.verify({ domain });
      return { intent, ok: true, outcome, domain } satisfies ActionResult;
    }
    await context.trpc.domains.remove({ domain });
    return { intent, ok: true, outcome: null, domain } satisfies ActionResult;
  } catch (error) {
    return data({ intent, ok: false, errors: formErrors(error), domain } satisfies ActionResult, { status: 400 });
  }
}

const OUTCOME_TONE: Record<Outcome, "success" | "warning" | "error"> = { verified: "success", missing: "warning", wrong: "error", lookup_failed: "warning" };

function RecordRow({ type, name, value, why, locale }: { type: string; name: string; value: string; why: string; locale: Locale }) {
  const tr = translator(locale);
  return (
    <div className="rounded-xl border border-earth-200 bg-earth-50/60 p-4">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <span className="rounded-md bg-earth-800 px-2 py-0.5 font-mono text-sm font-semibold text-white">{type}</span>
        <span className="text-sm text-earth-600">{why}</span>
      </div>
      <dl className="grid gap-2 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
        <dt className="text-earth-600">{tr("domains.records.name")}</dt>
        <dd className="font-mono break-all text-earth-900 select-all" data-testid={`record-${type.toLowerCase()}-name`}>{name}</dd>
        <dt className="text-earth-600">{tr("domains.records.value")}</dt>
        <dd className="font-mono break-all text-earth-900 select-all" data-testid={`record-${type.toLowerCase()}-value`}>{value}</dd>
      </dl>
    </div>
  );
}

export default function DomainSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, domain, siteHost, protocol } = loaderData;
  const tr = translator(locale);
  const result = actionData as ActionResult | undefined;
  const errors = result && !result.ok ? result.errors : null;
  const fieldError = errors?.fields.domain ? translateKey(locale, errors.fields.domain, errors.params) : undefined;
  const formError = errors && !fieldError && errors.formError ? translateKey(locale, errors.formError, errors.params) : null;
  const verified = Boolean(domain?.verifiedAt);

  return (
    <>
      <PageHeader title={tr("domains.title")} description={tr("domains.lead", { siteHost })} />
      <p className="-mt-3 mb-5">
        <Link to="/admin/settings" className="text-sm font-medium text-leaf-800 underline underline-offset-2 hover:text-leaf-900">
          ← {tr("domains.back")}
        </Link>
      </p>

      {result?.ok && result.intent === "add" ? <Alert tone="success" className="mb-5">{tr("domains.added")}</Alert> : null}
      {result?.ok && result.intent === "remove" ? <Alert tone="success" className="mb-5">{tr("domains.removed", { domain: result.domain })}</Alert> : null}
      {result?.ok && result.outcome ? (
        <div data-testid="verify-outcome" data-outcome={result.outcome}>
          <Alert tone={OUTCOME_TONE[result.outcome]} className="mb-5">
            {tr(`domains.verify.${result.outcome}`)}
          </Alert>
        </div>
      ) : null}
      {formError ? <Alert tone="error" className="mb-5">{formError}</Alert> : null}

      {domain ? (
        <div className="grid gap-5 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)] lg:items-start">
          <Card
            title={<span className="font-mono break-all">{domain.domain}</span>}
            action={
              <span
                data-testid="domain-status"
                className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-3 py-1 text-sm font-medium ${verified ? "bg-leaf-50 text-leaf-800" : "bg-turmeric-100 text-turmeric-800"}`}
              >
                {verified ? <CheckIcon className="size-4" /> : <AlertIcon className="size-4" />}
                {verified ? tr("domains.status.verified") : tr("domains.status.pending")}
              </span>
            }
          >
            <p className="-mt-2 mb-4 text-sm text-earth-600">
              {domain.verifiedAt
                ? tr("domains.verifiedOn", { date: formatDate(new Date(domain.verifiedAt), locale) })
                : tr("domains.addedOn", { date: formatDate(new Date(domain.createdAt), locale) })}
            </p>
            <h3 className="mb-1 font-semibold text-earth-900">{tr("domains.records.title")}</h3>
            <p className="mb-3 text-sm text-earth-700">{tr("domains.records.lead")}</p>
            <div className="space-y-3">
              <RecordRow type="CNAME" name={domain.records.cname.name} value={domain.records.cname.value} why={tr("domains.records.cnameWhy")} locale={locale} />
              <RecordRow type="TXT" name={domain.records.txt.name} value={domain.records.txt.value} why={tr("domains.records.txtWhy")} locale={locale} />
            </div>
            <p className="mt-3 text-sm text-earth-600">{tr("domains.records.apexNote")}</p>
            <div className="mt-5 flex flex-wrap gap-3">
              <Form method="post">
                <input type="hidden" name="domain" value={domain.domain} />
                <SubmitButton intent="verify" className={verified ? secondaryButtonClass : primaryButtonClass} pendingLabel={tr("domains.verify.checking")}>
                  {verified ? tr("domains.verify.again") : tr("domains.verify.submit")}
                </SubmitButton>
              </Form>
              {verified ? (
                <a href={`${protocol}//${domain.domain}/`} className={secondaryButtonClass} target="_blank" rel="noreferrer">
                  {tr("domains.visit")}
                </a>
              ) : null}
            </div>
            <p className="mt-4 text-sm text-earth-500">{tr("domains.links.note", { siteHost })}</p>
          </Card>

          <Card title={tr("domains.remove.title")}>
            <p className="-mt-2 mb-4 text-sm text-earth-700">{tr("domains.remove.lead", { siteHost })}</p>
            <Form
              method="post"
              onSubmit={(event) => {
                if (!confirm(tr("domains.remove.confirm", { domain: domain.domain }))) event.preventDefault();
              }}
            >
              <input type="hidden" name="domain" value={domain.domain} />
              <SubmitButton intent="remove" className={`${dangerButtonClass} w-full`}>
                {tr("domains.remove.submit")}
              </SubmitButton>
            </Form>
          </Card>
        </div>
      ) : (
        <div className="max-w-2xl">
          <Card title={tr("domains.add.title")}>
            <p className="-mt-2 mb-4 text-sm text-earth-700">{tr("domains.add.lead")}</p>
            <Form method="post" className="space-y-5" noValidate>
              <TextField
                label={tr("domains.add.label")}
                hint={tr("domains.add.hint")}
                name="domain"
                inputMode="url"
                autoComplete="off"
                spellCheck={false}
                autoCapitalize="off"
                required
                maxLength={300}
                placeholder="shop.korat-coop.or.th"
                defaultValue={result && !result.ok && result.intent === "add" ? result.domain : ""}
                error={fieldError}
              />
              <SubmitButton intent="add" className={`${primaryButtonClass} w-full sm:w-auto`} pendingLabel={tr("domains.add.adding")}>
                {tr("domains.add.submit")}
              </SubmitButton>
            </Form>
          </Card>
        </div>
      )}
    </>
  );
}
