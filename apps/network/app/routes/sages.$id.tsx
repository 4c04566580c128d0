import { formatDate, resolveLocale, t, translator } from "@coop/i18n";
import { data } from "react-router";
import { linkClass, localized, localizedText, paragraphs, trpcCodeOf } from "@coop/ui";
import type { Route } from "./+types/sages.$id";
import { CropChips, ParagraphsSection, SageAvatar } from "../components/directory/parts.tsx";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  let sage;
  try {
    sage = await context.trpc.directory.sage({ sageId: params.id });
  } catch (error) {
    const code = trpcCodeOf(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") throw data(null, { status: 404 });
    throw error;
  }
  const province = localized(locale, sage.province.nameTh, sage.province.nameEn);
  return {
    locale,
    name: sage.nameTh,
    photoUrl: sage.photoUrl,
    nameEn: sage.nameEn,
    title: sage.titleTh,
    expertise: sage.expertiseTh,
    area: sage.districtTh ? t(locale, "directory.location", { district: sage.districtTh, province }) : t(locale, "directory.locationProvince", { province }),
    crops: sage.crops.map((c) => ({ code: c.code, label: localized(locale, c.nameTh, c.nameEn) })),
    bio: paragraphs(sage.bioTh),
    centre: sage.centre ? { id: sage.centre.id, name: localizedText(locale, sage.centre.nameTh, sage.centre.nameEn) } : null,
    articles: sage.articles.map((a) => ({
      href: `/knowledge/${a.tenantSlug}/${a.id}`,
      title: a.title,
      summary: a.summary,
      coop: a.tenantNameTh,
      date: formatDate(a.publishedAt, locale),
    })),
    talks: sage.talks.map((s) => ({
      href: `/seminars/${s.tenantSlug}/${s.seminarId}`,
      title: s.title,
      coop: s.tenantNameTh,
      date: formatDate(s.startsAt, locale),
      cancelled: s.status === "cancelled",
    })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, name, expertise } = loaderData;
  return [
    { title: `${name} | ${t(locale, "directory.sages.title")} | ${t(locale, "brand.network")}` },
    { name: "description", content: expertise },
    { property: "og:title", content: name },
  ];
};

export default function SagePage({ loaderData }: Route.ComponentProps) {
  const { locale, name, photoUrl, nameEn, title, expertise, area, crops, bio, centre, articles, talks } = loaderData;
  const tr = translator(locale);
  return (
    <div className="container-page py-8 sm:py-12">
      <nav className="mb-4 text-sm">
        <a href="/sages" className={linkClass}>
          ← {tr("directory.back.sages")}
        </a>
      </nav>
      <header className="flex flex-col gap-5 border-b border-earth-200 pb-6 sm:flex-row sm:items-center">
        <SageAvatar name={name} photoUrl={photoUrl} size="lg" />
        <div className="min-w-0">
          <h1 lang="th" className="text-2xl font-bold text-leaf-900 sm:text-3xl">
            {name}
          </h1>
          {nameEn ? <p className="text-earth-600">{nameEn}</p> : null}
          {title ? <p lang="th" className="mt-1 font-medium text-leaf-800">{title}</p> : null}
        </div>
      </header>

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-10">
          <ParagraphsSection id="bio" title={tr("directory.sage.bio")} paragraphs={bio} />

          <section aria-labelledby="articles">
            <h2 id="articles" className="text-xl font-semibold text-leaf-900">
              {tr("directory.sage.articles")}
            </h2>
            {articles.length > 0 ? (
              <ul className="mt-3 space-y-3">
                {articles.map((a) => (
                  <li key={a.href} className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs">
                    <a href={a.href} lang="th" className={`${linkClass} font-semibold`}>
                      {a.title}
                    </a>
                    {a.summary ? <p lang="th" className="mt-1 text-earth-700">{a.summary}</p> : null}
                    <p className="mt-1 text-sm text-earth-600">
                      {a.date} · {tr("directory.sage.byCoop", { coop: a.coop })}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-earth-600">{tr("directory.sage.noArticles")}</p>
            )}
          </section>

          <section aria-labelledby="talks">
            <h2 id="talks" className="text-xl font-semibold text-leaf-900">
              {tr("directory.sage.talks")}
            </h2>
            {talks.length > 0 ? (
              <ul className="mt-3 space-y-3">
                {talks.map((s) => (
                  <li key={s.href} className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs">
                    <a href={s.href} lang="th" className={`${linkClass} font-semibold`}>
                      {s.title}
                    </a>
                    <p className="mt-1 text-sm text-earth-600">
                      {s.date} · {tr("directory.sage.byCoop", { coop: s.coop })}
                      {s.cancelled ? <span className="ml-2 rounded bg-earth-100 px-1.5 py-0.5 text-earth-700">{tr("directory.sage.cancelled")}</span> : null}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-earth-600">{tr("directory.sage.noTalks")}</p>
            )}
          </section>
        </div>

        <aside>
          <dl className="space-y-4 rounded-2xl border border-earth-200 bg-white p-5 text-earth-800 shadow-xs">
            <div>
              <dt className="text-sm text-earth-600">{tr("directory.sage.expertise")}</dt>
              <dd lang="th" className="font-medium">{expertise}</dd>
            </div>
            <div>
              <dt className="text-sm text-earth-600">{tr("directory.sage.area")}</dt>
              <dd>{area}</dd>
            </div>
            {centre ? (
              <div>
                <dt className="text-sm text-earth-600">{tr("directory.sage.centre")}</dt>
                <dd>
                  <a href={`/centres/${centre.id}`} lang={centre.name.lang === locale ? undefined : centre.name.lang} className={linkClass}>
                    {centre.name.text}
                  </a>
                </dd>
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
        </aside>
      </div>
    </div>
  );
}
