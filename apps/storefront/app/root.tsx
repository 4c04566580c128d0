import {
  DEFAULT_LOCALE,
  isLocale,
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
import { coopSiteUrl } from "@coop/trpc/site";
import { Document, localized, NotFound, primaryButtonClass, secondaryButtonClass, ServerError, SignpostIcon, StatusPage } from "@coop/ui";
import type { Route } from "./+types/root";
import type { Route as HomeRoute } from "./routes/+types/_index";
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

  // A closed site (suspended by staff, or waiting for approval) keeps its back office for its team.
  if (site.kind === "coop" || (site.kind === "suspended" && (isBackOfficePath(request) || isOrderLinkPath(request)))) {
    const { tenant } = site;
    return data(
      {
        locale,
        networkUrl,
        requestId: context.requestId,
        // The header's cart link shows the count on every page of the site; a closed site has no
        // shop (its cart procedures refuse), and the back office shows no cart.
        cartCount: site.kind === "coop" ? (await context.trpc.cart.get()).count : 0,
        coop: {
          slug: tenant.slug,
          name: localized(locale, tenant.nameTh, tenant.nameEn),
          logoUrl: tenant.logoUrl,
          themeColor: tenant.themeColor,
          siteUrl: coopSiteUrl(context.origins, tenant.slug),
        },
      },
      { headers: { ...PAGE_HEADERS, "Content-Language": locale } },
    );
  }
  // A closed site shows its name and nothing else: "opening soon" while it waits for approval.
  const error: ClosedSiteData =
    site.kind === "suspended"
      ? {
          reason: site.tenant.status === "pending" ? "opening-soon" : "suspended",
          locale,
          networkUrl,
          name: localized(locale, site.tenant.nameTh, site.tenant.nameEn),
        }
      : { reason: "unknown-site", locale, networkUrl, slug: site.kind === "unknown" ? site.slug : "" };
  throw data(error, { status: 404, headers: { ...PAGE_HEADERS, "Content-Language": locale } });
}

/** A customer's private tracking page: still shown (read-only) while the co-op is closed. */
function isOrderLinkPath(request: Request): boolean {
  return new URL(request.url).pathname.startsWith("/orders/");
}

/** The back office and its sign-in pages (all under /admin; "/admin.data" is the dashboard's data request). */
function isBackOfficePath(request: Request): boolean {
  const { pathname } = new URL(request.url);
  return pathname === "/admin" || pathname === "/admin.data" || pathname.startsWith("/admin/");
}

/** What the loader throws for a Host with no open shop; "opening-soon" is a co-op that waits for staff approval. */
type ClosedSiteData = SiteErrorData | { reason: "opening-soon"; locale: Locale; networkUrl: string; name: string };

function isClosedSiteData(value: unknown): value is ClosedSiteData {
  if (isSiteErrorData(value)) return true;
  const v = value as Record<string, unknown> | null;
  return typeof v === "object" && v !== null && v.reason === "opening-soon" && isLocale(v.locale) && typeof v.networkUrl === "string" && typeof v.name === "string";
}

export const headers: Route.HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

function siteErrorOf(error: unknown): ClosedSiteData | undefined {
  return isRouteErrorResponse(error) && isClosedSiteData(error.data) ? error.data : undefined;
}

export const meta: Route.MetaFunction = ({ loaderData, error }) => {
  const siteError = siteErrorOf(error);
  const locale = loaderData?.locale ?? siteError?.locale ?? DEFAULT_LOCALE;
  const network = t(locale, "brand.network");
  if (siteError?.reason === "unknown-site") return [{ title: `${t(locale, "error.unknownSite.meta")} | ${network}` }];
  if (siteError?.reason === "suspended") return [{ title: `${siteError.name} | ${t(locale, "error.suspended.meta")}` }];
  if (siteError?.reason === "opening-soon") return [{ title: `${siteError.name} | ${t(locale, "coopStatus.openingSoon.meta")}` }];
  const site = loaderData?.coop.name ?? network;
  if (isRouteErrorResponse(error) && error.status === 404) return [{ title: `${t(locale, "error.notFound.meta")} | ${site}` }];
  if (error) return [{ title: `${t(locale, "error.server.meta")} | ${site}` }];
  return [{ title: site }];
};

