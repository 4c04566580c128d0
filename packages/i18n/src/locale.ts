export const LOCALES = ["th", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** The product is Thai-first: Thai is what anyone sees until they ask for English. */
export const DEFAULT_LOCALE: Locale = "th";
export const LOCALE_COOKIE = "lang";
/** The query parameter a language switch link sets (`?lang=en`). */
export const LOCALE_PARAM = "lang";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export function isLocale(value: unknown): value is Locale {
  return value === "th" || value === "en";
}

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** The locale asked for in the URL (`?lang=en`), if it is one we support. */
export function localeFromQuery(url: URL | string): Locale | undefined {
  const value = new URL(url).searchParams.get(LOCALE_PARAM);
  return isLocale(value) ? value : undefined;
}

/**
 * `?lang=` wins, then the `lang` cookie, then Thai.
 * Accept-Language is deliberately ignored: most Thai phones report English.
 */
export function resolveLocale(request: Request): Locale {
  const fromQuery = localeFromQuery(request.url);
  if (fromQuery) return fromQuery;
  const fromCookie = readCookie(request.headers.get("Cookie"), LOCALE_COOKIE);
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
}

/** A `Set-Cookie` value remembering the locale for a year. Readable by scripts on purpose: it is not a secret. */
export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
}
