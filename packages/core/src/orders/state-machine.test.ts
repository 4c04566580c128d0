import { ORDER_STATUSES, PAYMENT_METHODS, type OrderStatus } from "@coop/db";
import { describe, expect, it } from "vitest";
import { canTransition, nextStatuses } from "./state-machine.ts";

const ALLOWED: ReadonlyArray<[OrderStatus, OrderStatus]> = [
  ["pending_payment", "payment_review"],
  ["pending_payment", "cancelled"],
  ["payment_review", "paid"],
  ["payment_review", "pending_payment"], // slip rejected: the customer pays again
  ["payment_review", "cancelled"],
  ["paid", "packed"],
  ["paid", "cancelled"],
  ["paid", "refunded"],
  ["packed", "shipped"],
  ["packed", "ready_for_pickup"],
  ["packed", "cancelled"],
  ["packed", "refunded"],
  ["shipped", "completed"],
  ["shipped", "refunded"],
  ["ready_for_pickup", "completed"],
  ["ready_for_pickup", "refunded"],
  ["completed", "refunded"],
];

const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));

describe("order state machine", () => {
  it.each(PAYMENT_METHODS)("allows exactly the listed transitions for %s orders (every pair checked)", (method) => {
    const expected = new Set(ALLOWED.map(([a, b]) => `${a}>${b}`));
    if (method === "cod") expected.add("pending_payment>packed");
    // Stripe pays by its events (no slip review) and refunds through refundOrder, which moves the money.
    if (method === "stripe") {
      for (const pair of [...expected]) {
        if (pair.endsWith(">refunded") || pair.endsWith(">payment_review") || (pair.endsWith(">cancelled") && !pair.startsWith("pending_payment>"))) expected.delete(pair);
      }
    }
    for (const [from, to] of pairs) {
      expect(canTransition(from, to, method), `${method}: ${from} → ${to}`).toBe(expected.has(`${from}>${to}`));
    }
  });

  it("never lets an order stay where it is or leave a final status", () => {
    for (const method of PAYMENT_METHODS) {
      for (const status of ORDER_STATUSES) expect(canTransition(status, status, method)).toBe(false);
      expect(nextStatuses("cancelled", method)).toEqual([]);
      expect(nextStatuses("refunded", method)).toEqual([]);
    }
  });

  it("lists the next statuses in lifecycle order", () => {
    expect(nextStatuses("pending_payment", "cod")).toEqual(["payment_review", "packed", "cancelled"]);
    expect(nextStatuses("packed", "promptpay")).toEqual(["shipped", "ready_for_pickup", "cancelled", "refunded"]);
  });
});
