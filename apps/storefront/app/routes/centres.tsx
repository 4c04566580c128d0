import { resolveLocale, t, translator, withLocale } from "@coop/i18n";
import { localized, localizedText, PinIcon } from "@coop/ui";
import type { Route } from "./+types/centres";

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const [tenant, centres] = await Promise.all([context.trpc.site.current(), context.trpc.directory.siteCentres()]);
  return {
    locale,
    coopName: localized(locale, tenant.nameTh, tenant.nameEn),
    centres: centres.map((c) => ({
      id: c.id,
      name: localizedText(locale, c.nameTh, c.nameEn),
      location: t(locale, "directory.location", { district: c.districtTh, province: localized(locale, c.province.nameTh, c.province.nameEn) }),
      modelFarmerName: c.modelFarmerName,
      phone: c.phone,
      crops: c.crops.map((crop) => ({ code: crop.code, label: localized(locale, crop.nameTh, crop.nameEn) })),
      href: withLocale(`${context.origins.network}/centres/${c.id}`, locale),
    })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const { locale, coopName } = loaderData;
  return [
    { title: `${t(locale, "directory.site.title")} | ${coopName}` },
    { name: "description", content: t(locale, "directory.site.lead", { name: coopName }) },
  ];
};

export default function SiteCentres({ loaderData }: Route.ComponentProps) {
  const { locale, coopName, centres } = loaderData;
  const tr = translator(locale);
  return (
    <div className="container-page py-8 sm:py-12">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("directory.site.title")}</h1>
      <p className="mt-1 text-earth-700">{tr("directory.site.lead", { name: coopName })}</p>
      {centres.length > 0 ? (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 sm:gap-6">
          {centres.map((c) => (
            <li key={c.id}>
              <article className="flex h-full flex-col gap-3 rounded-2xl border border-earth-200 bg-white p-5 shadow-xs">
                <p className="inline-flex items-center gap-1.5 self-start rounded-full bg-earth-100 px-3 py-1 text-sm text-earth-800">
                  <PinIcon className="size-4" />
                  {c.location}
                </p>
                <h2 lang={c.name.lang === locale ? undefined : c.name.lang} className="text-lg font-semibold text-earth-900">
                  {c.name.text}
                </h2>
                <dl className="space-y-1 text-sm text-earth-700">
                  {c.modelFarmerName ? (
                    <div>
                      <dt className="inline font-medium">{tr("directory.modelFarmer")}: </dt>
                      <dd lang="th" className="inline">{c.modelFarmerName}</dd>
                    </div>
                  ) : null}
                  {c.phone ? (
                    <div>
                      <dt className="inline font-medium">{tr("directory.phone")}: </dt>
                      <dd className="inline">
                        <a href={`tel:${c.phone.replace(/[^0-9+]/g, "")}`} className="text-leaf-700 underline">
                          {c.phone}
                        </a>
                      </dd>
                    </div>
                  ) : null}
                </dl>
                {c.crops.length > 0 ? (
                  <ul className="flex flex-wrap gap-1.5">
                    {c.crops.map((crop) => (
                      <li key={crop.code} className="rounded-full bg-leaf-50 px-2.5 py-0.5 text-sm text-leaf-800 ring-1 ring-leaf-200">
                        {crop.label}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <a href={c.href} className="mt-auto font-medium text-leaf-700 underline-offset-2 hover:underline">
                  {tr("directory.site.more")} →
                </a>
              </article>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-6 rounded-2xl border border-dashed border-earth-300 bg-white/60 px-6 py-10 text-center text-earth-700">{tr("directory.site.empty")}</p>
      )}
    </div>
  );
}
