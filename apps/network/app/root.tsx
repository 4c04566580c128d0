import { DEFAULT_LOCALE, localeSwitchRedirect, resolveLocale, t, translator, type Locale } from "@coop/i18n";
import type { ReactNode } from "react";
import {
  data,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { WiltIcon } from "./components/icons.tsx";
import { NotFound } from "./components/NotFound.tsx";
import { SiteShell } from "./components/SiteShell.tsx";
import { buttonClass, StatusPage } from "./components/StatusPage.tsx";

/** The logo as an inline icon: no extra request, and no 404 for /favicon.ico in the logs. */
const FAVICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="9" fill="#3b5b29"/><path d="M16 25.5V13M10 25.5h12" stroke="#f4ecdd" stroke-width="2" stroke-linecap="round"/><path d="M16 18c-4.6 0-7.2-2.7-7.2-6.7 4.5 0 7.2 2.5 7.2 6.7Z" fill="#c6ddb5"/><path d="M16 14.8c0-4.4 2.8-7.2 7.2-7.2 0 4.3-2.8 7.2-7.2 7.2Z" fill="#e8d7b9"/></svg>',
  );

export async function loader({ request, context }: Route.LoaderArgs) {
  const switched = localeSwitchRedirect(request);
  if (switched) throw switched;
  const locale = resolveLocale(request);
  // Pages differ by the `lang` cookie: shared caches must not mix languages.
  return data({ locale, requestId: context.requestId }, { headers: { Vary: "Cookie", "Content-Language": locale } });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: Route.MetaFunction = ({ loaderData, error }) => {
  const locale = loaderData?.locale ?? DEFAULT_LOCALE;
  const network = t(locale, "brand.network");
  if (isRouteErrorResponse(error) && error.status === 404) return [{ title: `${t(locale, "error.notFound.meta")} | ${network}` }];
  if (error) return [{ title: `${t(locale, "error.server.meta")} | ${network}` }];
  return [{ title: t(locale, "network.meta.title") }];
};

export function Layout({ children }: { children: ReactNode }) {
  const locale = useRouteLoaderData<typeof loader>("root")?.locale ?? DEFAULT_LOCALE;
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
  return (
    <SiteShell locale={loaderData.locale}>
      <Outlet />
    </SiteShell>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = rootData?.locale ?? DEFAULT_LOCALE;
  return (
    <SiteShell locale={locale}>
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
  const detail = import.meta.env.DEV && error instanceof Error ? (error.stack ?? error.message) : null;
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
