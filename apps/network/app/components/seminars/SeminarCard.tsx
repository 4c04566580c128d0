import { type Locale, translator } from "@coop/i18n";
import type { WebLoadContext } from "@coop/trpc";
import { localized } from "@coop/ui";
import { seminarWhen } from "./format.ts";

export type SeminarCardData = Awaited<ReturnType<WebLoadContext["trpc"]["seminars"]["list"]>>["items"][number];

/** One seminar in a list: date first (what people scan for), then title, host, place and seats. */
export function SeminarCard({ seminar, locale, href }: { seminar: SeminarCardData; locale: Locale; href: string }) {
  const tr = translator(locale);
  const ended = seminar.ended;
  const where = [seminar.place, seminar.province ? localized(locale, seminar.province.nameTh, seminar.province.nameEn) : null, seminar.onlineUrl ? tr("seminar.online") : null]
    .filter(Boolean)
    .join(" · ");
  return (
    <li className="flex flex-col rounded-2xl border border-earth-200 bg-white p-5 shadow-xs">
      <p className="text-sm font-semibold text-leaf-700">{seminarWhen(seminar.startsAt, seminar.endsAt, locale, "medium")}</p>
      <h3 className="mt-1 text-lg font-semibold text-earth-900">
        <a href={href} className="hover:underline">
          {seminar.title}
        </a>
      </h3>
      <p className="mt-1 text-sm text-earth-700">{tr("seminar.public.byCoop", { coop: seminar.tenantName })}</p>
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
          {ended || seminar.seatsLeft === 0 ? tr("seminar.public.details") : tr("seminar.public.register")} →
        </a>
      </div>
    </li>
  );
}
