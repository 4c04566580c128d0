import { type Locale, translator } from "@coop/i18n";
import { linkClass } from "@coop/ui";

/** The console's previous / next links for a paged list (plain links: works without JavaScript). */
export function StaffPager({ locale, page, pages, hrefFor }: { locale: Locale; page: number; pages: number; hrefFor: (page: number) => string }) {
  const tr = translator(locale);
  if (pages <= 1) return null;
  return (
    <nav aria-label={tr("staff.pager.label")} className="mt-6 flex items-center justify-between gap-3">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} className={linkClass} rel="prev">
          {tr("staff.pager.prev")}
        </a>
      ) : (
        <span />
      )}
      <span className="text-sm text-earth-600">{tr("staff.pager.status", { page, pages })}</span>
      {page < pages ? (
        <a href={hrefFor(page + 1)} className={linkClass} rel="next">
          {tr("staff.pager.next")}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
