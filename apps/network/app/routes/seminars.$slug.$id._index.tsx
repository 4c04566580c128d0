import { type Locale, resolveLocale, t, translator } from "@coop/i18n";
import type { WebLoadContext } from "@coop/trpc";
import { useRef } from "react";
import { data, Form } from "react-router";
import {
  Alert, CheckIcon, type FormErrors, formErrors, linkClass, localized, paragraphs, primaryButtonClass, requiredWhenEmpty, SubmitButton, text, TextField, translateKey, trpcCodeOf,
  useFocusFirstInvalid,
} from "@coop/ui";
import type { Route } from "./+types/seminars.$slug.$id._index";
import { seminarWhen } from "../components/seminars/format.ts";

type Seminar = Awaited<ReturnType<WebLoadContext["trpc"]["seminars"]["get"]>>;

async function loadSeminar(context: WebLoadContext, slug: string, id: string): Promise<Seminar> {
  try {
    return await context.trpc.seminars.get({ tenantSlug: slug, seminarId: id });
  } catch (error) {
    const code = trpcCodeOf(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") throw data(null, { status: 404 });
    throw error;
  }
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const seminar = await loadSeminar(context, params.slug, params.id);
  return { locale: resolveLocale(request), seminar, coopUrl: context.origins.coopTemplate.replace("{slug}", seminar.tenantSlug) };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, seminar } = loaderData;
  return [
    { title: `${seminar.title} | ${t(locale, "seminar.public.title")}` },
    { name: "description", content: seminar.description.slice(0, 200) || t(locale, "seminar.public.lead") },
    { property: "og:title", content: seminar.title },
  ];
};

interface RegistrationValues {
  name: string;
  phone: string;
  interest: string;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const values: RegistrationValues = { name: text(form, "name"), phone: text(form, "phone"), interest: text(form, "interest") };
  try {
    const receipt = await context.trpc.seminars.register({ tenantSlug: params.slug, seminarId: params.id, ...values });
    return { registered: { name: values.name.trim(), title: receipt.seminarTitle, cancelUrl: `${context.origins.network}${receipt.cancelPath}` }, values: null, errors: null };
  } catch (error) {
    if (trpcCodeOf(error) === "NOT_FOUND") throw data(null, { status: 404 });
    const errors = requiredWhenEmpty(formErrors(error), { ...values });
    return data({ registered: null, values, errors }, { status: 400 });
  }
}

