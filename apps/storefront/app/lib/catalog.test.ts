import { describe, expect, it } from "vitest";
import { toProductView } from "./catalog.ts";
import type { PublicProduct } from "./types.ts";

const rice: PublicProduct = {
  id: "p1",
  nameTh: "ข้าวหอมมะลิ",
  nameEn: "Jasmine rice",
  descriptionTh: "ข้าวใหม่ต้นฤดู",
  descriptionEn: null,
  priceSatang: 4_550,
  unit: "kg",
  stock: 8,
  status: "available",
  photo: null,
};

describe("toProductView", () => {
  it("formats the price per unit in Thai", () => {
    expect(toProductView(rice, "th")).toEqual({
      id: "p1",
      name: { text: "ข้าวหอมมะลิ", lang: "th" },
      description: { text: "ข้าวใหม่ต้นฤดู", lang: "th" },
      price: "฿45.50 / กก.",
      stock: "low",
      unit: "kg",
      photo: null,
    });
  });

  it("uses English where the co-op wrote it, Thai otherwise", () => {
    const view = toProductView({ ...rice, priceSatang: 125_000, unit: "sack", stock: 40 }, "en");
    expect(view.name).toEqual({ text: "Jasmine rice", lang: "en" });
    expect(view.description).toEqual({ text: "ข้าวใหม่ต้นฤดู", lang: "th" });
    expect(view.price).toBe("฿1,250 / sack");
    expect(view.stock).toBe("in_stock");
  });

  it("has no description when the co-op wrote none", () => {
    expect(toProductView({ ...rice, descriptionTh: null }, "th").description).toBeNull();
    expect(toProductView({ ...rice, descriptionTh: "  " }, "en").description).toBeNull();
  });
});
