import { type Locale, translator } from "@coop/i18n";
import type { ReactNode } from "react";
import { LanguageSwitch, LogoMark, SkipLink } from "@coop/ui";

/** Header, main landmark and footer around every network page, error pages included. */
export function SiteShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  const t = translator(locale);
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink locale={locale} />
      <header className="border-b border-earth-200 bg-earth-50">
        <div className="container-page flex min-h-16 items-center justify-between gap-3 py-3">
          <a href="/" className="flex min-w-0 items-center gap-3 rounded-md">
            <LogoMark className="size-9 shrink-0 text-leaf-700" />
            <span className="min-w-0">
              <span className="block truncate font-bold leading-snug text-leaf-900 sm:text-lg">{t("brand.network")}</span>
              <span className="hidden truncate text-xs text-earth-600 md:block">{t("brand.networkTagline")}</span>
            </span>
          </a>
          <LanguageSwitch locale={locale} />
        </div>
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
          <p className="text-leaf-200">{t("brand.networkTagline")}</p>
        </div>
      </footer>
    </div>
  );
}
