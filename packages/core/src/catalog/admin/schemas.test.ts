import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { currentMonth, parseHarvestMonth } from "./harvest.ts";
import { adjustStockInput, createProductInput, listAdminProductsInput, updateProductInput } from "./schemas.ts";

/** field → message key of the first issue on each field, as forms receive them. */
function fieldErrors(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  const fields: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) fields[issue.path.join(".")] ??= issue.message;
  return fields;
}

const valid = { nameTh: "ข้าวหอมมะลิ", price: "45", unit: "kg", status: "available" };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  // Half past midnight on 1 April in Bangkok, still 31 March in UTC.
  vi.setSystemTime(new Date("2026-03-31T17:30:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("harvest months", () => {
  it("uses the month in Bangkok, not UTC", () => {
    expect(currentMonth()).toBe("2026-04");
    expect(currentMonth(new Date("2026-03-31T16:59:59Z"))).toBe("2026-03");
  });

  it("reads YYYY-MM, converts Buddhist-era years and refuses the rest", () => {
    expect(parseHarvestMonth("2026-11")).toBe("2026-11");
    expect(parseHarvestMonth("2569-11")).toBe("2026-11");
    expect(parseHarvestMonth("๒๕๖๙-๑๑")).toBe("2026-11");
    expect(parseHarvestMonth("2026/3")).toBe("2026-03");
    for (const bad of ["2026-13", "2026-00", "26-11", "November", "2026-1-1", "1999-01", ""]) expect(parseHarvestMonth(bad), bad).toBeNull();
  });
});

describe("createProductInput", () => {
  it("parses a product typed into the form", () => {
    const parsed = createProductInput.parse({
      ...valid, nameTh: "  ข้าวหอมมะลิ  ", nameEn: "", descriptionTh: " หอม ", price: "1,250.50", categoryId: "rice", initialStock: "1,000",
    });
    expect(parsed).toMatchObject({ nameTh: "ข้าวหอมมะลิ", nameEn: null, descriptionTh: "หอม", price: 125050, unit: "kg", categoryId: "rice", initialStock: 1000, status: "available" });
  });

  it("names each bad field with a message key", () => {
    const result = createProductInput.safeParse({
      nameTh: "", nameEn: "x".repeat(201), descriptionTh: "x".repeat(5001), price: "12,50", unit: "tonne", status: "gone", categoryId: "Rice!", initialStock: "-1",
    });
    expect(fieldErrors(result)).toEqual({
      nameTh: "validation.required",
      nameEn: "validation.too_long",
      descriptionTh: "validation.too_long",
      price: "catalog.price_invalid",
      unit: "catalog.unit_invalid",
      status: "catalog.status_invalid",
      categoryId: "catalog.category_invalid",
      initialStock: "catalog.stock_invalid",
    });
  });

  it("requires the Thai name, a price and a unit", () => {
    expect(fieldErrors(createProductInput.safeParse({}))).toMatchObject({ nameTh: "validation.required", price: "validation.required", unit: "validation.required" });
    expect(fieldErrors(createProductInput.safeParse({ ...valid, nameTh: "   ", price: " ", unit: "" }))).toEqual({
      nameTh: "validation.required", price: "validation.required", unit: "validation.required",
    });
    expect(fieldErrors(createProductInput.safeParse({ ...valid, nameTh: "ก".repeat(201) }))).toEqual({ nameTh: "validation.too_long" });
    expect(createProductInput.safeParse({ ...valid, nameTh: "ก".repeat(200) }).success).toBe(true);
  });

  it("refuses a missing or malformed body without crashing", () => {
    expect(createProductInput.safeParse(undefined).success).toBe(false);
    expect(createProductInput.safeParse("x").success).toBe(false);
    expect(updateProductInput.safeParse(null).success).toBe(false);
  });

  it("explains price problems precisely", () => {
    expect(fieldErrors(createProductInput.safeParse({ ...valid, price: "45.555" }))).toEqual({ price: "catalog.price_decimals" });
    expect(fieldErrors(createProductInput.safeParse({ ...valid, price: "1,000,001" }))).toEqual({ price: "catalog.price_too_high" });
    expect(fieldErrors(createProductInput.safeParse({ ...valid, price: "-1" }))).toEqual({ price: "catalog.price_invalid" });
  });

  it("bounds the opening stock and treats an empty one as zero", () => {
    expect(createProductInput.parse({ ...valid, initialStock: "" }).initialStock).toBeUndefined();
    expect(createProductInput.parse({ ...valid, initialStock: 1_000_000 }).initialStock).toBe(1_000_000);
    for (const bad of ["1000001", "1.5", "ten", -3]) {
      expect(fieldErrors(createProductInput.safeParse({ ...valid, initialStock: bad })), String(bad)).toEqual({ initialStock: "catalog.stock_invalid" });
    }
  });

  it("needs a harvest month for coming-soon products, and not one already past", () => {
    expect(fieldErrors(createProductInput.safeParse({ ...valid, status: "coming_soon" }))).toEqual({ expectedHarvest: "catalog.harvest_required" });
    expect(fieldErrors(createProductInput.safeParse({ ...valid, status: "coming_soon", expectedHarvest: "" }))).toEqual({ expectedHarvest: "catalog.harvest_required" });
    expect(fieldErrors(createProductInput.safeParse({ ...valid, status: "coming_soon", expectedHarvest: "2026-03" }))).toEqual({ expectedHarvest: "catalog.harvest_past" });
    expect(fieldErrors(createProductInput.safeParse({ ...valid, status: "coming_soon", expectedHarvest: "next year" }))).toEqual({ expectedHarvest: "catalog.harvest_invalid" });
    expect(createProductInput.parse({ ...valid, status: "coming_soon", expectedHarvest: "2026-04" }).expectedHarvest).toBe("2026-04");
    expect(createProductInput.parse({ ...valid, status: "coming_soon", expectedHarvest: "2569-12" }).expectedHarvest).toBe("2026-12");
    // Reported together with the other fields' problems, not after they are fixed.
    expect(fieldErrors(createProductInput.safeParse({ ...valid, nameTh: "", status: "coming_soon" }))).toEqual({
      nameTh: "validation.required", expectedHarvest: "catalog.harvest_required",
    });
  });
});

