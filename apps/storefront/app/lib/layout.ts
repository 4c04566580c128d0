import { DEFAULT_LOCALE, isLocale, type Locale, type Translate, translator } from "@coop/i18n";
import { useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "../root.tsx";

/**
 * `export const handle = OWN_LAYOUT` in a route that draws its own page frame (the back
 * office and its sign-in pages): the root then leaves out the public site's header and footer.
 */
export const OWN_LAYOUT = { ownLayout: true } as const;

export function hasOwnLayout(handle: unknown): boolean {
  return typeof handle === "object" && handle !== null && (handle as { ownLayout?: unknown }).ownLayout === true;
}

/** The language and co-op of this page, from the root loader. */
export function useSiteInfo(): { locale: Locale; coopName: string; networkUrl: string; requestId: string | undefined } {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return {
    locale: root?.locale ?? DEFAULT_LOCALE,
    coopName: root?.coop.name ?? "",
    networkUrl: root?.networkUrl ?? "/",
    requestId: root?.requestId,
  };
}

interface MetaMatch {
  id: string;
  data?: unknown;
}

/** "<page> | <co-op>" for a back-office page's <title>, in the reader's language; never indexed. */
export function adminTitle(matches: ReadonlyArray<MetaMatch | undefined>, page: (tr: Translate) => string) {
  const root = matches.find((m) => m?.id === "root")?.data as { locale?: unknown; coop?: { name?: string } } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
  const title = page(translator(locale));
  const coop = root?.coop?.name;
  return [{ title: coop ? `${title} | ${coop}` : title }, { name: "robots", content: "noindex" }];
}
