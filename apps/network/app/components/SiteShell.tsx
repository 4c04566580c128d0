import { type Locale, type MessageKey, translator } from "@coop/i18n";
import type { ReactNode } from "react";
import { useLocation } from "react-router";
import { type IconProps, LanguageSwitch, LineIcon, LogoMark, SkipLink } from "@coop/ui";
import { MarketCartLink } from "./market/CartLink.tsx";

type NavLabel = Extract<MessageKey, `hub.nav.${string}`>;

/** The network's sections, in the order of the header menu. */
export const NETWORK_MENU: readonly { href: string; label: NavLabel }[] = [
  { href: "/market", label: "hub.nav.market" },
  { href: "/knowledge", label: "hub.nav.knowledge" },
  { href: "/centres", label: "hub.nav.centres" },
  { href: "/sages", label: "hub.nav.sages" },
  { href: "/seminars", label: "hub.nav.seminars" },
  { href: "/search", label: "hub.nav.search" },
  { href: "/#coops", label: "hub.nav.coops" },
];

const MenuIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M4 7h16M4 12h16M4 17h16" />
  </LineIcon>
);

const CloseIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M6 6l12 12M18 6 6 18" />
  </LineIcon>
);

export const SearchIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <circle cx="11" cy="11" r="6.5" />
    <path d="m16 16 4.5 4.5" />
  </LineIcon>
);

/** Whether the menu item is the section of this page (the co-op list lives on the home page). */
function isCurrent(href: string, pathname: string): boolean {
  if (href.startsWith("/#")) return false;
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** One search box, GET to /search, so it works without scripts and the results can be linked. */
export function SearchBox({ locale, id, defaultValue, large }: { locale: Locale; id: string; defaultValue?: string; large?: boolean }) {
  const t = translator(locale);
  return (
    <form method="get" action="/search" role="search" className="flex w-full min-w-0 items-stretch">
      <label htmlFor={id} className="sr-only">
        {t("hub.search.label")}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={200}
        placeholder={t("hub.search.placeholder")}
        className={
          "min-w-0 flex-1 rounded-l-full border border-r-0 border-earth-300 bg-white text-earth-900 shadow-xs placeholder:text-earth-500 " +
          "focus:border-leaf-600 focus:outline-none focus:ring-3 focus:ring-leaf-600/25 " +
          (large ? "px-5 py-3 text-lg" : "px-4 py-2 text-base")
        }
      />
      <button
        type="submit"
        className={
          "inline-flex shrink-0 items-center gap-2 rounded-r-full bg-leaf-700 font-semibold text-white hover:bg-leaf-800 " +
          (large ? "px-5 text-lg" : "px-3.5")
        }
      >
        <SearchIcon className="size-5" />
        <span className={large ? "" : "sr-only"}>{t("hub.search.submit")}</span>
      </button>
    </form>
  );
}

/** Header (menu, search, language), main landmark and footer around every network page, error pages included. */
export function SiteShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  const t = translator(locale);
  const location = useLocation();
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink locale={locale} />
      <header className="relative z-30 border-b border-earth-200 bg-earth-50">
        <div className="container-page flex min-h-16 items-center justify-between gap-3 py-3">
          <a href="/" className="flex min-w-0 items-center gap-3 rounded-md">
            <LogoMark className="size-9 shrink-0 text-leaf-700" />
            <span className="min-w-0">
              <span className="block truncate font-bold leading-snug text-leaf-900 sm:text-lg">{t("brand.network")}</span>
              <span className="hidden truncate text-xs text-earth-600 md:block">{t("brand.networkTagline")}</span>
            </span>
          </a>
          <div className="hidden w-full max-w-sm md:block">
            <SearchBox locale={locale} id="site-search" />
          </div>
          <div className="flex shrink-0 items-center gap-2">
            <MarketCartLink locale={locale} />
            <div className="hidden sm:block">
              <LanguageSwitch locale={locale} />
            </div>
            {/* A disclosure (works without scripts); keyed by location so it closes after each navigation. */}
            <details key={location.key} className="group md:hidden">
              <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-full border border-earth-300 bg-white px-3.5 py-2 font-semibold text-earth-800 shadow-xs hover:bg-earth-100 [&::-webkit-details-marker]:hidden">
                <MenuIcon className="size-5 group-open:hidden" />
                <CloseIcon className="hidden size-5 group-open:block" />
                {t("hub.nav.menu")}
              </summary>
              <div className="absolute inset-x-0 top-full border-b border-earth-200 bg-earth-50 shadow-lg">
                <div className="container-page flex flex-col gap-4 py-4">
                  <SearchBox locale={locale} id="menu-search" />
                  <nav aria-label={t("hub.nav.label")}>
                    <ul className="grid grid-cols-2 gap-2">
                      {NETWORK_MENU.map(({ href, label }) => (
                        <li key={href}>
                          <a
                            href={href}
                            aria-current={isCurrent(href, location.pathname) ? "page" : undefined}
                            className="flex min-h-11 items-center rounded-xl border border-earth-200 bg-white px-4 py-2.5 font-medium text-earth-800 hover:bg-earth-100 aria-[current=page]:border-leaf-600 aria-[current=page]:bg-leaf-50 aria-[current=page]:text-leaf-900"
                          >
                            {t(label)}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </nav>
                  <div className="sm:hidden">
                    <LanguageSwitch locale={locale} />
                  </div>
                </div>
              </div>
            </details>
          </div>
        </div>
        <nav aria-label={t("hub.nav.label")} className="hidden border-t border-earth-200 md:block">
          <ul className="container-page flex gap-1 py-1.5">
            {NETWORK_MENU.map(({ href, label }) => (
              <li key={href}>
                <a
                  href={href}
                  aria-current={isCurrent(href, location.pathname) ? "page" : undefined}
                  className="block rounded-full px-4 py-2 font-medium text-earth-700 hover:bg-earth-100 hover:text-earth-900 aria-[current=page]:bg-leaf-100 aria-[current=page]:text-leaf-900"
                >
                  {t(label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-earth-200 bg-leaf-900 text-sm text-leaf-100">
        <div className="container-page flex flex-col gap-4 py-10 sm:flex-row sm:items-center sm:justify-between">
          <div className="flex items-center gap-3">
            <LogoMark className="size-9 shrink-0 text-leaf-600" />
            <div>
              <p className="font-semibold text-white">{t("brand.network")}</p>
              <p className="text-leaf-200">{t("footer.networkAbout")}</p>
            </div>
          </div>
          <div className="flex flex-col gap-1 sm:items-end">
            <p className="text-leaf-200">{t("brand.networkTagline")}</p>
            <p className="flex flex-wrap gap-x-4 gap-y-1">
              <a href="/developers" className="font-medium text-white underline underline-offset-4 hover:text-leaf-100">
                {t("hub.footer.developers")}
              </a>
              <a href="/feeds/knowledge.atom" type="application/atom+xml" className="font-medium text-white underline underline-offset-4 hover:text-leaf-100">
                {t("hub.footer.feed")}
              </a>
            </p>
          </div>
        </div>
      </footer>
    </div>
  );
}
