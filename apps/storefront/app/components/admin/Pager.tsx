import { Link } from "react-router";
import { secondaryButtonClass } from "@coop/ui";

/** Previous / "page N of M" / next links under a back-office list (plain links: works without scripts). */
export function Pager({
  page,
  pages,
  hrefFor,
  labels,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  labels: { nav: string; previous: string; next: string; position: string };
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="mt-4 flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className={secondaryButtonClass}>
          {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-earth-600">{labels.position}</span>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} rel="next" className={secondaryButtonClass}>
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
