import { formatDate, type Locale, resolveLocale, translator } from "@coop/i18n";
import { data, Form, Link } from "react-router";
import {
  Alert, dangerButtonClass, type FormErrors, FormSection, linkClass, localized, requiredWhenEmpty, secondaryButtonClass, SelectField, SubmitButton,
  TextField, translateKey,
} from "@coop/ui";
import type { Route } from "./+types/admin.seminars.$id";
import { KnowledgeTabs } from "../components/admin/KnowledgeTabs.tsx";
import { PageHeader } from "../components/admin/PageHeader.tsx";
import { Pager } from "../components/admin/Pager.tsx";
import { formRefusal } from "../components/admin/products/refusals.ts";
import { SeminarForm } from "../components/admin/seminars/SeminarForm.tsx";
import { SeminarStatusBadge } from "../components/admin/seminars/SeminarStatusBadge.tsx";
import { type AdminSeminar, isSeminarId, readSeminarForm, seminarInput, seminarToValues, type SeminarFormValues, type SeminarOptions } from "../components/admin/seminars/values.ts";
import { seminarWhen } from "../components/seminars/format.ts";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

const REGISTRANTS_PAGE = 50;
const SPEAKER_BOXES = 5;
const LINK_KINDS = ["video", "slides", "link"] as const;

export const meta: Route.MetaFunction = ({ matches, loaderData }) => adminTitle(matches, (tr) => loaderData?.seminar.title ?? tr("seminar.admin.title"));

function notFound(): never {
  throw data({ reason: "not-found" }, { status: 404 });
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  if (!isSeminarId(params.id)) notFound();
  const url = new URL(request.url);
  const pageParam = Number(url.searchParams.get("page") ?? "1");
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const [seminar, options, registrants, provinces] = await Promise.all([
    orRespond(request, context.trpc.seminarsAdmin.get({ seminarId: params.id })),
    orRespond(request, context.trpc.seminarsAdmin.options()),
    orRespond(request, context.trpc.seminarsAdmin.registrants({ seminarId: params.id, page, pageSize: REGISTRANTS_PAGE })),
    context.trpc.signup.provinces(),
  ]);
  return {
    locale: resolveLocale(request),
    seminar,
    options,
    registrants,
    page,
    provinces: provinces.items,
    created: url.searchParams.has("created"),
    publicUrl: `${context.origins.network}/seminars/${context.site.kind === "coop" ? context.site.tenant.slug : ""}/${seminar.id}`,
  };
}

type Outcome = "saved" | "published" | "cancelled" | "speakers" | "harvestAdded" | "harvestRemoved";
type Refusal = { section: "details" | "status" | "speakers" | "article" | "link" | "harvestList"; errors: FormErrors; values: SeminarFormValues | null; link: LinkValues | null };
interface LinkValues {
  kind: string;
  title: string;
  url: string;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  if (!isSeminarId(params.id)) notFound();
  const seminarId = params.id;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const refuse = async (section: Refusal["section"], error: unknown, values: SeminarFormValues | null = null, link: LinkValues | null = null) =>
    data({ ok: null, refusal: { section, errors: await formRefusal(request, error), values, link } satisfies Refusal }, { status: 400 });
  const done = (ok: Outcome) => ({ ok, refusal: null });
  switch (intent) {
    case "publish":
    case "cancel":
      try {
        await (intent === "publish" ? context.trpc.seminarsAdmin.publish({ seminarId }) : context.trpc.seminarsAdmin.cancel({ seminarId }));
      } catch (error) {
        return refuse("status", error);
      }
      return done(intent === "publish" ? "published" : "cancelled");
    case "speakers": {
      const sageIds = form.getAll("sageId").filter((v): v is string => typeof v === "string" && v !== "").slice(0, 10);
      try {
        await context.trpc.seminarsAdmin.speakers({ seminarId, sageIds });
      } catch (error) {
        return refuse("speakers", error);
      }
      return done("speakers");
    }
    case "harvest-article":
      try {
        await context.trpc.seminarsAdmin.harvestAdd({ kind: "article", seminarId, articleId: String(form.get("articleId") ?? "") });
      } catch (error) {
        return refuse("article", error);
      }
      return done("harvestAdded");
    case "harvest-link": {
      const link = { kind: String(form.get("kind") ?? ""), title: String(form.get("title") ?? ""), url: String(form.get("url") ?? "") };
      const kind = (LINK_KINDS as readonly string[]).includes(link.kind) ? (link.kind as (typeof LINK_KINDS)[number]) : "link";
      try {
        await context.trpc.seminarsAdmin.harvestAdd({ kind, seminarId, title: link.title, url: link.url });
      } catch (error) {
        const errors = requiredWhenEmpty(await formRefusal(request, error), { title: link.title, url: link.url });
        return data({ ok: null, refusal: { section: "link", errors, values: null, link } satisfies Refusal }, { status: 400 });
      }
      return done("harvestAdded");
    }
    case "harvest-remove":
      try {
        await context.trpc.seminarsAdmin.harvestRemove({ seminarId, harvestId: String(form.get("harvestId") ?? "") });
      } catch (error) {
        return refuse("harvestList", error);
      }
      return done("harvestRemoved");
    default: {
      const values = readSeminarForm(form);
      try {
        await context.trpc.seminarsAdmin.update({ seminarId, fields: seminarInput(values) });
      } catch (error) {
        return refuse("details", error, values);
      }
      return done("saved");
    }
  }
}

