import { type Locale, translator } from "@coop/i18n";
import { useRouteLoaderData } from "react-router";

const linkClassName = "rounded-full px-3 py-1.5 text-earth-800 hover:bg-earth-100 hover:text-leaf-800";

/** The site header's links to the catalogue, knowledge, seminars, linked learning centres and the about page; none on a closed or unknown site. */
export function ShopNav({ locale }: { locale: Locale }) {
  const tr = translator(locale);
  const root = useRouteLoaderData("root") as { coop?: unknown } | undefined;
  if (!root?.coop) return null;
  return (
    <nav aria-label={tr("catalog.public.nav.label")} className="container-page flex gap-1 overflow-x-auto whitespace-nowrap pb-2 text-sm font-medium">
      <a href="/products" className={linkClassName}>
        {tr("catalog.public.nav.products")}
      </a>
      <a href="/knowledge" className={linkClassName}>
        {tr("knowledge.nav")}
      </a>
      <a href="/seminars" className={linkClassName}>
        {tr("seminar.nav")}
      </a>
      <a href="/centres" className={linkClassName}>
        {tr("directory.nav")}
      </a>
      <a href="/about" className={linkClassName}>
        {tr("about.nav")}
      </a>
    </nav>
  );
}
