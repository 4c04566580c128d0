import { formatDate, resolveLocale, t, translator, type Locale } from "@coop/i18n";
import type { ComponentType, SVGProps } from "react";
import { ArrowRightIcon, FieldsArt, linkClass, PinIcon, primaryButtonClass, secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/_index";
import { SearchBox } from "../components/SiteShell.tsx";
import { BasketIcon, BookIcon, CentreIcon } from "../components/icons.tsx";
import { toCoopView, type CoopView } from "../lib/coops.ts";

/** Cards in the home page's knowledge and seminar blocks. */
const LATEST_KNOWLEDGE = 6;
const UPCOMING_SEMINARS = 3;

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const [coops, knowledge, seminars, centres] = await Promise.all([
    context.trpc.network.listCoops(),
    context.trpc.knowledge.networkList({ page: 1, pageSize: LATEST_KNOWLEDGE }),
    context.trpc.seminars.list({ when: "upcoming", page: 1, pageSize: UPCOMING_SEMINARS }),
    // Only the total is shown: one row is the least the list can return.
    context.trpc.directory.centres({ page: 1, pageSize: 1 }),
  ]);
  return {
    locale,
    coops: coops.items.map((coop) => toCoopView(coop, locale, context.origins)),
    articles: knowledge.items.map((a) => ({
      href: `/knowledge/${a.tenantSlug}/${a.id}`,
      title: a.title,
      summary: a.summary,
      topic: a.topic,
      coverUrl: a.coverUrl,
      coop: a.tenantName,
      published: formatDate(a.publishedAt, locale),
      publishedIso: a.publishedAt.toISOString(),
    })),
    seminars: seminars.items.map((s) => ({
      href: `/seminars/${s.tenantSlug}/${s.id}`,
      title: s.title,
      coop: s.tenantName,
      when: formatDate(s.startsAt, locale, "datetime"),
      whenIso: s.startsAt.toISOString(),
      place: s.place,
      online: s.onlineUrl !== null,
      seatsLeft: s.seatsLeft,
    })),
    centreCount: centres.total,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale } = loaderData;
  return [
    { title: t(locale, "network.meta.title") },
    { name: "description", content: t(locale, "network.meta.description") },
    { property: "og:title", content: t(locale, "brand.network") },
    { property: "og:type", content: "website" },
    { tagName: "link", rel: "alternate", type: "application/atom+xml", title: t(locale, "hub.feed.title"), href: "/feeds/knowledge.atom" },
  ];
};

const PILLARS = [
  { icon: CentreIcon, title: "network.pillar.centres.title", body: "network.pillar.centres.body" },
  { icon: BookIcon, title: "network.pillar.knowledge.title", body: "network.pillar.knowledge.body" },
  { icon: BasketIcon, title: "network.pillar.products.title", body: "network.pillar.products.body" },
] as const satisfies readonly { icon: ComponentType<SVGProps<SVGSVGElement>>; title: string; body: string }[];

