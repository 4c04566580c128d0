import { formatDate, resolveLocale, t, translator } from "@coop/i18n";
import { data, Form } from "react-router";
import { AlertIcon, CheckIcon, linkClass, secondaryButtonClass, StatusPage, SubmitButton, trpcCodeOf } from "@coop/ui";
import type { Route } from "./+types/seminars.$slug.$id.cancel.$token";

/** Cancel links are secrets: keep them out of referrers and search engines. */
export const headers: Route.HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" });

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: t(loaderData?.locale ?? "th", "seminar.cancel.title") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const ref = { tenantSlug: params.slug, seminarId: params.id, token: params.token };
  try {
    const registration = await context.trpc.seminars.registration(ref);
    return { locale, registration, seminarPath: `/seminars/${params.slug}/${params.id}` };
  } catch (error) {
    const code = trpcCodeOf(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return { locale, registration: null, seminarPath: "/seminars" };
    throw error;
  }
}

export async function action({ context, params }: Route.ActionArgs) {
  try {
    const result = await context.trpc.seminars.cancel({ tenantSlug: params.slug, seminarId: params.id, token: params.token });
    return { alreadyCancelled: result.alreadyCancelled };
  } catch (error) {
    const code = trpcCodeOf(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") throw data(null, { status: 404 });
    throw error;
  }
}

export default function CancelRegistration({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, registration, seminarPath } = loaderData;
  const tr = translator(locale);
  if (!registration) {
    return (
      <StatusPage icon={<AlertIcon className="size-8" />} title={tr("seminar.cancel.invalidTitle")} actions={<a href="/seminars" className={secondaryButtonClass}>{tr("seminar.public.back")}</a>}>
        <p>{tr("seminar.cancel.invalidBody")}</p>
      </StatusPage>
    );
  }
  if (actionData || registration.status === "cancelled") {
    const already = actionData ? actionData.alreadyCancelled : true;
    return (
      <StatusPage icon={<CheckIcon className="size-8" />} title={tr("seminar.cancel.title")} actions={<a href="/seminars" className={secondaryButtonClass}>{tr("seminar.public.back")}</a>}>
        <p>{tr(already ? "seminar.cancel.already" : "seminar.cancel.done")}</p>
        <p className="mt-1 font-semibold">{registration.seminarTitle}</p>
      </StatusPage>
    );
  }
  return (
    <section aria-labelledby="cancel-title" className="container-page py-12 sm:py-16">
      <div className="mx-auto max-w-xl rounded-2xl border border-earth-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 id="cancel-title" className="text-2xl font-bold text-leaf-900">
          {tr("seminar.cancel.title")}
        </h1>
        <p className="mt-3 text-lg text-earth-800">
          {tr("seminar.cancel.confirmBody", { name: registration.name, title: registration.seminarTitle, date: formatDate(registration.startsAt, locale, "long") })}
        </p>
        <p className="mt-1 text-sm text-earth-600">{registration.tenantName}</p>
        <Form method="post" className="mt-6 flex flex-wrap items-center gap-4">
          <SubmitButton>{tr("seminar.cancel.confirm")}</SubmitButton>
          <a href={seminarPath} className={linkClass}>
            {tr("seminar.cancel.keep")}
          </a>
        </Form>
      </div>
    </section>
  );
}
