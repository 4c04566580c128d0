import { describe, expect, it } from "vitest";
import { labelVisibility } from "./charts.tsx";
import { bands, compactNumber, linearScale, niceStep, niceTicks } from "./scale.ts";

describe("chart scales", () => {
  it("rounds steps up to 1, 2, 2.5 or 5 × 10^k", () => {
    expect([0.7, 1, 1.3, 2.2, 3, 7, 12, 0.03].map(niceStep)).toEqual([1, 1, 2, 2.5, 5, 10, 20, 0.05]);
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });

  it("covers the data from zero with whole-number ticks for counts", () => {
    expect(niceTicks([3, 17, 9])).toEqual({ min: 0, max: 20, step: 5, ticks: [0, 5, 10, 15, 20] });
    expect(niceTicks([2, 1])).toEqual({ min: 0, max: 2, step: 1, ticks: [0, 1, 2] });
    // A huge baht total still gets a handful of ticks.
    const big = niceTicks([123_456_789]);
    expect(big.ticks.length).toBeLessThanOrEqual(6);
    expect(big.max).toBeGreaterThanOrEqual(123_456_789);
  });

  it("gives an all-zero or empty series a 0…1 axis instead of dividing by zero", () => {
    expect(niceTicks([0, 0]).ticks).toEqual([0, 1]);
    expect(niceTicks([]).ticks).toEqual([0, 1]);
  });

  it("allows fractional steps when asked, without float noise", () => {
    expect(niceTicks([0.3], 3, false).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks([-5, 5], 4, true)).toMatchObject({ min: -6, max: 6, step: 3 });
  });

  it("maps linearly, flipped for SVG's downward y", () => {
    const y = linearScale(0, 20, 200, 0);
    expect([y(0), y(10), y(20)]).toEqual([200, 100, 0]);
    expect(linearScale(5, 5, 7, 9)(5)).toBe(7);
  });

  it("lays out bands with padding, centred", () => {
    const b = bands(4, 0, 400, 0.5);
    expect(b.width).toBe(50);
    expect([b.offset(0), b.center(0), b.offset(3)]).toEqual([25, 50, 325]);
    expect(bands(0, 0, 100).width).toBe(0);
  });

  it("abbreviates axis numbers", () => {
    expect(compactNumber(1200, "en-US")).toBe("1.2K");
    expect(compactNumber(0, "en-US")).toBe("0");
  });
});

describe("category labels", () => {
  it("labels every category up to seven, then every other one ending with the last, fewer on narrow screens", () => {
    expect(Array.from({ length: 5 }, (_, i) => labelVisibility(i, 5)).filter((v) => v !== "never")).toHaveLength(5);
    const twelve = Array.from({ length: 12 }, (_, i) => labelVisibility(i, 12));
    expect(twelve.at(-1)).toBe("always");
    expect(twelve.filter((v) => v !== "never")).toHaveLength(6);
    expect(twelve.filter((v) => v === "always")).toHaveLength(3);
  });
});
