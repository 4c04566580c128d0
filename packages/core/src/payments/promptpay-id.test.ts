import { describe, expect, it } from "vitest";
import { isValidThaiTaxId, normalizePromptPayId } from "./promptpay-id.ts";

describe("PromptPay ids", () => {
  it("accepts Thai mobile numbers, with or without separators", () => {
    expect(normalizePromptPayId("081-234-5678")).toBe("0812345678");
    expect(normalizePromptPayId("0912345678")).toBe("0912345678");
    expect(normalizePromptPayId("0612345678")).toBe("0612345678");
  });

  it("rejects landlines and wrong lengths", () => {
    expect(normalizePromptPayId("021234567")).toBeNull();
    expect(normalizePromptPayId("0212345678")).toBeNull();
    expect(normalizePromptPayId("08123")).toBeNull();
    expect(normalizePromptPayId("abc")).toBeNull();
  });

  it("checks the 13-digit id's check digit", () => {
    // 1-1014-00001-23-? : computed by hand: sum = 1*13+1*12+0*11+1*10+4*9+0*8+0*7+0*6+0*5+1*4+2*3+3*2 = 87; (11-87%11)%10 = (11-10)%10 = 1
    expect(isValidThaiTaxId("1101400001231")).toBe(true);
    expect(normalizePromptPayId("1-1014-00001-23-1")).toBe("1101400001231");
    expect(normalizePromptPayId("1101400001232")).toBeNull();
    expect(isValidThaiTaxId("0994000165510")).toBe(true);
  });
});
