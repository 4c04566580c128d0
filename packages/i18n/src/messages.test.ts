import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { interpolate, t, translator, type Messages } from "./messages.ts";
import { th } from "./th.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogues", () => {
  it("have exactly the same keys in Thai and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(th).sort());
  });

  it("use the same placeholders in both languages, and no empty message", () => {
    for (const key of Object.keys(th) as (keyof typeof th)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(th[key]));
      expect(th[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
    }
  });

  it("are checked by the compiler (typecheck fails if these lines stop erroring)", () => {
    // @ts-expect-error a catalogue missing keys is not a Messages
    const partial: Messages = { "stock.soldOut": "Sold out" };
    // @ts-expect-error a message with {slug} needs its params
    const missingParams = t("th", "error.unknownSite.body");
    // @ts-expect-error a message without placeholders takes no params
    const extraParams = t("th", "stock.soldOut", { x: 1 });
    expect([partial, missingParams, extraParams]).toHaveLength(3);
  });
});

describe("t", () => {
  it("looks messages up by locale", () => {
    expect(t("th", "stock.soldOut")).toBe("หมดแล้ว");
    expect(t("en", "stock.soldOut")).toBe("Sold out");
  });

  it("interpolates {name} parameters", () => {
    expect(t("th", "error.unknownSite.body", { slug: "korat-rice" })).toContain("“korat-rice”");
    expect(t("en", "store.pricePerUnit", { price: "฿45", unit: "kg" })).toBe("฿45 / kg");
    expect(translator("th")("network.coops.count", { count: 12 })).toBe("12 แห่ง");
  });

  it("leaves unknown placeholders visible rather than blank", () => {
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
    expect(interpolate("{constructor}", {})).toBe("{constructor}");
  });
});
