import { describe, expect, it } from "vitest";
import { parcelFeeFor, parcelZoneOf, thaiRegionOf } from "./parcel-zones.ts";

const KORAT = 30;
const fees = { province: 4000, bangkok: 6000, region: 5000, country: null };

describe("parcel zones", () => {
  it("puts each province in one region", () => {
    expect([10, 20, 27, 71, 77].map(thaiRegionOf)).toEqual(["central", "central", "central", "central", "central"]);
    expect([30, 38, 49].map(thaiRegionOf)).toEqual(["northeast", "northeast", "northeast"]);
    expect([50, 58, 65, 67].map(thaiRegionOf)).toEqual(["north", "north", "north", "north"]);
    expect([80, 86, 90, 96].map(thaiRegionOf)).toEqual(["south", "south", "south", "south"]);
  });

  it("takes the first zone that matches: own province, Bangkok and vicinity, own region, the rest", () => {
    expect(parcelZoneOf(KORAT, KORAT)).toBe("province");
    expect(parcelZoneOf(KORAT, 12)).toBe("bangkok"); // Nonthaburi
    expect(parcelZoneOf(KORAT, 40)).toBe("region"); // Khon Kaen
    expect(parcelZoneOf(KORAT, 50)).toBe("country"); // Chiang Mai
    // For a co-op near Bangkok, Bangkok is "Bangkok and vicinity", Ayutthaya its region, Nonthaburi its own province.
    expect(parcelZoneOf(12, 10)).toBe("bangkok");
    expect(parcelZoneOf(12, 14)).toBe("region");
    expect(parcelZoneOf(12, 12)).toBe("province");
  });

  it("gives the zone's fee, or null where the co-op sends no parcels", () => {
    expect(parcelFeeFor(fees, KORAT, KORAT)).toEqual({ zone: "province", feeSatang: 4000 });
    expect(parcelFeeFor(fees, KORAT, 10)).toEqual({ zone: "bangkok", feeSatang: 6000 });
    expect(parcelFeeFor(fees, KORAT, 31)).toEqual({ zone: "region", feeSatang: 5000 });
    expect(parcelFeeFor(fees, KORAT, 90)).toEqual({ zone: "country", feeSatang: null });
    expect(parcelFeeFor({ ...fees, province: 0 }, KORAT, KORAT).feeSatang).toBe(0);
  });
});
