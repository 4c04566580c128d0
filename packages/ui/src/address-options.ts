import type { District, Subdistrict } from "./AddressFields.tsx";

/** The two procedures the address pickers' lists come from, as a loader's tRPC caller has them. */
export interface AddressListCaller {
  address: {
    districts(input: { provinceCode: number }): Promise<{ items: District[] }>;
    subdistricts(input: { districtCode: string }): Promise<{ items: Subdistrict[] }>;
  };
}

export interface AddressOptions {
  districts: District[];
  subdistricts: Subdistrict[];
}

/**
 * The district and sub-district lists of the address pickers for a province and a district (by
 * its Thai name, as addresses store names), read in a loader or action so the pickers work
 * without scripts. Takes the caller rather than importing one: this package stays free of
 * server code, and each app passes its own load context's `trpc`.
 */
export async function addressOptions(trpc: AddressListCaller, provinceCode: number | null, districtName: string | null): Promise<AddressOptions> {
  if (!provinceCode) return { districts: [], subdistricts: [] };
  const { items: districts } = await trpc.address.districts({ provinceCode });
  const district = districtName ? districts.find((d) => d.nameTh === districtName) : undefined;
  const subdistricts = district ? (await trpc.address.subdistricts({ districtCode: district.code })).items : [];
  return { districts, subdistricts };
}
