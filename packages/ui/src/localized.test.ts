import { describe, expect, it } from "vitest";
import { localized, paragraphs } from "./localized.ts";

describe("localized", () => {
  it("shows English only when asked for and present", () => {
    expect(localized("en", "ข้าวหอมมะลิ", "Jasmine rice")).toBe("Jasmine rice");
    expect(localized("en", "ข้าวหอมมะลิ", null)).toBe("ข้าวหอมมะลิ");
    expect(localized("en", "ข้าวหอมมะลิ", "")).toBe("ข้าวหอมมะลิ");
    expect(localized("th", "ข้าวหอมมะลิ", "Jasmine rice")).toBe("ข้าวหอมมะลิ");
  });
});

describe("paragraphs", () => {
  it("splits at blank lines and drops empty ones", () => {
    expect(paragraphs("หนึ่ง\nต่อ\n\n  \n\nสอง ")).toEqual(["หนึ่ง\nต่อ", "สอง"]);
    expect(paragraphs(null)).toEqual([]);
  });
});