const OK_MESSAGE: Record<Outcome, string> = {
  saved: "seminar.form.saved",
  published: "seminar.admin.published",
  cancelled: "seminar.admin.cancelled",
  speakers: "seminar.admin.speakersSaved",
  harvestAdded: "seminar.admin.harvestAdded",
  harvestRemoved: "seminar.admin.harvestRemoved",
};

export default function SeminarPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, seminar, options, registrants, page, provinces, created, publicUrl } = loaderData;
  const tr = translator(locale);
  const refusal = actionData?.refusal ?? null;
  const errorsFor = (section: Refusal["section"]) => (refusal?.section === section ? refusal.errors : null);
  const values = refusal?.section === "details" && refusal.values ? refusal.values : seminarToValues(seminar);
  const cancelled = seminar.status === "cancelled";
  const started = seminar.started;
  const ended = seminar.ended;
  const statusErrors = errorsFor("status");
  return (
    <>
      <KnowledgeTabs locale={locale} />
      <nav className="mb-2 text-sm">
        <Link to="/admin/seminars" className="font-medium text-leaf-700 hover:underline">
          ← {tr("seminar.admin.back")}
        </Link>
      </nav>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {seminar.title}
            <SeminarStatusBadge status={seminar.status} locale={locale} />
          </span>
        }
        description={`${seminarWhen(seminar.startsAt, seminar.endsAt, locale)} · ${tr("seminar.seats", { registered: seminar.registeredCount, capacity: seminar.capacity })}`}
        actions={
          <>
            {seminar.status === "draft" ? (
              <Form method="post">
                <SubmitButton intent="publish" disabled={ended}>
                  {tr("seminar.admin.publish")}
                </SubmitButton>
              </Form>
            ) : null}
            {seminar.status !== "draft" ? (
              <a href={publicUrl} className={secondaryButtonClass}>
                {tr("seminar.admin.viewPublic")}
              </a>
            ) : null}
            {!cancelled ? (
              <Form method="post" onSubmit={(e) => { if (!confirm(tr("seminar.admin.cancelConfirm"))) e.preventDefault(); }}>
                <SubmitButton intent="cancel" className={dangerButtonClass}>
                  {tr("seminar.admin.cancelSeminar")}
                </SubmitButton>
              </Form>
            ) : null}
          </>
        }
      />
      <div className="mb-5 space-y-3" aria-live="polite">
        {created ? <Alert tone="success">{tr("seminar.form.created")}</Alert> : null}
        {actionData?.ok ? <Alert tone="success">{tr(OK_MESSAGE[actionData.ok] as "seminar.form.saved")}</Alert> : null}
        {statusErrors?.formError ? <Alert tone="error">{translateKey(locale, statusErrors.formError, statusErrors.params)}</Alert> : null}
        {cancelled ? <Alert tone="warning">{tr("seminar.form.lockedCancelled")}</Alert> : null}
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-6">
          <SeminarForm
            key={`${seminar.updatedAt}-${JSON.stringify(refusal?.values ?? null)}`}
            locale={locale}
            mode="edit"
            values={values}
            errors={errorsFor("details")}
            crops={options.crops}
            provinces={provinces}
            disabled={cancelled}
          />
        </div>
        <div className="min-w-0 space-y-6">
          <Speakers locale={locale} seminar={seminar} sages={options.sages} errors={errorsFor("speakers")} disabled={cancelled} />
          <Harvest locale={locale} seminar={seminar} articles={options.articles} refusal={refusal} started={started} />
        </div>
      </div>

      <Registrants locale={locale} seminar={seminar} registrants={registrants} page={page} />
    </>
  );
}

