import type { Locale } from "@coop/i18n";

/** Thai is always there; English is optional and only shown to English readers. */
export function localized(locale: Locale, th: string, en: string | null | undefined): string {
  return localizedText(locale, th, en).text;
}

/** The text to show and the language it is actually in (English readers may get Thai). */
export function localizedText(locale: Locale, th: string, en: string | null | undefined): { text: string; lang: Locale } {
  return locale === "en" && en ? { text: en, lang: "en" } : { text: th, lang: "th" };
}

/** A story or description split into paragraphs at blank lines. */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
