import type { Locale } from "@coop/i18n";
import { localized } from "@coop/ui";
import type { AppCaller } from "@coop/trpc";

/** The choices the sage form offers: provinces, crops, centres. */
export async function sageFormOptions(trpc: AppCaller, locale: Locale) {
  const [provinces, crops, centres] = await Promise.all([
    trpc.signup.provinces(),
    trpc.directory.crops(),
    trpc.directoryAdmin.centreOptions({ limit: 100 }),
  ]);
  return {
    provinces: provinces.items.map((p) => ({ value: String(p.code), label: localized(locale, p.nameTh, p.nameEn) })),
    crops: crops.map((c) => ({ value: c.code, label: localized(locale, c.nameTh, c.nameEn) })),
    centres: centres.map((c) => ({ value: c.id, label: `${c.nameTh} (${c.provinceNameTh})` })),
  };
}
