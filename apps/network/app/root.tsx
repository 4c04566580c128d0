import { DEFAULT_LOCALE, localeSwitchRedirect, resolveLocale, t, type Locale } from "@coop/i18n";
import type { ReactNode } from "react";
import { data, isRouteErrorResponse, Outlet, useRouteLoaderData } from "react-router";
import { Document, NotFound, ServerError } from "@coop/ui";
import type { Route } from "./+types/root";
import "./app.css";
import { SiteShell } from "./components/SiteShell.tsx";

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
  return <Document locale={locale}>{children}</Document>;
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
