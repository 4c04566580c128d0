import { describe, expect, it } from "vitest";
import { type CardPaymentOrder, cardPayment } from "./card-payment.ts";

const now = new Date("2026-11-26T10:00:00Z");
const later = "2026-11-26T10:20:00Z";
const earlier = "2026-11-26T09:50:00Z";

function order(patch: Partial<CardPaymentOrder>): CardPaymentOrder {
  return {
    status: "pending_payment",
    paymentMethod: "stripe",
    payUrl: "https://checkout.stripe.com/c/pay/cs_test_1",
    expiresAt: later,
    events: [{ toStatus: "pending_payment", at: "2026-11-26T09:30:00Z" }],
    ...patch,
  };
}

describe("cardPayment", () => {
  it("says nothing for other ways to pay", () => {
    expect(cardPayment(order({ paymentMethod: "promptpay" }), { returned: true, now })).toBeNull();
  });

  it("offers Stripe's page while the order waits and the session is open", () => {
    expect(cardPayment(order({}), { returned: false, now })).toEqual({ kind: "pay", payUrl: "https://checkout.stripe.com/c/pay/cs_test_1", expiresAt: later });
  });

  it("confirms after the return from Stripe, keeping the link for a customer who did not finish", () => {
    expect(cardPayment(order({}), { returned: true, now })).toEqual({ kind: "confirming", payUrl: "https://checkout.stripe.com/c/pay/cs_test_1", expiresAt: later });
  });

  it("says paid once the order moved on after the return, and nothing on a plain visit", () => {
    expect(cardPayment(order({ status: "paid" }), { returned: true, now })).toEqual({ kind: "paid" });
    expect(cardPayment(order({ status: "packed" }), { returned: false, now })).toBeNull();
  });

  it("says the time ran out when the session expired, before and after the order is cancelled", () => {
    expect(cardPayment(order({ payUrl: null, expiresAt: earlier }), { returned: false, now })).toEqual({ kind: "expired" });
    const cancelled = order({
      status: "cancelled",
      payUrl: null,
      expiresAt: earlier,
      events: [
        { toStatus: "pending_payment", at: "2026-11-26T09:20:00Z" },
        { toStatus: "cancelled", at: "2026-11-26T09:51:00Z" },
      ],
    });
    expect(cardPayment(cancelled, { returned: false, now })).toEqual({ kind: "expired" });
  });

  it("does not call a cancellation by the co-op before the expiry a timeout", () => {
    const cancelled = order({
      status: "cancelled",
      payUrl: null,
      expiresAt: later,
      events: [
        { toStatus: "pending_payment", at: "2026-11-26T09:30:00Z" },
        { toStatus: "cancelled", at: "2026-11-26T09:40:00Z" },
      ],
    });
    expect(cardPayment(cancelled, { returned: false, now })).toBeNull();
  });

  it("admits a waiting order with no page to pay on", () => {
    expect(cardPayment(order({ payUrl: null }), { returned: false, now })).toEqual({ kind: "unavailable" });
  });
});
