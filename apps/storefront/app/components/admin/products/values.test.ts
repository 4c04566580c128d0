import { describe, expect, it } from "vitest";
import {
  EMPTY_PRODUCT,
  formatDelta,
  isProductId,
  listHref,
  listInput,
  productInput,
  readListQuery,
  readProductForm,
  satangToBahtInput,
  stockDelta,
  stockView,
  systemReason,
} from "./values.ts";

describe("product form values", () => {
  it("shows satang as the baht a person would type", () => {
    expect(satangToBahtInput(4500)).toBe("45");
    expect(satangToBahtInput(125050)).toBe("1250.50");
    expect(satangToBahtInput(4505)).toBe("45.05");
    expect(satangToBahtInput(29)).toBe("0.29");
    expect(satangToBahtInput(0)).toBe("0");
  });

  it("reads every field as typed, missing ones empty", () => {
    const form = new FormData();
    form.set("nameTh", " ข้าว ");
    form.set("price", "1,250.50");
    form.set("status", "coming_soon");
    const values = readProductForm(form);
    expect(values).toEqual({ ...EMPTY_PRODUCT, nameTh: " ข้าว ", price: "1,250.50", status: "coming_soon", unit: "" });
    expect(productInput(values)).not.toHaveProperty("initialStock");
    expect(productInput({ ...values, status: "nonsense" }).status).toBeUndefined();
  });
});

describe("stock adjustments", () => {
  it("turns a direction and an amount into a signed delta, leaving bad amounts for the server to refuse", () => {
    expect(stockDelta("add", "5")).toBe("5");
    expect(stockDelta("remove", " 7 ")).toBe("-7");
    expect(stockDelta("remove", "1,000")).toBe("-1,000");
    expect(stockDelta("add", "")).toBe("");
    expect(stockDelta("remove", "-3")).toBe("invalid");
    expect(stockDelta("add", "2.5")).toBe("invalid");
  });

  it("writes changes with a real minus sign and names system reasons", () => {
    expect(formatDelta(5)).toBe("+5");
    expect(formatDelta(-3)).toBe("−3");
    expect(systemReason("initial_stock")).toBe("admin.products.stock.reason.initial");
    expect(systemReason("ขายหน้าร้าน")).toBeUndefined();
    expect(systemReason("constructor")).toBeUndefined();
  });

  it("badges products as customers would see them", () => {
    const p = { status: "available" as const, stock: 12, archivedAt: null };
    expect(stockView(p)).toBe("in_stock");
    expect(stockView({ ...p, stock: 5 })).toBe("low");
    expect(stockView({ ...p, stock: 0 })).toBe("sold_out");
    expect(stockView({ ...p, status: "hidden" })).toBe("hidden");
    expect(stockView({ ...p, status: "coming_soon", stock: 0 })).toBe("coming_soon");
    expect(stockView({ ...p, archivedAt: "2026-01-01T00:00:00.000Z" })).toBe("archived");
  });
});

describe("the list's query string", () => {
  it("reads filters, ignoring junk, and pages", () => {
    const query = readListQuery(new URL("http://x.localhost/admin/products?q=%20ข้าว%20&status=hidden&category=rice&archived=1&sort=price_desc&page=3"));
    expect(query).toEqual({ q: "ข้าว", status: "hidden", categoryId: "rice", archived: true, sort: "price_desc", page: 3 });
    expect(listInput(query)).toEqual({ q: "ข้าว", status: "hidden", categoryId: "rice", archived: "archived", sort: "price_desc", limit: 20, offset: 40 });
    const junk = readListQuery(new URL("http://x.localhost/admin/products?status=gone&category=../x&sort=evil&page=-2"));
    expect(junk).toEqual({ q: "", status: "", categoryId: "", archived: false, sort: "updated", page: 1 });
    expect(listInput(junk)).toEqual({ archived: "active", sort: "updated", limit: 20, offset: 0 });
  });

  it("round-trips through links, leaving defaults out", () => {
    expect(listHref(readListQuery(new URL("http://x.localhost/admin/products")))).toBe("/admin/products");
    const href = listHref({ q: "ข้าว หอม", status: "available", categoryId: "", archived: false, sort: "name", page: 2 });
    expect(readListQuery(new URL(href, "http://x.localhost"))).toEqual({ q: "ข้าว หอม", status: "available", categoryId: "", archived: false, sort: "name", page: 2 });
  });

  it("knows a product id when it sees one", () => {
    expect(isProductId("0b7e7c52-8a4e-4f3c-9d38-6f1a2b3c4d5e")).toBe(true);
    expect(isProductId("new")).toBe(false);
    expect(isProductId(undefined)).toBe(false);
  });
});
