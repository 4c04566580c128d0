import { type Locale, translator } from "@coop/i18n";

/** The first focusable thing on every page: jumps past the header to `#main`. */
export function SkipLink({ locale }: { locale: Locale }) {
  return (
    <a
      href="#main"
      className="sr-only rounded-md bg-white font-semibold text-leaf-800 shadow-lg focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:px-4 focus:py-2"
    >
      {translator(locale)("a11y.skipToContent")}
    </a>
  );
}