function Speakers({ locale, seminar, sages, errors, disabled }: { locale: Locale; seminar: AdminSeminar; sages: SeminarOptions["sages"]; errors: FormErrors | null; disabled: boolean }) {
  const tr = translator(locale);
  const boxes = Math.max(SPEAKER_BOXES, seminar.speakers.length + 1);
  return (
    <FormSection title={tr("seminar.admin.speakers")} description={tr("seminar.admin.speakersLead")}>
      {sages.length === 0 ? (
        <p className="text-earth-700">{tr("seminar.admin.noSages")}</p>
      ) : (
        <Form method="post" className="space-y-3">
          {errors ? <Alert tone="error">{translateKey(locale, errors.formError ?? Object.values(errors.fields)[0], errors.params)}</Alert> : null}
          <fieldset disabled={disabled} className="min-w-0 space-y-3">
            {Array.from({ length: Math.min(boxes, 10) }, (_, i) => (
              <SelectField key={`${seminar.updatedAt}-${i}`} label={tr("seminar.admin.speakerN", { n: i + 1 })} name="sageId" defaultValue={seminar.speakers[i]?.sageId ?? ""}>
                <option value="">{tr("seminar.admin.noSpeaker")}</option>
                {sages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {localized(locale, s.nameTh, s.nameEn)} — {s.expertiseTh}
                  </option>
                ))}
              </SelectField>
            ))}
            <SubmitButton intent="speakers" className={secondaryButtonClass}>
              {tr("seminar.admin.saveSpeakers")}
            </SubmitButton>
          </fieldset>
        </Form>
      )}
    </FormSection>
  );
}

