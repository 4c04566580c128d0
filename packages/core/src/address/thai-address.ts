import { getDistricts, getSubDistricts } from "thai-address-universal";

export interface AddressOption {
  code: string;
  nameTh: string;
  nameEn: string;
}

/**
 * Districts (อำเภอ/เขต) and sub-districts (ตำบล/แขวง) with postcodes, from the bundled
 * Thai administrative address dataset (official geocodes), for cascading address pickers.
 */
export async function listDistricts(provinceCode: number): Promise<AddressOption[]> {
  const items = await getDistricts(String(provinceCode));
  return items.map((d) => ({ code: d.code, nameTh: d.nameTh, nameEn: d.nameEn })).sort((a, b) => a.nameTh.localeCompare(b.nameTh, "th"));
}

export async function listSubdistricts(districtCode: string): Promise<Array<AddressOption & { postcode: string }>> {
  if (!/^\d{4}$/.test(districtCode)) return [];
  const items = await getSubDistricts(districtCode);
  return items
    .map((s) => ({ code: s.code, nameTh: s.nameTh, nameEn: s.nameEn, postcode: s.postalCode ?? "" }))
    .sort((a, b) => a.nameTh.localeCompare(b.nameTh, "th"));
}
