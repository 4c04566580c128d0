/**
 * Parcel fees by zone, the way Thai sellers quote them: "ในจังหวัด / กรุงเทพฯ และปริมณฑล /
 * ภาคเดียวกัน / ทั่วประเทศ". The customer's province falls in exactly one zone, the first that
 * matches in this order; a zone the co-op left without a fee gets no parcels.
 */
export const PARCEL_ZONES = ["province", "bangkok", "region", "country"] as const;
export type ParcelZone = (typeof PARCEL_ZONES)[number];
export type ParcelFees = Record<ParcelZone, number | null>;

/** Bangkok, Samut Prakan, Nonthaburi, Pathum Thani, Nakhon Pathom, Samut Sakhon. */
export const BANGKOK_AND_VICINITY: readonly number[] = [10, 11, 12, 13, 73, 74];

export type ThaiRegion = "central" | "north" | "northeast" | "south";

/**
 * The four regions of the National Statistical Office (the East and West count as central,
 * the lower North as north), read from the TIS 1099 province code's first digit.
 */
export function thaiRegionOf(provinceCode: number): ThaiRegion {
  const group = Math.floor(provinceCode / 10);
  if (group === 3 || group === 4) return "northeast";
  if (group === 5 || group === 6) return "north";
  if (group === 8 || group === 9) return "south";
  return "central";
}

export function parcelZoneOf(coopProvinceCode: number, customerProvinceCode: number): ParcelZone {
  if (customerProvinceCode === coopProvinceCode) return "province";
  if (BANGKOK_AND_VICINITY.includes(customerProvinceCode)) return "bangkok";
  if (thaiRegionOf(customerProvinceCode) === thaiRegionOf(coopProvinceCode)) return "region";
  return "country";
}

/** The fee for sending to the customer's province, or null when the co-op sends no parcels there. */
export function parcelFeeFor(fees: ParcelFees, coopProvinceCode: number, customerProvinceCode: number): { zone: ParcelZone; feeSatang: number | null } {
  const zone = parcelZoneOf(coopProvinceCode, customerProvinceCode);
  return { zone, feeSatang: fees[zone] };
}
