import { describe, expect, it } from "vitest";
import { parseRefundAmount, refundableSatang } from "./refund.ts";

describe("refundableSatang", () => {
  it("is what was paid and not yet given back", () => {
    expect(refundableSatang({ status: "completed", totalSatang: 25_000, amountRefundedSatang: 0 })).toBe(25_000);
    expect(refundableSatang({ status: "shipped", totalSatang: 25_000, amountRefundedSatang: 5_050 })).toBe(19_950);
  });

  it("is nothing before payment, after cancelling, or once everything is back", () => {
    expect(refundableSatang({ status: "pending_payment", totalSatang: 25_000, amountRefundedSatang: 0 })).toBe(0);
    expect(refundableSatang({ status: "payment_review", totalSatang: 25_000, amountRefundedSatang: 0 })).toBe(0);
    expect(refundableSatang({ status: "cancelled", totalSatang: 25_000, amountRefundedSatang: 0 })).toBe(0);
    expect(refundableSatang({ status: "refunded", totalSatang: 25_000, amountRefundedSatang: 25_000 })).toBe(0);
    expect(refundableSatang({ status: "paid", totalSatang: 25_000, amountRefundedSatang: 25_000 })).toBe(0);
  });
});

describe("parseRefundAmount", () => {
  const max = 150_000;
  it.each([
    ["120", 12_000],
    ["45.5", 4_550],
    ["0.29", 29],
    ["1,250.50", 125_050],
    ["฿45", 4_500],
    ["45 บาท", 4_500],
    ["๔๕.๕๐", 4_550],
    [" 1500 ", 150_000],
  ])("reads %j exactly as %i satang", (text, satang) => {
    expect(parseRefundAmount(text, max)).toEqual({ ok: true, satang });
  });

  it.each([
    ["", "stripeShop.refund.amountRequired"],
    ["   ", "stripeShop.refund.amountRequired"],
    ["abc", "stripeShop.refund.amountInvalid"],
    ["12,34", "stripeShop.refund.amountInvalid"],
    ["-5", "stripeShop.refund.amountInvalid"],
    ["1e3", "stripeShop.refund.amountInvalid"],
    [".", "stripeShop.refund.amountInvalid"],
    ["4.555", "stripeShop.refund.amountDecimals"],
    ["0", "stripeShop.refund.amountZero"],
    ["0.00", "stripeShop.refund.amountZero"],
    ["1500.01", "stripeShop.refund.amountTooHigh"],
    ["99999999", "stripeShop.refund.amountTooHigh"],
  ])("refuses %j with %s", (text, message) => {
    expect(parseRefundAmount(text, max)).toEqual({ ok: false, message });
  });
});
