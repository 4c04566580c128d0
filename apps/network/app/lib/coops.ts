import { type Locale, withLocale } from "@coop/i18n";
import type { PublicOrigins } from "@coop/trpc";
import { coopSiteUrl } from "@coop/trpc/site";
import { localizedText } from "@coop/ui";
import type { CoopCard } from "./types.ts";

/** A co-op card ready to render (strings chosen on the server, link to the co-op's own site). */
export interface CoopView {
  slug: string;
  name: { text: string; lang: Locale };
  story: { text: string; lang: Locale } | null;
  province: string;
  region: string;
  href: string;
}

export function toCoopView(coop: CoopCard, locale: Locale, origins: PublicOrigins): CoopView {
  const story = localizedText(locale, coop.storyTh ?? "", coop.storyEn);
  return {
    slug: coop.slug,
    name: localizedText(locale, coop.nameTh, coop.nameEn),
    story: story.text.trim() ? story : null,
    province: localizedText(locale, coop.province.nameTh, coop.province.nameEn).text,
    region: localizedText(locale, coop.region.nameTh, coop.region.nameEn).text,
    href: withLocale(coopSiteUrl(origins, coop.slug), locale),
  };
}