function Harvest({
  locale, seminar, articles, refusal, started,
}: { locale: Locale; seminar: AdminSeminar; articles: SeminarOptions["articles"]; refusal: Refusal | null; started: boolean }) {
  const tr = translator(locale);
  const articleErrors = refusal?.section === "article" ? refusal.errors : null;
  const linkErrors = refusal?.section === "link" ? refusal.errors : null;
  const listErrors = refusal?.section === "harvestList" ? refusal.errors : null;
  const link = refusal?.section === "link" ? refusal.link : null;
  const fieldError = (errors: FormErrors | null, name: string) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);
  const canAttach = seminar.status === "published" && started;
  return (
    <FormSection title={tr("seminar.admin.harvest")} description={tr("seminar.admin.harvestLead")}>
      {listErrors?.formError ? <Alert tone="error">{translateKey(locale, listErrors.formError, listErrors.params)}</Alert> : null}
      {seminar.harvest.length === 0 ? (
        <p className="text-earth-600">{tr("seminar.admin.harvestEmpty")}</p>
      ) : (
        <ul className="divide-y divide-earth-100 rounded-xl border border-earth-200">
          {seminar.harvest.map((item) => (
            <li key={item.id} className="flex items-center gap-3 px-3 py-2">
              <span className="shrink-0 rounded-md bg-earth-100 px-2 py-0.5 text-xs font-semibold text-earth-700">{tr(`seminar.harvestKind.${item.kind}`)}</span>
              <span className="min-w-0 flex-1 truncate">
                {item.kind === "article" ? (
                  <Link to={`/admin/knowledge/${item.articleId}`} className={linkClass}>
                    {item.title}
                  </Link>
                ) : (
                  <a href={item.url ?? "#"} className={linkClass} rel="noopener noreferrer" target="_blank">
                    {item.title}
                  </a>
                )}
              </span>
              <Form method="post">
                <input type="hidden" name="harvestId" value={item.id} />
                <button type="submit" name="intent" value="harvest-remove" className="text-sm font-medium text-clay-800 hover:underline" aria-label={tr("seminar.admin.removeLabel", { title: item.title })}>
                  {tr("seminar.admin.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {!canAttach ? (
        <p className="text-sm text-earth-600">{tr("seminar.admin.harvestLater")}</p>
      ) : (
        <>
          <Form method="post" className="space-y-3 border-t border-earth-100 pt-4">
            <h3 className="font-semibold text-earth-900">{tr("seminar.admin.attachArticle")}</h3>
            {articleErrors?.formError ? <Alert tone="error">{translateKey(locale, articleErrors.formError, articleErrors.params)}</Alert> : null}
            {articles.length === 0 ? (
              <p className="text-sm text-earth-600">{tr("seminar.admin.noArticles")}</p>
            ) : (
              <div className="flex flex-wrap items-end gap-2">
                <SelectField label={tr("seminar.admin.article")} name="articleId" defaultValue="" error={fieldError(articleErrors, "articleId")} className="min-w-0 flex-1">
                  <option value="">{tr("seminar.admin.chooseArticle")}</option>
                  {articles.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.title} {a.status === "draft" ? tr("seminar.admin.articleDraft") : !a.shared ? tr("seminar.admin.articleNotShared") : ""}
                    </option>
                  ))}
                </SelectField>
                <SubmitButton intent="harvest-article" className={secondaryButtonClass}>
                  {tr("seminar.admin.attach")}
                </SubmitButton>
              </div>
            )}
          </Form>
          <Form method="post" noValidate className="space-y-3 border-t border-earth-100 pt-4">
            <h3 className="font-semibold text-earth-900">{tr("seminar.admin.addLink")}</h3>
            {linkErrors?.formError ? <Alert tone="error">{translateKey(locale, linkErrors.formError, linkErrors.params)}</Alert> : null}
            <SelectField label={tr("seminar.admin.linkKind")} name="kind" defaultValue={link?.kind ?? "video"}>
              {LINK_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {tr(`seminar.harvestKind.${kind}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={tr("seminar.admin.linkTitle")} name="title" defaultValue={link?.title ?? ""} maxLength={200} error={fieldError(linkErrors, "title")} />
            <TextField
              label={tr("seminar.admin.linkUrl")}
              name="url"
              type="url"
              placeholder="https://"
              defaultValue={link?.url ?? ""}
              maxLength={500}
              hint={tr("seminar.admin.linkUrlHint")}
              error={fieldError(linkErrors, "url")}
            />
            <SubmitButton intent="harvest-link" className={secondaryButtonClass}>
              {tr("seminar.admin.add.link")}
            </SubmitButton>
          </Form>
        </>
      )}
    </FormSection>
  );
}

function Registrants({
  locale, seminar, registrants, page,
}: { locale: Locale; seminar: AdminSeminar; registrants: { items: AdminSeminarRegistrant[]; total: number; registered: number; cancelled: number }; page: number }) {
  const tr = translator(locale);
  const pages = Math.max(1, Math.ceil(registrants.total / REGISTRANTS_PAGE));
  const first = (page - 1) * REGISTRANTS_PAGE;
  return (
    <section aria-labelledby="registrants-heading" className="mt-6 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-6">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="registrants-heading" className="text-lg font-semibold text-leaf-900">
            {tr("seminar.admin.registrants")}
          </h2>
          <p className="text-sm text-earth-600">
            {tr("seminar.admin.registrantCounts", { registered: registrants.registered, cancelled: registrants.cancelled, capacity: seminar.capacity })}
          </p>
        </div>
        {registrants.registered + registrants.cancelled > 0 ? (
          <a href={`/admin/seminars/${seminar.id}.csv`} className={secondaryButtonClass} download>
            {tr("seminar.admin.csv")}
          </a>
        ) : null}
      </div>
      {registrants.items.length === 0 ? (
        <p className="text-earth-600">{tr("seminar.admin.noRegistrants")}</p>
      ) : (
        <div className="-mx-4 overflow-x-auto sm:mx-0">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="border-b border-earth-200 text-earth-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium sm:px-2">{tr("seminar.admin.col.no")}</th>
                <th scope="col" className="px-2 py-2 font-medium">{tr("seminar.admin.col.name")}</th>
                <th scope="col" className="px-2 py-2 font-medium">{tr("seminar.admin.col.phone")}</th>
                <th scope="col" className="px-2 py-2 font-medium">{tr("seminar.admin.col.interest")}</th>
                <th scope="col" className="px-2 py-2 font-medium">{tr("seminar.admin.col.registeredAt")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-earth-100">
              {registrants.items.map((r, i) => (
                <tr key={r.id}>
                  <td className="px-4 py-2 text-earth-600 sm:px-2">{first + i + 1}</td>
                  <td className="px-2 py-2 font-medium text-earth-900">{r.name}</td>
                  <td className="px-2 py-2 whitespace-nowrap">
                    <a href={`tel:${r.phone}`} className={linkClass}>
                      {r.phone}
                    </a>
                  </td>
                  <td className="px-2 py-2 text-earth-700">{r.interest ?? "—"}</td>
                  <td className="px-2 py-2 whitespace-nowrap text-earth-600">{formatDate(r.createdAt, locale, "datetime")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={page}
        pages={pages}
        hrefFor={(p) => `/admin/seminars/${seminar.id}?page=${p}#registrants-heading`}
        labels={{ nav: tr("seminar.admin.pages"), previous: tr("seminar.admin.previous"), next: tr("seminar.admin.next"), position: tr("seminar.admin.page", { page, pages }) }}
      />
    </section>
  );
}

type AdminSeminarRegistrant = { id: string; name: string; phone: string; interest: string | null; createdAt: Date };
