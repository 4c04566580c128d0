import { resolveLocale, t, translator, type MessageKey } from "@coop/i18n";
import type { ReactNode } from "react";
import { linkClass } from "@coop/ui";
import type { Route } from "./+types/developers";

export async function loader({ request, context }: Route.LoaderArgs) {
  return { locale: resolveLocale(request), origin: context.origins.network, coopExample: context.origins.coopTemplate.replace("{slug}", "korat") };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale } = loaderData;
  return [
    { title: t(locale, "hub.dev.meta.title") },
    { name: "description", content: t(locale, "hub.dev.meta.description") },
    { tagName: "link", rel: "alternate", type: "application/atom+xml", title: t(locale, "hub.feed.title"), href: "/feeds/knowledge.atom" },
  ];
};

type DevKey = Extract<MessageKey, `hub.dev.${string}`>;

const ENDPOINTS: readonly { path: string; example: string; what: DevKey }[] = [
  { path: "/api/v1/articles", example: "/api/v1/articles?topic=production&per_page=10", what: "hub.dev.api.articles" },
  { path: "/api/v1/articles/{coopSlug}/{id}", example: "", what: "hub.dev.api.article" },
  { path: "/api/v1/centres", example: "/api/v1/centres?province=30", what: "hub.dev.api.centres" },
  { path: "/api/v1/centres/{id}", example: "", what: "hub.dev.api.centre" },
  { path: "/api/v1/sages", example: "/api/v1/sages?crop=rice", what: "hub.dev.api.sages" },
  { path: "/api/v1/sages/{id}", example: "", what: "hub.dev.api.sage" },
  { path: "/api/v1/seminars", example: "/api/v1/seminars?when=upcoming", what: "hub.dev.api.seminars" },
];

const FEEDS: readonly { path: string; what: DevKey }[] = [
  { path: "/feeds/knowledge.atom", what: "hub.dev.feeds.all" },
  { path: "/feeds/knowledge/topic/production.atom", what: "hub.dev.feeds.topic" },
  { path: "/feeds/knowledge/crop/rice.atom", what: "hub.dev.feeds.crop" },
];

const CSV_FILES: readonly { name: string; what: DevKey }[] = [
  { name: "articles", what: "hub.dev.csv.articles" },
  { name: "centres", what: "hub.dev.csv.centres" },
  { name: "sages", what: "hub.dev.csv.sages" },
  { name: "seminars", what: "hub.dev.csv.seminars" },
];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="min-w-0 scroll-mt-4 rounded-2xl border border-earth-200 bg-white p-5 shadow-xs sm:p-8">
      <h2 id={`${id}-heading`} className="text-2xl font-bold text-leaf-900">
        {title}
      </h2>
      <div className="mt-4 space-y-4 text-earth-800">{children}</div>
    </section>
  );
}

function Code({ children }: { children: ReactNode }) {
  return <code className="rounded bg-earth-100 px-1.5 py-0.5 font-mono text-[0.9em] text-earth-900 [overflow-wrap:anywhere]">{children}</code>;
}

