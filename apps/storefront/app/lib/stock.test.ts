import { describe, expect, it } from "vitest";
import { stockState } from "./stock.ts";

describe("stockState", () => {
  it("follows the product status first", () => {
    expect(stockState({ status: "sold_out", stock: 50 })).toBe("sold_out");
    expect(stockState({ status: "coming_soon", stock: 0 })).toBe("coming_soon");
  });

  it("treats an available product with no stock as sold out", () => {
    expect(stockState({ status: "available", stock: 0 })).toBe("sold_out");
  });

  it("warns at ten or fewer left", () => {
    expect(stockState({ status: "available", stock: 1 })).toBe("low");
    expect(stockState({ status: "available", stock: 10 })).toBe("low");
    expect(stockState({ status: "available", stock: 11 })).toBe("in_stock");
  });
});
