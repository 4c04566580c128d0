import { describe, expect, it } from "vitest";
import { marketAddedPath, safeMarketReturnTo } from "./return-to.ts";

describe("safeMarketReturnTo", () => {
  it("keeps the listing's filters", () => {
    expect(safeMarketReturnTo("/market?q=rice&page=2")).toBe("/market?q=rice&page=2");
    expect(safeMarketReturnTo("/market")).toBe("/market");
  });
  it("drops an earlier notice so notices do not pile up", () => {
    expect(safeMarketReturnTo("/market?added=abc&q=rice")).toBe("/market?q=rice");
  });
  it("never leaves the listing", () => {
    for (const bad of ["https://evil.example/market", "//evil.example/market", "/staff", "/market/../staff", "javascript:alert(1)", null, ""]) {
      expect(safeMarketReturnTo(bad)).toBe("/market");
    }
  });
  it("adds the notice after the filters", () => {
    expect(marketAddedPath("/market", "p1")).toBe("/market?added=p1");
    expect(marketAddedPath("/market?q=a", "p1")).toBe("/market?q=a&added=p1");
  });
});
