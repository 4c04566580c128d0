import { type Locale, t, TIME_ZONE } from "@coop/i18n";

/** "2027-03" → "มีนาคม 2570" (Buddhist era) or "March 2027". Null for anything else. */
export function formatHarvestMonth(month: string | null, locale: Locale): string | null {
  if (!month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return null;
  const tag = locale === "th" ? "th-TH-u-ca-buddhist" : "en-GB-u-ca-gregory";
  return new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: TIME_ZONE }).format(new Date(`${month}-15T00:00:00Z`));
}

/** A Google Maps search for an address (opens the app on phones). */
export function mapsSearchUrl(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}

/** LINE's "add friend" link for an official account ("@koratrice") or a personal id. */
export function lineAddUrl(lineId: string): string {
  return `https://line.me/R/ti/p/${encodeURIComponent(lineId.trim())}`;
}

export interface AddressParts {
  line: string | null;
  subdistrict: string | null;
  district: string | null;
  province: { code: number; nameTh: string; nameEn: string } | null;
  postcode: string | null;
}

const BANGKOK = 10;

/** A Thai postal address on one line ("99 หมู่ 1 ต.ในเมือง อ.เมือง จ.นครราชสีมา 30000"); empty when nothing is known. */
export function formatAddress(address: AddressParts, locale: Locale): string {
  const bangkok = address.province?.code === BANGKOK;
  const parts = [
    address.line,
    address.subdistrict ? t(locale, bangkok ? "about.bangkokSubdistrict" : "about.subdistrict", { name: address.subdistrict }) : null,
    address.district ? t(locale, bangkok ? "about.bangkokDistrict" : "about.district", { name: address.district }) : null,
    address.province ? (bangkok && locale === "th" ? address.province.nameTh : t(locale, "about.province", { name: locale === "th" ? address.province.nameTh : address.province.nameEn })) : null,
    address.postcode,
  ];
  return parts.filter((p): p is string => Boolean(p)).join(locale === "th" ? " " : ", ");
}

/** JSON inside <script>: `<` escaped so that no string can close the element. */
export function jsonLdHtml(value: unknown): { __html: string } {
  return { __html: JSON.stringify(value).replace(/</g, "\\u003c") };
}