export default function SeminarPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, seminar, coopUrl } = loaderData;
  const tr = translator(locale);
  if (actionData?.registered) return <Registered locale={locale} seminar={seminar} {...actionData.registered} />;
  const where = [seminar.place, seminar.province ? localized(locale, seminar.province.nameTh, seminar.province.nameEn) : null].filter(Boolean).join(", ");
  return (
    <div className="container-page py-8 sm:py-12">
      <nav className="mb-3 text-sm">
        <a href="/seminars" className="font-medium text-leaf-700 hover:underline">
          ← {tr("seminar.public.back")}
        </a>
      </nav>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1.5fr)_minmax(0,1fr)]">
        <article>
          <div className="flex flex-wrap gap-1.5">
            <span className="rounded-full bg-leaf-50 px-2.5 py-0.5 text-xs font-medium text-leaf-800">{tr(`seminar.topic.${seminar.topic}`)}</span>
            {seminar.crops.map((c) => (
              <span key={c.code} className="rounded-full bg-earth-100 px-2.5 py-0.5 text-xs font-medium text-earth-700">
                {localized(locale, c.nameTh, c.nameEn)}
              </span>
            ))}
          </div>
          <h1 className="mt-3 text-3xl font-bold text-leaf-900 sm:text-4xl">{seminar.title}</h1>
          <p className="mt-2 text-earth-700">
            {tr("seminar.public.byCoop", { coop: "" })}
            <a href={coopUrl} className={linkClass}>
              {seminar.tenantName}
            </a>
          </p>
          {seminar.registration === "cancelled" ? (
            <Alert tone="warning" className="mt-5">
              {tr("seminar.public.cancelledNotice")}
            </Alert>
          ) : null}
          <dl className="mt-6 grid gap-4 rounded-2xl border border-earth-200 bg-white p-5 shadow-xs sm:grid-cols-2">
            <div>
              <dt className="text-sm font-medium text-earth-600">{tr("seminar.public.when")}</dt>
              <dd className="mt-0.5 font-semibold text-earth-900">{seminarWhen(seminar.startsAt, seminar.endsAt, locale)}</dd>
            </div>
            <div>
              <dt className="text-sm font-medium text-earth-600">{tr("seminar.public.where")}</dt>
              <dd className="mt-0.5 font-semibold text-earth-900">
                {where ? <span className="block">{where}</span> : null}
                {seminar.onlineUrl ? (
                  <a href={seminar.onlineUrl} className={linkClass} rel="noopener noreferrer nofollow" target="_blank">
                    {tr("seminar.public.joinOnline")}
                  </a>
                ) : null}
              </dd>
            </div>
            <div>
              <dt className="text-sm font-medium text-earth-600">{tr("seminar.public.seats")}</dt>
              <dd className="mt-0.5 font-semibold text-earth-900">
                {tr("seminar.seats", { registered: seminar.registeredCount, capacity: seminar.capacity })}
                {seminar.registration === "open" ? <span className="block text-leaf-800">{tr("seminar.seatsLeft", { count: seminar.seatsLeft })}</span> : null}
              </dd>
            </div>
          </dl>
          {seminar.registration === "open" ? (
            <a href="#register-heading" className={`${primaryButtonClass} mt-4 w-full lg:hidden`}>
              {tr("seminar.public.register")}
            </a>
          ) : null}
          {seminar.description.trim() ? (
            <section aria-labelledby="about-heading" className="mt-8">
              <h2 id="about-heading" className="text-xl font-bold text-leaf-900">
                {tr("seminar.public.about")}
              </h2>
              <div className="mt-2 space-y-3 text-earth-800">
                {paragraphs(seminar.description).map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
            </section>
          ) : null}
          {seminar.speakers.length > 0 ? (
            <section aria-labelledby="speakers-heading" className="mt-8">
              <h2 id="speakers-heading" className="text-xl font-bold text-leaf-900">
                {tr("seminar.public.speakers")}
              </h2>
              <ul className="mt-3 grid gap-3 sm:grid-cols-2">
                {seminar.speakers.map((s) => (
                  <li key={s.sageId} className="rounded-xl border border-earth-200 bg-white p-4">
                    <a href={`/sages/${s.sageId}`} className="font-semibold text-leaf-800 hover:underline">
                      {localized(locale, s.nameTh, s.nameEn)}
                    </a>
                    {s.titleTh ? <p className="text-sm text-earth-600">{s.titleTh}</p> : null}
                    <p className="mt-1 text-sm text-earth-700">{s.expertiseTh}</p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {seminar.harvest.length > 0 ? <HarvestList locale={locale} harvest={seminar.harvest} /> : null}
        </article>
        <aside>
          <RegistrationBox locale={locale} seminar={seminar} values={actionData?.values ?? null} errors={actionData?.errors ?? null} />
        </aside>
      </div>
    </div>
  );
}

function HarvestList({ locale, harvest }: { locale: Locale; harvest: Seminar["harvest"] }) {
  const tr = translator(locale);
  return (
    <section aria-labelledby="harvest-heading" className="mt-8">
      <h2 id="harvest-heading" className="text-xl font-bold text-leaf-900">
        {tr("seminar.public.harvest")}
      </h2>
      <ul className="mt-3 divide-y divide-earth-100 rounded-2xl border border-earth-200 bg-white">
        {harvest.map((item) => (
          <li key={item.id} className="flex items-center gap-3 px-4 py-3">
            <span className="shrink-0 rounded-md bg-leaf-50 px-2 py-0.5 text-xs font-semibold text-leaf-800">{tr(`seminar.harvestKind.${item.kind}`)}</span>
            {item.url ? (
              <a
                href={item.url}
                className={`${linkClass} min-w-0 flex-1`}
                {...(item.kind === "article" ? {} : { rel: "noopener noreferrer nofollow", target: "_blank" })}
              >
                {item.title}
              </a>
            ) : (
              <span className="min-w-0 flex-1">{item.title}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RegistrationBox({ locale, seminar, values, errors }: { locale: Locale; seminar: Seminar; values: RegistrationValues | null; errors: FormErrors | null }) {
  const tr = translator(locale);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  if (seminar.registration !== "open") {
    const key = seminar.registration === "cancelled" ? "seminar.public.cancelledNotice" : seminar.registration === "ended" ? "seminar.public.endedNotice" : "seminar.public.fullNotice";
    return (
      <div className="rounded-2xl border border-earth-200 bg-earth-100/60 p-5 lg:sticky lg:top-4">
        <p className="text-lg font-semibold text-earth-900">{tr(seminar.registration === "full" ? "seminar.full" : seminar.registration === "ended" ? "seminar.ended" : "seminar.status.cancelled")}</p>
        <p className="mt-1 text-earth-700">{tr(key)}</p>
      </div>
    );
  }
  const fieldError = (name: string) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);
  return (
    <section aria-labelledby="register-heading" className="rounded-2xl border border-leaf-600/30 bg-white p-5 shadow-sm lg:sticky lg:top-4">
      <h2 id="register-heading" className="text-xl font-bold text-leaf-900">
        {tr("seminar.public.formTitle")}
      </h2>
      <p className="mt-1 text-sm text-earth-700">{tr("seminar.public.formLead")}</p>
      <p className="mt-1 text-sm font-semibold text-leaf-800">{tr("seminar.seatsLeft", { count: seminar.seatsLeft })}</p>
      <Form method="post" noValidate ref={formRef} className="mt-4 space-y-4">
        {errors?.formError ? <Alert tone="error">{translateKey(locale, errors.formError, errors.params)}</Alert> : null}
        <TextField label={tr("seminar.public.name")} name="name" autoComplete="name" defaultValue={values?.name ?? ""} maxLength={200} required error={fieldError("name")} />
        <TextField
          label={tr("seminar.public.phone")}
          name="phone"
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          defaultValue={values?.phone ?? ""}
          maxLength={30}
          required
          hint={tr("seminar.public.phoneHint")}
          error={fieldError("phone")}
        />
        <TextField
          label={tr("seminar.public.interest")}
          name="interest"
          defaultValue={values?.interest ?? ""}
          maxLength={500}
          optional={tr("seminar.form.optional")}
          hint={tr("seminar.public.interestHint")}
          error={fieldError("interest")}
        />
        <SubmitButton className={`${primaryButtonClass} w-full`}>
          {tr("seminar.public.submit")}
        </SubmitButton>
      </Form>
    </section>
  );
}

function Registered({ locale, seminar, name, title, cancelUrl }: { locale: Locale; seminar: Seminar; name: string; title: string; cancelUrl: string }) {
  const tr = translator(locale);
  return (
    <section aria-labelledby="registered-title" className="container-page py-12 sm:py-16">
      <div className="mx-auto max-w-xl rounded-2xl border border-leaf-600/30 bg-white p-6 text-center shadow-sm sm:p-8">
        <span className="mx-auto grid size-14 place-items-center rounded-full bg-leaf-100 text-leaf-700">
          <CheckIcon className="size-8" />
        </span>
        <h1 id="registered-title" className="mt-4 text-2xl font-bold text-leaf-900 sm:text-3xl">
          {tr("seminar.public.successTitle")}
        </h1>
        <p className="mt-2 text-lg text-earth-800">{tr("seminar.public.successBody", { name, title })}</p>
        <p className="mt-1 font-semibold text-earth-900">{seminarWhen(seminar.startsAt, seminar.endsAt, locale)}</p>
        <div className="mt-6 rounded-xl bg-earth-100/70 p-4 text-left">
          <p className="text-sm text-earth-800">{tr("seminar.public.successCancelHint")}</p>
          <p className="mt-2 text-sm font-medium text-earth-700">{tr("seminar.public.cancelLink")}</p>
          <a href={cancelUrl} className={`${linkClass} mt-1 block break-all text-sm`}>
            {cancelUrl}
          </a>
        </div>
        <a href={`/seminars/${seminar.tenantSlug}/${seminar.id}`} className={`${linkClass} mt-6 inline-block`}>
          ← {seminar.title}
        </a>
      </div>
    </section>
  );
}
