import { describe, expect, it } from "vitest";
import { isMapFigure, mapSteps } from "./province-map.tsx";

describe("province map colours", () => {
  it("keeps zero apart and splits the rest at round bounds, darkest for the largest", () => {
    const { bounds, stepOf } = mapSteps([0, 3, 9, 17]);
    expect(bounds).toEqual([5, 10, 15, 20]);
    expect([0, 1, 5, 6, 17, 20].map(stepOf)).toEqual([0, 1, 1, 2, 4, 4]);
  });

  it("copes with all zeros and a single value", () => {
    expect(mapSteps([0, 0]).stepOf(0)).toBe(0);
    expect(mapSteps([1]).stepOf(1)).toBe(1);
  });

  it("accepts only the known figures from the query string", () => {
    expect(["coops", "sales", "links"].every(isMapFigure)).toBe(true);
    expect(["", "drop", null, "Coops"].some(isMapFigure)).toBe(false);
  });
});
