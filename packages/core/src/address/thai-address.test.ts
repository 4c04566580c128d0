import { describe, expect, it } from "vitest";
import { listDistricts, listSubdistricts } from "./thai-address.ts";

describe("Thai address data", () => {
  it("lists the districts of Nakhon Ratchasima, with Mueang among them", async () => {
    const districts = await listDistricts(30);
    expect(districts.length).toBeGreaterThan(25);
    const mueang = districts.find((d) => d.nameTh.includes("เมืองนครราชสีมา"));
    expect(mueang).toBeDefined();
    const subs = await listSubdistricts(mueang!.code);
    expect(subs.length).toBeGreaterThan(10);
    expect(subs.find((s) => s.nameTh === "ในเมือง")?.postcode).toBe("30000");
  });

  it("answers nothing for codes that do not exist", async () => {
    expect(await listSubdistricts("../../etc")).toEqual([]);
  });
});
