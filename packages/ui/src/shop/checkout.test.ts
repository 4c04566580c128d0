import { describe, expect, it } from "vitest";
import { requestedQuantity } from "./cart.tsx";
import { settleAddressDraft, typedAddress } from "./checkout.tsx";

const EMPTY = { addressLine: "", addressProvinceCode: "", addressDistrict: "", addressSubdistrict: "", addressPostcode: "" };

describe("typedAddress", () => {
  it("is undefined while nothing of the address is typed (pickup sends none)", () => {
    expect(typedAddress(EMPTY)).toBeUndefined();
    expect(typedAddress({ ...EMPTY, addressLine: "   " })).toBeUndefined();
  });

  it("sends what was typed, the province as a number, so the procedure can say what is missing", () => {
    expect(typedAddress({ ...EMPTY, addressLine: "12 หมู่ 3", addressProvinceCode: "30" })).toEqual({
      line: "12 หมู่ 3",
      subdistrict: "",
      district: "",
      provinceCode: 30,
      postcode: "",
    });
  });
});

describe("settleAddressDraft", () => {
  const address = {
    districts: [{ code: "3001", nameTh: "เมืองนครราชสีมา", nameEn: null }],
    subdistricts: [{ code: "300101", nameTh: "ในเมือง", nameEn: null, postcode: "30000" }],
  };

  it("keeps a district and sub-district the new lists have, and takes the sub-district's postcode", () => {
    const values = { ...EMPTY, addressProvinceCode: "30", addressDistrict: "เมืองนครราชสีมา", addressSubdistrict: "ในเมือง", addressPostcode: "1" };
    settleAddressDraft(values, address);
    expect(values).toMatchObject({ addressDistrict: "เมืองนครราชสีมา", addressSubdistrict: "ในเมือง", addressPostcode: "30000" });
  });

  it("clears choices of another province (and their postcode)", () => {
    const values = { ...EMPTY, addressProvinceCode: "30", addressDistrict: "บางรัก", addressSubdistrict: "สีลม", addressPostcode: "10500" };
    settleAddressDraft(values, address);
    expect(values).toMatchObject({ addressDistrict: "", addressSubdistrict: "", addressPostcode: "" });
  });
});

describe("requestedQuantity", () => {
  const form = (quantity: string) => {
    const f = new FormData();
    f.set("quantity", quantity);
    return f;
  };

  it("reads the typed quantity, one less or one more", () => {
    expect(requestedQuantity(form(" 3 "), "update")).toBe(3);
    expect(requestedQuantity(form("3"), "dec")).toBe(2);
    expect(requestedQuantity(form("3"), "inc")).toBe(4);
    expect(requestedQuantity(form("2.7"), "update")).toBe(2);
  });

  it("is NaN for a box without a number, which the procedure refuses with its message", () => {
    expect(requestedQuantity(form("two"), "update")).toBeNaN();
  });
});
