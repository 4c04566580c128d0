import { DEFAULT_LOCALE, LOCALE_PARAM, localeCookie, localeFromQuery, type Locale } from "./locale.ts";

/**
 * A same-site path, never a protocol-relative one: "//evil.example" and "/\evil.example"
 * would send the browser to another host.
 */
function sameSitePath(pathname: string): string {
  return "/" + pathname.replace(/^[/\\]+/, "");
}

/**
 * The language switch works without JavaScript: it is a plain link to the current page with
 * `?lang=xx`. On such a request, answer with a redirect to the same page without the parameter
 * that also sets the locale cookie; `null` when the request carries no `lang` parameter.
 * The Location is a path on this host built from the request, so it cannot be an open redirect.
 */
export function localeSwitchRedirect(request: Request): Response | null {
  const url = new URL(request.url);
  if (!url.searchParams.has(LOCALE_PARAM)) return null;
  const locale = localeFromQuery(url);
  url.searchParams.delete(LOCALE_PARAM);
  const headers = new Headers({ Location: sameSitePath(url.pathname) + url.search, "Cache-Control": "no-store" });
  if (locale) headers.append("Set-Cookie", localeCookie(locale));
  return new Response(null, { status: 303, headers });
}

/** The href of a language switch link for the page at `location` (a path, never a full URL). */
export function localeSwitchHref(location: { pathname: string; search: string }, locale: Locale): string {
  const params = new URLSearchParams(location.search);
  params.set(LOCALE_PARAM, locale);
  return `${sameSitePath(location.pathname)}?${params.toString()}`;
}

/**
 * A link to another site of the platform (network ↔ co-op) that carries the reader's language
 * along, since the locale cookie is per host. Thai is the default and needs no parameter.
 */
export function withLocale(href: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return href;
  const url = new URL(href);
  url.searchParams.set(LOCALE_PARAM, locale);
  return url.toString();
}
