import { resolveLocale, t, translator, type Locale } from "@coop/i18n";
import type { ComponentType, SVGProps } from "react";
import { ArrowRightIcon, FieldsArt, PinIcon, primaryButtonClass, secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/_index";
import { BasketIcon, BookIcon, CentreIcon } from "../components/icons.tsx";
import { toCoopView, type CoopView } from "../lib/coops.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const { items } = await context.trpc.network.listCoops();
  return { locale, coops: items.map((coop) => toCoopView(coop, locale, context.origins)) };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale } = loaderData;
  return [
    { title: t(locale, "network.meta.title") },
    { name: "description", content: t(locale, "network.meta.description") },
    { property: "og:title", content: t(locale, "brand.network") },
    { property: "og:type", content: "website" },
  ];
};

const PILLARS = [
  { icon: CentreIcon, title: "network.pillar.centres.title", body: "network.pillar.centres.body" },
  { icon: BookIcon, title: "network.pillar.knowledge.title", body: "network.pillar.knowledge.body" },
  { icon: BasketIcon, title: "network.pillar.products.title", body: "network.pillar.products.body" },
] as const satisfies readonly { icon: ComponentType<SVGProps<SVGSVGElement>>; title: string; body: string }[];

export default function Home({ loaderData }: Route.ComponentProps) {
  const { locale, coops } = loaderData;
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
