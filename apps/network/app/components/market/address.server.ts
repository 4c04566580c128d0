import type { WebLoadContext } from "@coop/trpc";
import type { District, Subdistrict } from "@coop/ui";

/**
 * The district and sub-district lists of the address pickers for a province and a district (by
 * its Thai name, as orders store names), rendered on the server so checkout works without scripts.
 */
export async function addressOptions(
  trpc: WebLoadContext["trpc"],
  provinceCode: number | null,
  districtName: string | null,
): Promise<{ districts: District[]; subdistricts: Subdistrict[] }> {
  if (!provinceCode) return { districts: [], subdistricts: [] };
  const { items: districts } = await trpc.address.districts({ provinceCode });
  const district = districtName ? districts.find((d) => d.nameTh === districtName) : undefined;
  const subdistricts = district ? (await trpc.address.subdistricts({ districtCode: district.code })).items : [];
  return { districts, subdistricts };
}
