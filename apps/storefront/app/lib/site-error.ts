import { isLocale, type Locale } from "@coop/i18n";

/** What the root loader throws (with status 404) when the Host names no open co-op. */
export type SiteErrorData =
  | { reason: "unknown-site"; locale: Locale; networkUrl: string; slug: string }
  | { reason: "suspended"; locale: Locale; networkUrl: string; name: string };

export function isSiteErrorData(value: unknown): value is SiteErrorData {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.reason === "unknown-site" || v.reason === "suspended") && isLocale(v.locale) && typeof v.networkUrl === "string";
}
