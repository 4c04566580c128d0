import type { Locale } from "@coop/i18n";
import type { ReactNode } from "react";
import { Links, Meta, Scripts, ScrollRestoration } from "react-router";

/** The logo as an inline icon: no extra request, and no 404 for /favicon.ico in the logs. */
const FAVICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="9" fill="#3b5b29"/><path d="M16 25.5V13M10 25.5h12" stroke="#f4ecdd" stroke-width="2" stroke-linecap="round"/><path d="M16 18c-4.6 0-7.2-2.7-7.2-6.7 4.5 0 7.2 2.5 7.2 6.7Z" fill="#c6ddb5"/><path d="M16 14.8c0-4.4 2.8-7.2 7.2-7.2 0 4.3-2.8 7.2-7.2 7.2Z" fill="#e8d7b9"/></svg>',
  );

/** The HTML document around every page of both sites (each app's root `Layout` renders it). */
export function Document({ locale, themeColor, children }: { locale: Locale; themeColor?: string | null; children: ReactNode }) {
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content={themeColor ?? "#314a24"} />
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