describe("updateProductInput", () => {
  it("accepts any subset of fields", () => {
    const id = "0b7e7c52-8a4e-4f3c-9d38-6f1a2b3c4d5e";
    expect(updateProductInput.parse({ productId: id, price: "50" })).toEqual({ productId: id, price: 5000 });
    expect(fieldErrors(updateProductInput.safeParse({ productId: "nope" }))).toEqual({ productId: "catalog.product_not_found" });
    expect(fieldErrors(updateProductInput.safeParse({ productId: id, status: "coming_soon", expectedHarvest: "" }))).toEqual({ expectedHarvest: "catalog.harvest_required" });
  });
});

describe("adjustStockInput", () => {
  const productId = "0b7e7c52-8a4e-4f3c-9d38-6f1a2b3c4d5e";
  it("takes a signed whole number and a reason", () => {
    expect(adjustStockInput.parse({ productId, delta: "-7", reason: " ขายหน้าร้าน " })).toEqual({ productId, delta: -7, reason: "ขายหน้าร้าน" });
    expect(adjustStockInput.parse({ productId, delta: 12, reason: "รับผลผลิต" }).delta).toBe(12);
  });

  it("refuses zero, fractions, huge numbers and a missing or long reason", () => {
    expect(fieldErrors(adjustStockInput.safeParse({ productId, delta: "0", reason: "x" }))).toEqual({ delta: "catalog.delta_zero" });
    expect(fieldErrors(adjustStockInput.safeParse({ productId, delta: "", reason: "" }))).toEqual({ delta: "validation.required", reason: "validation.required" });
    expect(fieldErrors(adjustStockInput.safeParse({ productId, delta: "1.5", reason: "x".repeat(201) }))).toEqual({ delta: "catalog.delta_invalid", reason: "validation.too_long" });
    expect(fieldErrors(adjustStockInput.safeParse({ productId, delta: 1_000_001, reason: "x" }))).toEqual({ delta: "catalog.delta_invalid" });
  });
});

describe("listAdminProductsInput", () => {
  it("has defaults and a bounded page size", () => {
    expect(listAdminProductsInput.parse(undefined)).toEqual({ archived: "active", sort: "updated", limit: 20, offset: 0 });
    expect(listAdminProductsInput.safeParse({ limit: 101 }).success).toBe(false);
    expect(listAdminProductsInput.safeParse({ limit: 100 }).success).toBe(true);
  });
});