/** Served by the API's reach routes (apps/api/src/reach.ts) on every co-op host. */
export const links: Route.LinksFunction = () => [
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "alternate", type: "application/atom+xml", href: "/feed.xml" },
];

/** JSON inside <script>: `<` escaped so that no string can close the element. */
function jsonLd(value: unknown): { __html: string } {
  return { __html: JSON.stringify(value).replace(/</g, "\\u003c") };
}

type RootCoop = Route.ComponentProps["loaderData"]["coop"];

/** Link previews (Open Graph, Twitter/LINE) and the schema.org organisation of the co-op home. */
function CoopHomeReach({ coop, home }: { coop: RootCoop; home: HomeRoute.ComponentProps["loaderData"] }) {
  const absolute = (path: string) => (/^https?:/.test(path) ? path : coop.siteUrl + path);
  const url = `${coop.siteUrl}/`;
  const image = home.coop.coverUrl ?? coop.logoUrl;
  const description = t(home.locale, "store.meta.description", { name: home.coop.name, province: home.coop.province });
  const organization = {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: coop.name,
    url,
    ...(coop.logoUrl ? { logo: absolute(coop.logoUrl) } : {}),
    description,
    address: { "@type": "PostalAddress", addressRegion: home.coop.province, addressCountry: "TH" },
  };
  // React hoists these <meta> into <head>; title, description, og:title and og:type come from the home route's meta.
  return (
    <>
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content={coop.name} />
      <meta property="og:description" content={description} />
      <meta property="og:locale" content={home.locale === "th" ? "th_TH" : "en_US"} />
      {image ? <meta property="og:image" content={absolute(image)} /> : null}
      <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={coop.name} />
      <meta name="twitter:description" content={description} />
      {image ? <meta name="twitter:image" content={absolute(image)} /> : null}
      <script type="application/ld+json" dangerouslySetInnerHTML={jsonLd(organization)} />
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const error = useRouteError();
  const locale = rootData?.locale ?? siteErrorOf(error)?.locale ?? DEFAULT_LOCALE;
  return (
    <Document locale={locale} themeColor={rootData?.coop.themeColor}>
      {children}
    </Document>
  );
}

export default function App({ loaderData }: Route.ComponentProps) {
  // The back office draws its own frame.
  const matches = useMatches();
  const ownLayout = matches.some((match) => hasOwnLayout(match.handle));
  if (ownLayout) return <Outlet />;
  const home = matches.find((match) => match.id === "routes/_index")?.loaderData as HomeRoute.ComponentProps["loaderData"] | undefined;
  return (
    <SiteShell
      locale={loaderData.locale}
      brand={loaderData.coop.name}
      networkUrl={loaderData.networkUrl}
      logoUrl={loaderData.coop.logoUrl}
      themeColor={loaderData.coop.themeColor}
    >
      {home ? <CoopHomeReach coop={loaderData.coop} home={home} /> : null}
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
    // The team of a closed co-op still signs in to its back office from here.
    const teamLink = (
      <p className="pt-2 text-sm">
        <a href="/admin/sign-in" className="font-medium text-leaf-800 underline underline-offset-2 hover:text-leaf-900">
          {tr("coopStatus.teamSignIn")}
        </a>
      </p>
    );
    if (siteError.reason === "opening-soon") {
      return (
        <SiteShell locale={locale} brand={siteError.name} networkUrl={networkUrl}>
          <StatusPage
            icon={<ClosedIcon className="size-10" />}
            title={tr("coopStatus.openingSoon.title")}
            actions={
              <a href={networkHref} className={secondaryButtonClass}>
                {tr("coopStatus.openingSoon.cta")}
              </a>
            }
          >
            <p>{tr("coopStatus.openingSoon.body", { name: siteError.name })}</p>
            {teamLink}
          </StatusPage>
        </SiteShell>
      );
    }
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
          {teamLink}
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
