import { resolveLocale, t, translator } from "@coop/i18n";
import { linkClass, localized, primaryButtonClass, SelectField } from "@coop/ui";
import type { Route } from "./+types/sages._index";
import { CropChips, DirectoryPager, SageAvatar } from "../components/directory/parts.tsx";

const PAGE_SIZE = 12;
const MAX_PAGE = 500;

function readQuery(url: URL) {
  const cropParam = (url.searchParams.get("crop") ?? "").trim();
  const crop = /^[a-z][a-z0-9-]{1,40}$/.test(cropParam) ? cropParam : "";
  const pageNumber = Number(url.searchParams.get("page") ?? "1");
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1;
  return { crop, page };
}

function hrefWith(query: { crop: string }, page: number): string {
  const params = new URLSearchParams();
  if (query.crop) params.set("crop", query.crop);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/sages?${search}` : "/sages";
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const query = readQuery(new URL(request.url));
  const [crops, result] = await Promise.all([
    context.trpc.directory.crops(),
    context.trpc.directory.sages({ crop: query.crop || undefined, page: query.page, pageSize: PAGE_SIZE }),
  ]);
  return {
    locale,
    query,
    crops: crops.map((c) => ({ code: c.code, label: localized(locale, c.nameTh, c.nameEn) })),
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    sages: result.items.map((s) => ({
      id: s.id,
      name: s.nameTh,
      photoUrl: s.photoUrl,
      nameEn: s.nameEn,
      title: s.titleTh,
      expertise: s.expertiseTh,
      area: s.districtTh
        ? t(locale, "directory.location", { district: s.districtTh, province: localized(locale, s.province.nameTh, s.province.nameEn) })
        : t(locale, "directory.locationProvince", { province: localized(locale, s.province.nameTh, s.province.nameEn) }),
      crops: s.crops.map((c) => ({ code: c.code, label: localized(locale, c.nameTh, c.nameEn) })),
    })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, query } = loaderData;
  return [
    { title: `${t(locale, "directory.sages.title")} | ${t(locale, "brand.network")}` },
    { name: "description", content: t(locale, "directory.sages.metaDescription") },
    ...(query.crop !== "" || query.page > 1 ? [{ name: "robots", content: "noindex, follow" }] : []),
  ];
};

export default function Sages({ loaderData }: Route.ComponentProps) {
  const { locale, query, crops, total, page, pageCount, sages } = loaderData;
  const tr = translator(locale);
  return (
    <div className="container-page py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("directory.sages.title")}</h1>
      <p className="mt-2 max-w-prose text-earth-700">{tr("directory.sages.lead")}</p>

      <form method="get" action="/sages" aria-label={tr("directory.filter.label")} className="mt-6 grid gap-4 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:grid-cols-[minmax(0,20rem)_auto] sm:items-end">
        <SelectField label={tr("directory.filter.crop")} name="crop" defaultValue={query.crop}>
          <option value="">{tr("directory.filter.all")}</option>
          {crops.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={`${primaryButtonClass} sm:justify-self-start`}>
          {tr("directory.filter.submit")}
        </button>
      </form>

      <div className="mt-6 flex flex-wrap items-baseline justify-between gap-2" aria-live="polite">
        <p className="text-sm text-earth-600">{tr("directory.sages.count", { count: total })}</p>
        {query.crop ? (
          <a href="/sages" className={linkClass}>
            {tr("directory.centres.clear")}
          </a>
        ) : null}
      </div>

      {sages.length > 0 ? (
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 sm:gap-6 lg:grid-cols-3">
          {sages.map((s) => (
            <li key={s.id}>
              <article className="relative flex h-full gap-4 rounded-2xl border border-earth-200 bg-white p-5 shadow-xs transition-shadow hover:shadow-md has-[a:focus-visible]:ring-3 has-[a:focus-visible]:ring-leaf-600">
                <SageAvatar name={s.name} photoUrl={s.photoUrl} />
                <div className="flex min-w-0 flex-col gap-1.5">
                  <h2 lang="th" className="text-lg font-semibold text-earth-900">
                    <a href={`/sages/${s.id}`} className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none">
                      {s.name}
                    </a>
                  </h2>
                  {locale === "en" && s.nameEn ? <p className="-mt-1 text-sm text-earth-600">{s.nameEn}</p> : null}
                  {s.title ? <p lang="th" className="text-sm font-medium text-leaf-800">{s.title}</p> : null}
                  <p lang="th" className="text-earth-800">{s.expertise}</p>
                  <p className="text-sm text-earth-600">{s.area}</p>
                  <div className="mt-1">
                    <CropChips crops={s.crops} />
                  </div>
                </div>
              </article>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">{tr("directory.sages.empty")}</p>
      )}
      <DirectoryPager locale={locale} page={page} pages={pageCount} hrefFor={(n) => hrefWith(query, n)} />
    </div>
  );
}
