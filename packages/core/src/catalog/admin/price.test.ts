import { describe, expect, it } from "vitest";
import { MAX_PRICE_SATANG, parseBahtToSatang } from "./price.ts";

const satang = (input: string | number) => {
  const result = parseBahtToSatang(input);
  return result.ok ? result.satang : result.problem;
};

describe("parseBahtToSatang", () => {
  it.each([
    ["45", 4500],
    ["45.5", 4550],
    ["45.50", 4550],
    ["45.05", 4505],
    ["1,250.50", 125050],
    ["1,250", 125000],
    ["12,345,678", "too_high"],
    ["1,000,000", 100_000_000],
    ["1000000.00", 100_000_000],
    ["0", 0],
    ["0.00", 0],
    ["0.29", 29], // 0.29 * 100 is 28.999999999999996 in floating point
    ["0.57", 57],
    ["1.15", 115],
    ["8.2", 820],
    [".5", 50],
    ["45.", 4500],
    ["045", 4500],
    ["  45  ", 4500],
    ["฿45", 4500],
    ["฿ 1,250.50", 125050],
    ["45 บาท", 4500],
    ["45บาท", 4500],
    ["120 บ.", 12000],
    ["๔๕", 4500],
    ["๑,๒๕๐.๕๐", 125050],
    [45.5, 4550],
    [1250, 125000],
  ])("%j → %j", (input, expected) => {
    expect(satang(input)).toBe(expected);
  });

  it.each([
    ["", "required"],
    ["   ", "required"],
    ["฿", "required"],
    ["บาท", "required"],
    [".", "invalid"],
    ["-5", "invalid"],
    ["+5", "invalid"],
    ["abc", "invalid"],
    ["45 baht", "invalid"],
    ["1e3", "invalid"],
    ["12,50", "invalid"], // a decimal comma is not Thai usage: refuse rather than guess
    ["1,2500", "invalid"],
    [",250", "invalid"],
    ["1,250,", "invalid"],
    ["1 250", "invalid"],
    ["1.2.3", "invalid"],
    ["45.555", "decimals"],
    ["0.001", "decimals"],
    ["1,000,000.01", "too_high"],
    ["1000001", "too_high"],
    ["99999999999999999999", "too_high"],
    [Number.NaN, "invalid"],
    [Number.POSITIVE_INFINITY, "invalid"],
    [-1, "invalid"],
    [1e21, "invalid"],
  ])("%j is refused (%s)", (input, problem) => {
    expect(satang(input)).toBe(problem);
  });

  it("keeps the whole range exact, cent by cent, with no float error", () => {
    for (let s = 0; s <= 100_000; s += 7) {
      const text = `${Math.trunc(s / 100)}.${String(s % 100).padStart(2, "0")}`;
      expect(satang(text)).toBe(s);
    }
    expect(satang("999999.99")).toBe(MAX_PRICE_SATANG - 1);
  });
});
