import { describe, expect, it } from "vitest";
import { formatAddress, formatHarvestMonth, jsonLdHtml, lineAddUrl, mapsSearchUrl } from "./format.ts";

describe("catalog formatting", () => {
  it("shows a harvest month in the Buddhist era in Thai", () => {
    expect(formatHarvestMonth("2027-03", "th")).toBe("มีนาคม 2570");
    expect(formatHarvestMonth("2027-03", "en")).toBe("March 2027");
    expect(formatHarvestMonth("2027-13", "th")).toBeNull();
    expect(formatHarvestMonth(null, "th")).toBeNull();
  });

  it("builds map and LINE links with the text encoded", () => {
    expect(mapsSearchUrl("99 หมู่ 1 & 2")).toBe(`https://www.google.com/maps/search/?api=1&query=${encodeURIComponent("99 หมู่ 1 & 2")}`);
    expect(lineAddUrl(" @koratrice ")).toBe("https://line.me/R/ti/p/%40koratrice");
  });

  it("writes a Thai address with the right prefixes", () => {
    const province = { code: 30, nameTh: "นครราชสีมา", nameEn: "Nakhon Ratchasima" };
    expect(formatAddress({ line: "99 หมู่ 1", subdistrict: "ในเมือง", district: "เมือง", province, postcode: "30000" }, "th")).toBe(
      "99 หมู่ 1 ต.ในเมือง อ.เมือง จ.นครราชสีมา 30000",
    );
    const bangkok = { code: 10, nameTh: "กรุงเทพมหานคร", nameEn: "Bangkok" };
    expect(formatAddress({ line: null, subdistrict: "ลาดยาว", district: "จตุจักร", province: bangkok, postcode: null }, "th")).toBe("แขวงลาดยาว เขตจตุจักร กรุงเทพมหานคร");
    expect(formatAddress({ line: null, subdistrict: null, district: null, province: null, postcode: null }, "th")).toBe("");
  });

  it("escapes < in JSON-LD", () => {
    expect(jsonLdHtml({ name: "</script><script>" }).__html).toBe('{"name":"\\u003c/script>\\u003cscript>"}');
  });
});
