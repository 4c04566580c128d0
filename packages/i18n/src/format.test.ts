import { describe, expect, it } from "vitest";
import { formatBaht, formatDate } from "./format.ts";

describe("formatBaht", () => {
  it("drops the decimals for whole baht", () => {
    expect(formatBaht(125_000, "th")).toBe("฿1,250");
    expect(formatBaht(125_000, "en")).toBe("฿1,250");
    expect(formatBaht(0, "th")).toBe("฿0");
  });

  it("keeps two decimals when there are satang", () => {
    expect(formatBaht(4_550, "th")).toBe("฿45.50");
    expect(formatBaht(4_505, "en")).toBe("฿45.05");
    expect(formatBaht(1, "th")).toBe("฿0.01");
  });

  it("groups large amounts", () => {
    expect(formatBaht(123_456_789, "th")).toBe("฿1,234,567.89");
  });

  it("refuses fractional satang", () => {
    expect(() => formatBaht(10.5, "th")).toThrow(RangeError);
    expect(() => formatBaht(Number.NaN, "th")).toThrow(RangeError);
  });
});

describe("formatDate", () => {
  it("uses the Buddhist era in Thai: 543 years more than CE", () => {
    expect(formatDate("2026-11-26T05:00:00Z", "th")).toBe("26 พ.ย. 2569");
    expect(formatDate(new Date("2026-11-26T05:00:00Z"), "en")).toBe("26 Nov 2026");
    const year = (s: string) => Number(s.match(/\d{4}/)?.[0]);
    const d = new Date("2024-06-01T00:00:00Z");
    expect(year(formatDate(d, "th")) - year(formatDate(d, "en"))).toBe(543);
  });

  it("shows Bangkok's date, not UTC's, across midnight UTC", () => {
    // 20:00 UTC on 31 Dec is already 03:00 on 1 Jan in Bangkok (UTC+7).
    const lateUtc = "2025-12-31T20:00:00Z";
    expect(formatDate(lateUtc, "en")).toBe("1 Jan 2026");
    expect(formatDate(lateUtc, "th")).toBe("1 ม.ค. 2569");
    expect(formatDate(lateUtc, "th", "datetime")).toBe("1 ม.ค. 2569 03:00");
    // 16:59 UTC is 23:59 the same day in Bangkok.
    expect(formatDate("2025-12-31T16:59:00Z", "en")).toBe("31 Dec 2025");
  });

  it("offers a long style", () => {
    expect(formatDate("2026-11-26T05:00:00Z", "th", "long")).toBe("26 พฤศจิกายน 2569");
    expect(formatDate("2026-11-26T05:00:00Z", "en", "long")).toBe("26 November 2026");
  });

  it("rejects invalid dates", () => {
    expect(() => formatDate("not a date", "th")).toThrow(RangeError);
  });
});
