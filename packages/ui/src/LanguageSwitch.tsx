import { LOCALES, localeSwitchHref, type Locale, translator } from "@coop/i18n";
import { useLocation } from "react-router";

const LANGUAGE_NAME = { th: "lang.th", en: "lang.en" } as const satisfies Record<Locale, string>;

/**
 * Plain links (`?lang=xx`), not client-side navigation: the server answers with a cookie and a
 * redirect back to the same page, so the switch works without JavaScript.
 */
export function LanguageSwitch({ locale }: { locale: Locale }) {
  const location = useLocation();
  const t = translator(locale);
  return (
    <nav aria-label={t("lang.label")} className="shrink-0">
      <ul className="flex items-center rounded-full border border-earth-200 bg-white p-1 text-sm shadow-xs">
        {LOCALES.map((option) => {
          const current = option === locale;
          const name = t(LANGUAGE_NAME[option]);
          return (
            <li key={option}>
              <a
                href={localeSwitchHref(location, option)}
                hrefLang={option}
                lang={option}
                aria-current={current ? "true" : undefined}
                title={current ? undefined : translator(option)("lang.switchTo", { language: name })}
                className={
                  "block rounded-full px-3 py-1.5 font-medium transition-colors " +
                  (current ? "bg-leaf-700 text-white" : "text-earth-700 hover:bg-earth-100 hover:text-earth-900")
                }
              >
                {name}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
