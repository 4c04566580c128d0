import { type Locale, translator, withLocale } from "@coop/i18n";
import type { ReactNode } from "react";
import { LanguageSwitch, LogoMark, SkipLink } from "@coop/ui";
import { ShopNav } from "./catalog/ShopNav.tsx";
import { ArrowLeftIcon } from "./icons.tsx";
import { CartLink } from "./shop/CartLink.tsx";

interface SiteShellProps {
  locale: Locale;
  /** The co-op's name, or the network's when there is no co-op to show. */
  brand: string;
  /** Absolute URL of the network home. */
  networkUrl: string;
  /** The co-op's own logo and theme colour (set in the back office), when it has them. */
  logoUrl?: string | null;
  themeColor?: string | null;
  children: ReactNode;
}

function Logo({ logoUrl, className }: { logoUrl?: string | null; className: string }) {
  return logoUrl ? (
    <img src={logoUrl} alt="" width={36} height={36} className={`${className} rounded-lg bg-white object-contain`} />
  ) : (
    <LogoMark className={`${className} text-leaf-700`} />
  );
}

/** Header, main landmark and footer around every page of a co-op site, error pages included. */
export function SiteShell({ locale, brand, networkUrl, logoUrl, themeColor, children }: SiteShellProps) {
  const t = translator(locale);
  const networkHref = withLocale(networkUrl, locale);
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink locale={locale} />
      <header>
        <div className="bg-leaf-800 text-leaf-50" style={themeColor ? { backgroundColor: themeColor } : undefined}>
          <div className="container-page flex h-9 items-center text-sm">
            <a href={networkHref} className="inline-flex items-center gap-1.5 rounded-sm hover:underline">
              <ArrowLeftIcon className="size-4" />
              {t("store.backToNetwork")}
            </a>
          </div>
        </div>
        <div className="border-b border-earth-200 bg-earth-50">
          <div className="container-page flex min-h-16 items-center justify-between gap-3 py-3">
            <a href="/" className="flex min-w-0 items-center gap-3 rounded-md">
              <Logo logoUrl={logoUrl} className="size-9 shrink-0" />
              <span className="line-clamp-2 font-semibold leading-snug text-leaf-900 sm:text-lg">{brand}</span>
            </a>
            <div className="flex shrink-0 items-center gap-2">
              <CartLink locale={locale} />
              <LanguageSwitch locale={locale} />
            </div>
          </div>
          <ShopNav locale={locale} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-earth-200 bg-earth-100 text-sm text-earth-700">
        <div className="container-page flex flex-col gap-4 py-10 sm:flex-row sm:items-center sm:justify-between">
          <div className="flex items-center gap-3">
            <Logo logoUrl={logoUrl} className="size-8 shrink-0" />
            <p className="font-semibold text-earth-900">{brand}</p>
          </div>
          <p>
            {t("footer.partOfNetwork")} ·{" "}
            <a href={networkHref} className="font-medium text-leaf-700 underline underline-offset-4 hover:text-leaf-900">
              {t("footer.visitNetwork")}
            </a>
          </p>
        </div>
      </footer>
    </div>
  );
}
