import type { AddressOptions, Caller } from "./address.ts";

/**
 * The choices of the cascading address pickers for a province and a district (by its Thai
 * name, as the co-op's address stores names): rendered on the server so the form works
 * without scripts.
 */
export async function addressOptions(trpc: Caller, provinceCode: number | null, districtName: string | null): Promise<AddressOptions> {
  if (!provinceCode) return { districts: [], subdistricts: [] };
  const { items: districts } = await trpc.address.districts({ provinceCode });
  const district = districtName ? districts.find((d) => d.nameTh === districtName) : undefined;
  const subdistricts = district ? (await trpc.address.subdistricts({ districtCode: district.code })).items : [];
  return { districts, subdistricts };
}
