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
  Outlet,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import { Document, localized, NotFound, primaryButtonClass, secondaryButtonClass, ServerError, SignpostIcon, StatusPage } from "@coop/ui";
import type { Route } from "./+types/root";
import "./app.css";
import { ClosedIcon } from "./components/icons.tsx";
import { SiteShell } from "./components/SiteShell.tsx";
import { hasOwnLayout } from "./lib/layout.ts";
import { isSiteErrorData, type SiteErrorData } from "./lib/site-error.ts";

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
  return <Document locale={locale}>{children}</Document>;
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
            <a href={networkHref} className={primaryButtonClass}>
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
