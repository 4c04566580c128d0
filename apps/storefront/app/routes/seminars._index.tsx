import { type Locale, resolveLocale, t, translator } from "@coop/i18n";
import type { WebLoadContext } from "@coop/trpc";
import { localized } from "@coop/ui";
import type { Route } from "./+types/seminars._index";
import { seminarWhen } from "../components/seminars/format.ts";

type SeminarCardData = Awaited<ReturnType<WebLoadContext["trpc"]["seminars"]["siteList"]>>["items"][number];

/** The co-op's own seminars; registration happens on the network's seminar page (one registration flow). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const [tenant, upcoming, past] = await Promise.all([
    context.trpc.site.current(),
    context.trpc.seminars.siteList({ when: "upcoming", pageSize: 24 }),
    context.trpc.seminars.siteList({ when: "past", pageSize: 12 }),
  ]);
  return {
    locale,
    coopName: localized(locale, tenant.nameTh, tenant.nameEn),
    networkSeminars: `${context.origins.network}/seminars/${tenant.slug}`,
    upcoming: upcoming.items,
    past: past.items,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, coopName } = loaderData;
  return [
    { title: `${t(locale, "seminar.public.siteTitle")} | ${coopName}` },
    { name: "description", content: t(locale, "seminar.public.siteLead") },
  ];
};

export default function CoopSeminars({ loaderData }: Route.ComponentProps) {
  const { locale, upcoming, past, networkSeminars } = loaderData;
  const tr = translator(locale);
  return (
    <div className="container-page py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("seminar.public.siteTitle")}</h1>
      <p className="mt-1 text-earth-700">{tr("seminar.public.siteLead")}</p>
      <section aria-labelledby="upcoming-heading" className="mt-8">
        <h2 id="upcoming-heading" className="text-xl font-bold text-leaf-900">
          {tr("seminar.public.upcoming")}
        </h2>
        {upcoming.length === 0 ? (
          <p className="mt-3 rounded-2xl border border-dashed border-earth-300 bg-white px-6 py-8 text-center text-earth-700">{tr("seminar.public.emptyUpcoming")}</p>
        ) : (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {upcoming.map((s) => (
              <Card key={s.id} seminar={s} locale={locale} href={`${networkSeminars}/${s.id}`} />
            ))}
          </ul>
        )}
      </section>
      {past.length > 0 ? (
        <section aria-labelledby="past-heading" className="mt-10">
          <h2 id="past-heading" className="text-xl font-bold text-leaf-900">
            {tr("seminar.public.past")}
          </h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {past.map((s) => (
              <Card key={s.id} seminar={s} locale={locale} href={`${networkSeminars}/${s.id}`} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function Card({ seminar, locale, href }: { seminar: SeminarCardData; locale: Locale; href: string }) {
  const tr = translator(locale);
  const ended = seminar.ended;
  const where = [seminar.place, seminar.onlineUrl ? tr("seminar.online") : null].filter(Boolean).join(" · ");
  return (
    <li className="flex flex-col rounded-2xl border border-earth-200 bg-white p-5 shadow-xs">
      <p className="text-sm font-semibold text-leaf-700">{seminarWhen(seminar.startsAt, seminar.endsAt, locale, "medium")}</p>
      <h3 className="mt-1 text-lg font-semibold text-earth-900">{seminar.title}</h3>
      {where ? <p className="mt-1 text-sm text-earth-600">{where}</p> : null}
      {seminar.speakerNames.length > 0 ? (
        <p className="mt-2 text-sm text-earth-700">
          <span className="font-medium">{tr("seminar.public.speakers")}:</span> {seminar.speakerNames.join(", ")}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-1.5">
        <span className="rounded-full bg-leaf-50 px-2.5 py-0.5 text-xs font-medium text-leaf-800">{tr(`seminar.topic.${seminar.topic}`)}</span>
        {seminar.crops.map((c) => (
          <span key={c.code} className="rounded-full bg-earth-100 px-2.5 py-0.5 text-xs font-medium text-earth-700">
            {localized(locale, c.nameTh, c.nameEn)}
          </span>
        ))}
      </div>
      <div className="mt-auto flex items-center justify-between gap-3 pt-4">
        <span className={`text-sm font-semibold ${ended ? "text-earth-500" : seminar.seatsLeft === 0 ? "text-clay-800" : "text-leaf-800"}`}>
          {ended ? tr("seminar.ended") : seminar.seatsLeft === 0 ? tr("seminar.full") : tr("seminar.seatsLeft", { count: seminar.seatsLeft })}
        </span>
        <a href={href} className="text-sm font-semibold text-leaf-700 hover:underline">
          {ended ? tr("seminar.public.details") : tr("seminar.public.viewOnNetwork")} →
        </a>
      </div>
    </li>
  );
}
