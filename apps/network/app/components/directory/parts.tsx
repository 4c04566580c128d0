import { type Locale, translator } from "@coop/i18n";
import { secondaryButtonClass } from "@coop/ui";

/** Previous / "page N of M" / next links (plain links: works without scripts). */
export function DirectoryPager({ locale, page, pages, hrefFor }: { locale: Locale; page: number; pages: number; hrefFor: (page: number) => string }) {
  const tr = translator(locale);
  if (pages <= 1) return null;
  return (
    <nav aria-label={tr("directory.pager.nav")} className="mt-8 flex items-center justify-between gap-3">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev" className={secondaryButtonClass}>
          {tr("directory.pager.previous")}
        </a>
      ) : (
        <span />
      )}
      <span className="text-sm text-earth-600">{tr("directory.pager.pageOf", { page, pages })}</span>
      {page < pages ? (
        <a href={hrefFor(page + 1)} rel="next" className={secondaryButtonClass}>
          {tr("directory.pager.next")}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** Crop tags as small chips. */
export function CropChips({ crops }: { crops: ReadonlyArray<{ code: string; label: string }> }) {
  if (crops.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {crops.map((crop) => (
        <li key={crop.code} className="rounded-full bg-leaf-50 px-2.5 py-0.5 text-sm text-leaf-800 ring-1 ring-leaf-200">
          {crop.label}
        </li>
      ))}
    </ul>
  );
}

/** The first letters of a Thai or English name, skipping titles (นาย, นาง, นางสาว). */
export function initialsOf(name: string): string {
  const words = name
    .replace(/^(นางสาว|นาง|นาย|ดร\.|Mr\.?|Mrs\.?|Ms\.?)\s*/u, "")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  // Thai leading vowels (เ แ โ ใ ไ) are not initials: take the consonant after them.
  const first = (word: string) => [...word.replace(/^[เแโใไ]/u, "")][0] ?? "";
  return words.slice(0, 2).map(first).join("").toUpperCase();
}

/** A sage's photo, or their initials in a circle when there is none. */
export function SageAvatar({ name, photoUrl, size = "md" }: { name: string; photoUrl?: string | null; size?: "md" | "lg" }) {
  const cls = size === "lg" ? "size-24 text-3xl" : "size-14 text-xl";
  if (photoUrl) return <img src={photoUrl} alt="" className={`shrink-0 rounded-full object-cover ring-2 ring-white ${cls}`} loading="lazy" />;
  return (
    <span aria-hidden="true" className={`grid shrink-0 place-items-center rounded-full bg-leaf-100 font-semibold text-leaf-800 ring-2 ring-white ${cls}`}>
      {initialsOf(name)}
    </span>
  );
}

/** A titled section of Thai paragraphs (a centre's description, a sage's biography); nothing when empty. */
export function ParagraphsSection({ id, title, paragraphs }: { id: string; title: string; paragraphs: readonly string[] }) {
  if (paragraphs.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-xl font-semibold text-leaf-900">
        {title}
      </h2>
      <div lang="th" className="mt-3 space-y-3 text-earth-800">
        {paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </section>
  );
}
