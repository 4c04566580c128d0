import {
  DEFAULT_LOCALE,
  localeSwitchRedirect,
  resolveLocale,
  t,
  translator,
  withLocale,
  type Locale,
} from "@coop/i18n";
import type { ReactNode } from "react";
import {
  data,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { ClosedIcon, SignpostIcon, WiltIcon } from "./components/icons.tsx";
import { NotFound } from "./components/NotFound.tsx";
import { SiteShell } from "./components/SiteShell.tsx";
import { buttonClass, secondaryButtonClass, StatusPage } from "./components/StatusPage.tsx";
import { hasOwnLayout } from "./lib/layout.ts";
import { localized } from "./lib/localized.ts";
import { isSiteErrorData, type SiteErrorData } from "./lib/site-error.ts";

/** The logo as an inline icon: no extra request, and no 404 for /favicon.ico in the logs. */
const FAVICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="9" fill="#3b5b29"/><path d="M16 25.5V13M10 25.5h12" stroke="#f4ecdd" stroke-width="2" stroke-linecap="round"/><path d="M16 18c-4.6 0-7.2-2.7-7.2-6.7 4.5 0 7.2 2.5 7.2 6.7Z" fill="#c6ddb5"/><path d="M16 14.8c0-4.4 2.8-7.2 7.2-7.2 0 4.3-2.8 7.2-7.2 7.2Z" fill="#e8d7b9"/></svg>',
  );

/** Pages differ by the `lang` cookie: shared caches must not mix languages. */
const PAGE_HEADERS = { Vary: "Cookie" };

export async function loader({ request, context }: Route.LoaderArgs) {
  const switched = localeSwitchRedirect(request);
  if (switched) throw switched;

  const locale = resolveLocale(request);
  const networkUrl = context.origins.network;
  const { site } = context;

  if (site.kind === "coop") {
    const { tenant } = site;
    return data(
      {
        locale,
        networkUrl,
        requestId: context.requestId,
        coop: { slug: tenant.slug, name: localized(locale, tenant.nameTh, tenant.nameEn), logoUrl: tenant.logoUrl, themeColor: tenant.themeColor },
      },
      { headers: { ...PAGE_HEADERS, "Content-Language": locale } },
    );
  }
  // A closed site shows its name and nothing else.
  const error: SiteErrorData =
    site.kind === "suspended"
      ? { reason: "suspended", locale, networkUrl, name: localized(locale, site.tenant.nameTh, site.tenant.nameEn) }
      : { reason: "unknown-site", locale, networkUrl, slug: site.kind === "unknown" ? site.slug : "" };
  throw data(error, { status: 404, headers: { ...PAGE_HEADERS, "Content-Language": locale } });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

function siteErrorOf(error: unknown): SiteErrorData | undefined {
  return isRouteErrorResponse(error) && isSiteErrorData(error.data) ? error.data : undefined;
}

export const meta: Route.MetaFunction = ({ loaderData, error }) => {
  const siteError = siteErrorOf(error);
  const locale = loaderData?.locale ?? siteError?.locale ?? DEFAULT_LOCALE;
  const network = t(locale, "brand.network");
  if (siteError?.reason === "unknown-site") return [{ title: `${t(locale, "error.unknownSite.meta")} | ${network}` }];
  if (siteError?.reason === "suspended") return [{ title: `${siteError.name} | ${t(locale, "error.suspended.meta")}` }];
  const site = loaderData?.coop.name ?? network;
  if (isRouteErrorResponse(error) && error.status === 404) return [{ title: `${t(locale, "error.notFound.meta")} | ${site}` }];
  if (error) return [{ title: `${t(locale, "error.server.meta")} | ${site}` }];
  return [{ title: site }];
};

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const error = useRouteError();
  const locale = rootData?.locale ?? siteErrorOf(error)?.locale ?? DEFAULT_LOCALE;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#314a24" />
        <link rel="icon" href={FAVICON} />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App({ loaderData }: Route.ComponentProps) {
  // The back office draws its own frame.
  const ownLayout = useMatches().some((match) => hasOwnLayout(match.handle));
  if (ownLayout) return <Outlet />;
  return (
    <SiteShell
      locale={loaderData.locale}
      brand={loaderData.coop.name}
      networkUrl={loaderData.networkUrl}
      logoUrl={loaderData.coop.logoUrl}
      themeColor={loaderData.coop.themeColor}
    >
      <Outlet />
    </SiteShell>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const siteError = siteErrorOf(error);

  if (siteError) {
    const { locale, networkUrl } = siteError;
    const tr = translator(locale);
    const networkHref = withLocale(networkUrl, locale);
    return siteError.reason === "unknown-site" ? (
      <SiteShell locale={locale} brand={tr("brand.network")} networkUrl={networkUrl}>
        <StatusPage
          icon={<SignpostIcon className="size-10" />}
          code="404"
          title={tr("error.unknownSite.title")}
          actions={
            <a href={networkHref} className={buttonClass}>
              {tr("error.unknownSite.cta")}
            </a>
          }
        >
          <p>{tr("error.unknownSite.body", { slug: siteError.slug })}</p>
        </StatusPage>
      </SiteShell>
    ) : (
      <SiteShell locale={locale} brand={siteError.name} networkUrl={networkUrl}>
        <StatusPage
          icon={<ClosedIcon className="size-10" />}
          title={tr("error.suspended.title")}
          actions={
            <a href={networkHref} className={secondaryButtonClass}>
              {tr("error.suspended.cta")}
            </a>
          }
        >
          <p>{tr("error.suspended.body", { name: siteError.name })}</p>
        </StatusPage>
      </SiteShell>
    );
  }

  const locale: Locale = rootData?.locale ?? DEFAULT_LOCALE;
  const brand = rootData?.coop.name ?? t(locale, "brand.network");
  const networkUrl = rootData?.networkUrl ?? "/";
  return (
    <SiteShell locale={locale} brand={brand} networkUrl={networkUrl}>
      {isRouteErrorResponse(error) && error.status === 404 ? (
        <NotFound locale={locale} />
      ) : (
        <ServerError locale={locale} error={error} requestId={rootData?.requestId} />
      )}
    </SiteShell>
  );
}

function ServerError({ locale, error, requestId }: { locale: Locale; error: unknown; requestId: string | undefined }) {
  const tr = translator(locale);
  // Details only while developing; production shows a calm page and a reference for the logs.
  const detail = import.meta.env.DEV && error instanceof Error ? error.stack ?? error.message : null;
  return (
    <StatusPage
      icon={<WiltIcon className="size-10" />}
      code={isRouteErrorResponse(error) ? String(error.status) : "500"}
      title={tr("error.server.title")}
      actions={
        <a href="" className={buttonClass}>
          {tr("error.server.retry")}
        </a>
      }
    >
      <p>{tr("error.server.body")}</p>
      {requestId ? <p className="text-sm text-earth-500">{tr("error.server.reference", { id: requestId })}</p> : null}
      {detail ? (
        <pre className="mt-6 overflow-x-auto rounded-lg bg-earth-900 p-4 text-left text-xs text-earth-50">{detail}</pre>
      ) : null}
    </StatusPage>
  );
}
