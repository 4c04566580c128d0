import { resolveLocale, t, translator } from "@coop/i18n";
import { linkClass, localized, localizedText, PinIcon, primaryButtonClass, SelectField } from "@coop/ui";
import type { Route } from "./+types/centres._index";
import { CropChips, DirectoryPager } from "../components/directory/parts.tsx";

const PAGE_SIZE = 12;
const MAX_PAGE = 500;

function readQuery(url: URL) {
  const provinceNumber = Number(url.searchParams.get("province") ?? "");
  const province = Number.isInteger(provinceNumber) && provinceNumber >= 1 && provinceNumber <= 99 ? provinceNumber : null;
  const cropParam = (url.searchParams.get("crop") ?? "").trim();
  const crop = /^[a-z][a-z0-9-]{1,40}$/.test(cropParam) ? cropParam : "";
  const pageNumber = Number(url.searchParams.get("page") ?? "1");
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1;
  return { province, crop, page };
}

function hrefWith(query: { province: number | null; crop: string }, page: number): string {
  const params = new URLSearchParams();
  if (query.province) params.set("province", String(query.province));
  if (query.crop) params.set("crop", query.crop);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/centres?${search}` : "/centres";
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const query = readQuery(new URL(request.url));
  const [filters, result] = await Promise.all([
    context.trpc.directory.centreFilters(),
    context.trpc.directory.centres({ provinceCode: query.province ?? undefined, crop: query.crop || undefined, page: query.page, pageSize: PAGE_SIZE }),
  ]);
  return {
    locale,
    query,
    provinces: filters.provinces.map((p) => ({ code: p.code, label: localized(locale, p.nameTh, p.nameEn) })),
    crops: filters.crops.map((c) => ({ code: c.code, label: localized(locale, c.nameTh, c.nameEn) })),
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    centres: result.items.map((c) => ({
      id: c.id,
      name: localizedText(locale, c.nameTh, c.nameEn),
      location: t(locale, "directory.location", { district: c.districtTh, province: localized(locale, c.province.nameTh, c.province.nameEn) }),
      crops: c.crops.map((crop) => ({ code: crop.code, label: localized(locale, crop.nameTh, crop.nameEn) })),
      modelFarmerName: c.modelFarmerName,
    })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, query } = loaderData;
  const filtered = query.province !== null || query.crop !== "" || query.page > 1;
  return [
    { title: `${t(locale, "directory.centres.title")} | ${t(locale, "brand.network")}` },
    { name: "description", content: t(locale, "directory.centres.metaDescription") },
    ...(filtered ? [{ name: "robots", content: "noindex, follow" }] : []),
  ];
};

export default function Centres({ loaderData }: Route.ComponentProps) {
  const { locale, query, provinces, crops, total, page, pageCount, centres } = loaderData;
  const tr = translator(locale);
  const filtered = query.province !== null || query.crop !== "";
  return (
    <div className="container-page py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("directory.centres.title")}</h1>
      <p className="mt-2 max-w-prose text-earth-700">{tr("directory.centres.lead")}</p>

      <form method="get" action="/centres" aria-label={tr("directory.filter.label")} className="mt-6 grid gap-4 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <SelectField label={tr("directory.filter.province")} name="province" defaultValue={query.province ?? ""}>
          <option value="">{tr("directory.filter.all")}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={tr("directory.filter.crop")} name="crop" defaultValue={query.crop}>
          <option value="">{tr("directory.filter.all")}</option>
          {crops.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={primaryButtonClass}>
          {tr("directory.filter.submit")}
        </button>
      </form>

      <div className="mt-6 flex flex-wrap items-baseline justify-between gap-2" aria-live="polite">
        <p className="text-sm text-earth-600" data-testid="centres-count">
          {tr("directory.centres.count", { count: total })}
        </p>
        {filtered ? (
          <a href="/centres" className={linkClass}>
            {tr("directory.centres.clear")}
          </a>
        ) : null}
      </div>

      {centres.length > 0 ? (
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 sm:gap-6 lg:grid-cols-3">
          {centres.map((c) => (
            <li key={c.id}>
              <article className="relative flex h-full flex-col gap-3 rounded-2xl border border-earth-200 bg-white p-5 shadow-xs transition-shadow hover:shadow-md has-[a:focus-visible]:ring-3 has-[a:focus-visible]:ring-leaf-600">
                <p className="inline-flex items-center gap-1.5 self-start rounded-full bg-earth-100 px-3 py-1 text-sm text-earth-800">
                  <PinIcon className="size-4" />
                  {c.location}
                </p>
                <h2 lang={c.name.lang === locale ? undefined : c.name.lang} className="text-lg font-semibold text-earth-900">
                  <a href={`/centres/${c.id}`} className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none">
                    {c.name.text}
                  </a>
                </h2>
                {c.modelFarmerName ? (
                  <p className="text-sm text-earth-700">
                    <span className="font-medium">{tr("directory.modelFarmer")}:</span> <span lang="th">{c.modelFarmerName}</span>
                  </p>
                ) : null}
                <div className="mt-auto">
                  <CropChips crops={c.crops} />
                </div>
              </article>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">{tr("directory.centres.empty")}</p>
      )}
      <DirectoryPager locale={locale} page={page} pages={pageCount} hrefFor={(n) => hrefWith(query, n)} />
    </div>
  );
}
