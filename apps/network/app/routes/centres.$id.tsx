import { formatDate, resolveLocale, t, translator, withLocale } from "@coop/i18n";
import { coopSiteUrl } from "@coop/trpc/site";
import { data } from "react-router";
import { linkClass, localized, localizedText, paragraphs, PinIcon, trpcCodeOf } from "@coop/ui";
import type { Route } from "./+types/centres.$id";
import { CropChips, ParagraphsSection, SageAvatar } from "../components/directory/parts.tsx";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  let centre;
  try {
    centre = await context.trpc.directory.centre({ centreId: params.id });
  } catch (error) {
    const code = trpcCodeOf(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") throw data(null, { status: 404 });
    throw error;
  }
  const province = localized(locale, centre.province.nameTh, centre.province.nameEn);
  return {
    locale,
    id: centre.id,
    code: centre.code,
    name: localizedText(locale, centre.nameTh, centre.nameEn),
    nameTh: centre.nameTh,
    location: t(locale, "directory.location", { district: centre.districtTh, province }),
    subdistrict: centre.subdistrictTh,
    crops: centre.crops.map((c) => ({ code: c.code, label: localized(locale, c.nameTh, c.nameEn) })),
    modelFarmerName: centre.modelFarmerName,
    phone: centre.phone,
    address: centre.address,
    description: paragraphs(centre.descriptionTh),
    mapHref:
      centre.latitude !== null && centre.longitude !== null
        ? `https://www.openstreetmap.org/?mlat=${centre.latitude}&mlon=${centre.longitude}#map=14/${centre.latitude}/${centre.longitude}`
        : null,
    coops: centre.linkedCoops.map((c) => ({ slug: c.slug, name: localizedText(locale, c.nameTh, c.nameEn), href: withLocale(coopSiteUrl(context.origins, c.slug), locale) })),
    meetings: centre.meetings.map((m) => ({
      id: m.id,
      date: formatDate(m.heldOn, locale, "long"),
      place: m.place,
      outcomes: m.outcomes,
      coop: localized(locale, m.coopNameTh, m.coopNameEn),
      coopHref: withLocale(coopSiteUrl(context.origins, m.coopSlug), locale),
    })),
    sages: centre.sages.map((s) => ({ id: s.id, name: s.nameTh, expertise: s.expertiseTh, photoUrl: s.photoUrl })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, name, location, description } = loaderData;
  return [
    { title: `${name.text} | ${t(locale, "brand.network")}` },
    { name: "description", content: description[0]?.slice(0, 160) ?? location },
    { property: "og:title", content: name.text },
  ];
};

export default function CentrePage({ loaderData }: Route.ComponentProps) {
  const { locale, code, name, location, subdistrict, crops, modelFarmerName, phone, address, description, mapHref, coops, meetings, sages } = loaderData;
  const tr = translator(locale);
  return (
    <div className="container-page py-8 sm:py-12">
      <nav className="mb-4 text-sm">
        <a href="/centres" className={linkClass}>
          ← {tr("directory.back.centres")}
        </a>
      </nav>
      <header className="border-b border-earth-200 pb-6">
        <p className="inline-flex items-center gap-1.5 rounded-full bg-earth-100 px-3 py-1 text-sm text-earth-800">
          <PinIcon className="size-4" />
          {subdistrict ? <span lang="th">ต.{subdistrict} · </span> : null}
          {location}
        </p>
        <h1 lang={name.lang === locale ? undefined : name.lang} className="mt-3 text-2xl font-bold text-leaf-900 sm:text-3xl">
          {name.text}
        </h1>
        <p className="mt-1 text-sm text-earth-600">{tr("directory.centre.code", { code })}</p>
      </header>

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-10">
          <ParagraphsSection id="about" title={tr("directory.centre.about")} paragraphs={description} />

          <section aria-labelledby="coops">
            <h2 id="coops" className="text-xl font-semibold text-leaf-900">
              {tr("directory.centre.linkedCoops")}
            </h2>
            {coops.length > 0 ? (
              <ul className="mt-3 flex flex-wrap gap-2">
                {coops.map((c) => (
                  <li key={c.slug}>
                    <a href={c.href} lang={c.name.lang === locale ? undefined : c.name.lang} className="inline-block rounded-full border border-leaf-200 bg-white px-4 py-1.5 font-medium text-leaf-800 hover:bg-leaf-50">
                      {c.name.text}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-earth-600">{tr("directory.centre.noLinkedCoops")}</p>
            )}
          </section>

          <section aria-labelledby="meetings">
            <h2 id="meetings" className="text-xl font-semibold text-leaf-900">
              {tr("directory.centre.meetings")}
            </h2>
            {meetings.length > 0 ? (
              <ol className="mt-3 space-y-4">
                {meetings.map((m) => (
                  <li key={m.id} className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs">
                    <p className="font-semibold text-earth-900">
                      {m.date}{" "}
                      <span className="font-normal text-earth-600">
                        {tr("directory.centre.meetingWith")}{" "}
                        <a href={m.coopHref} className={linkClass}>
                          {m.coop}
                        </a>
                      </span>
                    </p>
                    <p className="mt-1 text-sm text-earth-700">
                      <span className="font-medium">{tr("directory.meeting.place")}:</span> <span lang="th">{m.place}</span>
                    </p>
                    {m.outcomes ? (
                      <p className="mt-2 text-earth-800">
                        <span className="font-medium">{tr("directory.meeting.outcomes")}:</span> <span lang="th">{m.outcomes}</span>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="mt-3 text-earth-600">{tr("directory.centre.noMeetings")}</p>
            )}
          </section>
        </div>

        <aside className="space-y-6">
          <section aria-labelledby="contact" className="rounded-2xl border border-earth-200 bg-white p-5 shadow-xs">
            <h2 id="contact" className="text-lg font-semibold text-leaf-900">
              {tr("directory.contact")}
            </h2>
            <dl className="mt-3 space-y-3 text-earth-800">
              {modelFarmerName ? (
                <div>
                  <dt className="text-sm text-earth-600">{tr("directory.modelFarmer")}</dt>
                  <dd lang="th" className="font-medium">{modelFarmerName}</dd>
                </div>
              ) : null}
              {phone ? (
                <div>
                  <dt className="text-sm text-earth-600">{tr("directory.phone")}</dt>
                  <dd>
                    <a href={`tel:${phone.replace(/[^0-9+]/g, "")}`} className={linkClass}>
                      {phone}
                    </a>
                  </dd>
                </div>
              ) : null}
              {address ? (
                <div>
                  <dt className="text-sm text-earth-600">{tr("directory.address")}</dt>
                  <dd lang="th">{address}</dd>
                </div>
              ) : null}
              {crops.length > 0 ? (
                <div>
                  <dt className="mb-1 text-sm text-earth-600">{tr("directory.mainCrops")}</dt>
                  <dd>
                    <CropChips crops={crops} />
                  </dd>
                </div>
              ) : null}
            </dl>
            {mapHref ? (
              <a href={mapHref} className={`${linkClass} mt-4 inline-block`} rel="noopener noreferrer" target="_blank">
                {tr("directory.map")}
              </a>
            ) : null}
          </section>

          {sages.length > 0 ? (
            <section aria-labelledby="sages" className="rounded-2xl border border-earth-200 bg-white p-5 shadow-xs">
              <h2 id="sages" className="text-lg font-semibold text-leaf-900">
                {tr("directory.centre.sages")}
              </h2>
              <ul className="mt-3 space-y-3">
                {sages.map((s) => (
                  <li key={s.id} className="flex items-center gap-3">
                    <SageAvatar name={s.name} photoUrl={s.photoUrl} />
                    <div className="min-w-0">
                      <a href={`/sages/${s.id}`} lang="th" className={`${linkClass} font-medium`}>
                        {s.name}
                      </a>
                      <p lang="th" className="text-sm text-earth-600">{s.expertise}</p>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
