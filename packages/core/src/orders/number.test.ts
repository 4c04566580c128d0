import { describe, expect, it } from "vitest";
import { formatOrderNumber, orderNumberPrefix, parseOrderNumber } from "./number.ts";

describe("order numbers", () => {
  it("use the first two letters or digits of the subdomain as prefix and six digits", () => {
    expect(formatOrderNumber("korat-rice", 123)).toBe("KO-000123");
    expect(formatOrderNumber("k-rice", 7)).toBe("KR-000007");
    expect(formatOrderNumber("9tree", 1_234_567)).toBe("9T-1234567");
    expect(orderNumberPrefix("ab")).toBe("AB");
  });

  it("are found from what staff type", () => {
    for (const text of ["KR-000123", "kr-000123", "KR000123", "000123", "123", " 123 ", "9T-000123"]) expect(parseOrderNumber(text), text).toBe(123);
    for (const text of ["", "KR-", "0812345678x", "ข้าว", "KR-12a"]) expect(parseOrderNumber(text), text).toBeNull();
  });
});