export default function Home({ loaderData }: Route.ComponentProps) {
  const { locale, coops, articles, seminars, centreCount } = loaderData;
  const tr = translator(locale);
  return (
    <>
      <section aria-labelledby="hero-title" className="border-b border-earth-200 bg-linear-to-b from-leaf-50 to-earth-50">
        <div className="container-page grid items-center gap-10 py-12 sm:py-16 lg:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)] lg:py-20">
          <div>
            <h1 id="hero-title" className="text-4xl font-bold text-leaf-900 sm:text-5xl">
              {tr("brand.network")}
            </h1>
            <p className="mt-3 text-xl font-semibold text-leaf-700 sm:text-2xl">{tr("network.hero.title")}</p>
            <p className="mt-5 max-w-prose text-base text-earth-800 sm:text-lg">{tr("network.hero.lead")}</p>
            <div className="mt-8 flex flex-wrap gap-3">
              <a href="/signup" className={primaryButtonClass}>
                {tr("signup.heroCta")}
                <ArrowRightIcon className="size-4" />
              </a>
              <a href="#coops" className={secondaryButtonClass}>
                {tr("network.hero.cta")}
              </a>
            </div>
          </div>
          <FieldsArt className="hidden w-full drop-shadow-sm lg:block" />
        </div>
      </section>

      <section aria-labelledby="home-search-heading" className="border-b border-earth-200 bg-white">
        <div className="container-page py-8 sm:py-10">
          <h2 id="home-search-heading" className="text-xl font-bold text-leaf-900 sm:text-2xl">
            {tr("hub.home.search.heading")}
          </h2>
          <p className="mt-1 text-earth-700">{tr("hub.home.search.lead")}</p>
          <div className="mt-4 max-w-3xl">
            <SearchBox locale={locale} id="home-search" large />
          </div>
        </div>
      </section>

      <section aria-labelledby="knowledge-heading" className="container-page py-12 sm:py-16">
        <BlockHeading id="knowledge-heading" title={tr("hub.home.knowledge.heading")} href="/knowledge" more={tr("hub.home.knowledge.all")} />
        {articles.length > 0 ? (
          <ul className="mt-8 grid gap-4 sm:grid-cols-2 sm:gap-6 lg:grid-cols-3">
            {articles.map((article) => (
              <li key={article.href}>
                <article className="relative flex h-full overflow-hidden rounded-2xl border border-earth-200 bg-white shadow-xs transition-shadow hover:shadow-md has-[a:focus-visible]:ring-3 has-[a:focus-visible]:ring-leaf-600 sm:flex-col">
                  {/* A thumbnail beside the text on phones, a cover above it on wider screens. */}
                  {article.coverUrl ? (
                    <img src={article.coverUrl} alt="" loading="lazy" className="w-24 shrink-0 bg-earth-100 object-cover sm:aspect-[16/9] sm:w-full" />
                  ) : (
                    <div aria-hidden="true" className="grid w-24 shrink-0 place-items-center bg-leaf-50 text-leaf-600 sm:aspect-[16/9] sm:w-full">
                      <BookIcon className="size-8 sm:size-10" />
                    </div>
                  )}
                  <div className="flex min-w-0 flex-1 flex-col p-4 sm:p-5">
                    <p className="self-start rounded-full bg-leaf-50 px-3 py-1 text-sm text-leaf-800">{tr(`knowledge.topic.${article.topic}`)}</p>
                    <h3 lang="th" className="mt-2 font-semibold text-earth-900 sm:mt-3 sm:text-lg">
                      <a href={article.href} className="after:absolute after:inset-0 focus-visible:outline-none">
                        {article.title}
                      </a>
                    </h3>
                    {article.summary ? (
                      <p lang="th" className="mt-1 line-clamp-2 text-earth-700 sm:line-clamp-3">
                        {article.summary}
                      </p>
                    ) : null}
                    <p className="mt-auto pt-3 text-sm text-earth-600 sm:pt-4">
                      <span lang="th">{tr("hub.home.knowledge.by", { coop: article.coop })}</span>
                      {" · "}
                      <time dateTime={article.publishedIso}>{article.published}</time>
                    </p>
                  </div>
                </article>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyBlock text={tr("hub.home.knowledge.empty")} />
        )}
        <p className="mt-6 text-sm">
          <a href="/feeds/knowledge.atom" type="application/atom+xml" className={linkClass}>
            {tr("hub.home.feed")}
          </a>
        </p>
      </section>

      <section aria-labelledby="seminars-heading" className="border-y border-earth-200 bg-earth-100/60">
        <div className="container-page grid gap-10 py-12 sm:py-16 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <div>
            <BlockHeading id="seminars-heading" title={tr("hub.home.seminars.heading")} href="/seminars" more={tr("hub.home.seminars.all")} />
            {seminars.length > 0 ? (
              <ul className="mt-8 grid gap-4">
                {seminars.map((seminar) => (
                  <li key={seminar.href}>
                    <article className="relative rounded-2xl border border-earth-200 bg-white p-5 shadow-xs transition-shadow hover:shadow-md has-[a:focus-visible]:ring-3 has-[a:focus-visible]:ring-leaf-600">
                      <p className="text-sm font-semibold text-leaf-800">
                        <time dateTime={seminar.whenIso}>{seminar.when}</time>
                      </p>
                      <h3 lang="th" className="mt-1 text-lg font-semibold text-earth-900">
                        <a href={seminar.href} className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none">
                          {seminar.title}
                        </a>
                      </h3>
                      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-earth-700">
                        <span lang="th">{tr("hub.home.seminars.host", { coop: seminar.coop })}</span>
                        {seminar.place ? (
                          <span lang="th" className="inline-flex items-center gap-1">
                            <PinIcon className="size-4" />
                            {seminar.place}
                          </span>
                        ) : null}
                        {seminar.online ? <span>{tr("hub.home.seminars.online")}</span> : null}
                        <span className={seminar.seatsLeft > 0 ? "rounded-full bg-leaf-50 px-2.5 py-0.5 font-medium text-leaf-800" : "rounded-full bg-clay-100 px-2.5 py-0.5 font-medium text-clay-800"}>
                          {seminar.seatsLeft > 0 ? tr("hub.home.seminars.seats", { count: seminar.seatsLeft }) : tr("hub.home.seminars.full")}
                        </span>
                      </p>
                    </article>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyBlock text={tr("hub.home.seminars.empty")} />
            )}
          </div>

          <aside aria-labelledby="centres-heading" className="self-start rounded-2xl border border-leaf-200 bg-leaf-50 p-6">
            <span className="grid size-12 place-items-center rounded-xl bg-leaf-100 text-leaf-700">
              <CentreIcon className="size-6" />
            </span>
            <h2 id="centres-heading" className="mt-4 text-xl font-bold text-leaf-900">
              {tr("hub.home.centres.heading")}
            </h2>
            <p className="mt-2 text-3xl font-bold text-leaf-800">{tr("hub.home.centres.count", { count: centreCount.toLocaleString(locale === "th" ? "th-TH" : "en-GB") })}</p>
            <p className="mt-2 text-earth-700">{tr("hub.home.centres.body")}</p>
            <div className="mt-5 flex flex-col gap-3">
              <a href="/centres" className={primaryButtonClass}>
                {tr("hub.home.centres.cta")}
                <ArrowRightIcon className="size-4" />
              </a>
              <a href="/sages" className={secondaryButtonClass}>
                {tr("hub.home.sages.cta")}
              </a>
            </div>
          </aside>
        </div>
      </section>

      <section aria-labelledby="pillars-heading" className="container-page py-12 sm:py-16">
        <h2 id="pillars-heading" className="text-2xl font-bold text-leaf-900 sm:text-3xl">
          {tr("network.pillars.heading")}
        </h2>
        <ul className="mt-8 grid gap-4 sm:grid-cols-3 sm:gap-6">
          {PILLARS.map(({ icon: Icon, title, body }) => (
            <li key={title} className="flex gap-4 rounded-2xl border border-earth-200 bg-white p-5 shadow-xs sm:block sm:p-6">
              <span className="grid size-12 shrink-0 place-items-center rounded-xl bg-leaf-100 text-leaf-700">
                <Icon className="size-6" />
              </span>
              <div>
                <h3 className="text-lg font-semibold text-earth-900 sm:mt-4">{tr(title)}</h3>
                <p className="mt-1 text-earth-700">{tr(body)}</p>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section id="coops" aria-labelledby="coops-heading" className="scroll-mt-4 border-t border-earth-200 bg-earth-100/60">
        <div className="container-page py-12 sm:py-16">
          <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-1">
            <h2 id="coops-heading" className="text-2xl font-bold text-leaf-900 sm:text-3xl">
              {tr("network.coops.heading")}
            </h2>
            {coops.length > 0 ? (
              <p className="text-sm text-earth-600">{tr("network.coops.count", { count: coops.length })}</p>
            ) : null}
          </div>
          {coops.length > 0 ? (
            <ul className="mt-8 grid gap-4 sm:grid-cols-2 sm:gap-6 lg:grid-cols-3">
              {coops.map((coop) => (
                <li key={coop.slug}>
                  <CoopCardView coop={coop} locale={locale} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-8 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">
              {tr("network.coops.empty")}
            </p>
          )}
        </div>
      </section>
    </>
  );
}

function BlockHeading({ id, title, href, more }: { id: string; title: string; href: string; more: string }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
      <h2 id={id} className="text-2xl font-bold text-leaf-900 sm:text-3xl">
        {title}
      </h2>
      <a href={href} className="inline-flex items-center gap-1.5 font-semibold text-leaf-700 hover:text-leaf-900">
        {more}
        <ArrowRightIcon className="size-4" />
      </a>
    </div>
  );
}

function EmptyBlock({ text }: { text: string }) {
  return <p className="mt-8 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">{text}</p>;
}

function CoopCardView({ coop, locale }: { coop: CoopView; locale: Locale }) {
  const tr = translator(locale);
  // Mark Thai text on an English page so screen readers switch voice.
  const langIfOther = (lang: Locale) => (lang === locale ? undefined : lang);
  return (
    <article
      data-testid="coop-card"
      className="relative flex h-full flex-col rounded-2xl border border-earth-200 bg-white p-5 shadow-xs transition-shadow hover:shadow-md has-[a:focus-visible]:ring-3 has-[a:focus-visible]:ring-leaf-600 sm:p-6"
    >
      <p className="inline-flex items-center gap-1.5 self-start rounded-full bg-leaf-50 px-3 py-1 text-sm text-leaf-800">
        <PinIcon className="size-4" />
        {tr("network.coops.location", { province: coop.province })}
      </p>
      <h3 lang={langIfOther(coop.name.lang)} className="mt-4 text-lg font-semibold text-earth-900">
        <a href={coop.href} className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none">
          {coop.name.text}
        </a>
      </h3>
      <p className="mt-1 text-sm text-earth-600">{coop.region}</p>
      {coop.story ? (
        <p lang={langIfOther(coop.story.lang)} className="mt-3 line-clamp-3 text-earth-700">
          {coop.story.text}
        </p>
      ) : null}
      <p aria-hidden="true" className="mt-auto inline-flex items-center gap-1.5 pt-5 text-sm font-semibold text-leaf-700">
        {tr("network.coops.visit")}
        <ArrowRightIcon className="size-4" />
      </p>
    </article>
  );
}