export default function Developers({ loaderData }: Route.ComponentProps) {
  const { locale, origin, coopExample } = loaderData;
  const tr = translator(locale);
  return (
    <div className="bg-earth-50">
      <div className="container-page py-10 sm:py-14">
        <header className="max-w-3xl">
          <h1 className="text-3xl font-bold text-leaf-900 sm:text-4xl">{tr("hub.dev.title")}</h1>
          <p className="mt-4 text-lg text-earth-800">{tr("hub.dev.lead")}</p>
          <nav aria-label={tr("hub.dev.toc")} className="mt-6">
            <ul className="flex flex-wrap gap-2">
              {(
                [
                  ["#api", "hub.dev.api.heading"],
                  ["#feeds", "hub.dev.feeds.heading"],
                  ["#open-data", "hub.dev.csv.heading"],
                  ["#terms", "hub.dev.licence.heading"],
                ] as const
              ).map(([href, label]) => (
                <li key={href}>
                  <a href={href} className="inline-block rounded-full border border-earth-300 bg-white px-4 py-2 font-medium text-earth-800 hover:bg-earth-100">
                    {tr(label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>

        <div className="mt-10 grid grid-cols-1 gap-6">
          <Section id="api" title={tr("hub.dev.api.heading")}>
            <p>{tr("hub.dev.api.body")}</p>
            <p>
              <a href="/api/v1/openapi.json" className={linkClass}>
                {tr("hub.dev.api.spec")}
              </a>
            </p>
            <h3 className="pt-2 text-lg font-semibold text-earth-900">{tr("hub.dev.api.endpoints")}</h3>
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left text-sm sm:text-base">
                <thead className="hidden sm:table-header-group">
                  <tr className="border-b border-earth-200 text-earth-600">
                    <th scope="col" className="py-2 pr-4 font-semibold">
                      {tr("hub.dev.api.col.path")}
                    </th>
                    <th scope="col" className="py-2 font-semibold">
                      {tr("hub.dev.api.col.what")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {ENDPOINTS.map(({ path, example, what }) => (
                    <tr key={path} className="block border-b border-earth-100 py-2 align-top sm:table-row sm:py-0">
                      <td className="block pr-4 font-mono text-sm [overflow-wrap:anywhere] sm:table-cell sm:whitespace-nowrap sm:py-2.5">
                        <span className="text-leaf-800">GET</span>{" "}
                        {example ? (
                          <a href={example} className={linkClass}>
                            {path}
                          </a>
                        ) : (
                          path
                        )}
                      </td>
                      <td className="block sm:table-cell sm:py-2.5">{tr(what)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h3 className="pt-2 text-lg font-semibold text-earth-900">{tr("hub.dev.api.paging.heading")}</h3>
            <p>{tr("hub.dev.api.paging.body")}</p>
            <p>{tr("hub.dev.api.cache.body")}</p>
            <p>{tr("hub.dev.api.errors.body")}</p>
            <p className="font-semibold text-earth-900">{tr("hub.dev.api.example")}</p>
            <pre className="overflow-x-auto rounded-xl bg-leaf-900 p-4 text-sm text-leaf-50">
              <code>{`curl -i '${origin}/api/v1/articles?crop=rice&page=1&per_page=20'\ncurl -i -H 'If-None-Match: "<etag>"' '${origin}/api/v1/articles?crop=rice'`}</code>
            </pre>
          </Section>

          <Section id="feeds" title={tr("hub.dev.feeds.heading")}>
            <p>{tr("hub.dev.feeds.body")}</p>
            <ul className="space-y-2">
              {FEEDS.map(({ path, what }) => (
                <li key={path}>
                  <a href={path} type="application/atom+xml" className={`${linkClass} font-mono text-sm [overflow-wrap:anywhere]`}>
                    {path}
                  </a>
                  <span className="block text-earth-700">{tr(what)}</span>
                </li>
              ))}
              <li>
                <Code>{`${coopExample}/feeds/knowledge.atom`}</Code>
                <span className="block text-earth-700">{tr("hub.dev.feeds.coop")}</span>
              </li>
            </ul>
          </Section>

          <Section id="open-data" title={tr("hub.dev.csv.heading")}>
            <p>{tr("hub.dev.csv.body")}</p>
            <ul className="grid gap-3 sm:grid-cols-2">
              {CSV_FILES.map(({ name, what }) => (
                <li key={name}>
                  <a
                    href={`/open-data/${name}.csv`}
                    download
                    className="flex h-full flex-col rounded-xl border border-earth-200 bg-earth-50 px-4 py-3 hover:border-leaf-600 hover:bg-leaf-50"
                  >
                    <span className="font-semibold text-earth-900">{tr(what)}</span>
                    <span className="font-mono text-sm text-leaf-800">{`/open-data/${name}.csv`}</span>
                  </a>
                </li>
              ))}
            </ul>
          </Section>

          <Section id="terms" title={tr("hub.dev.licence.heading")}>
            <p>{tr("hub.dev.licence.body")}</p>
          </Section>
        </div>
      </div>
    </div>
  );
}
