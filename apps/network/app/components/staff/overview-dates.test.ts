import { describe, expect, it } from "vitest";
import { bangkokToday, lastTwelveMonths, monthLabel, monthStart, queryDay } from "./overview-dates.ts";

describe("overview dates", () => {
  it("takes today in Bangkok, a day ahead of UTC late in the evening", () => {
    expect(bangkokToday(new Date("2026-09-30T17:30:00Z"))).toBe("2026-10-01");
    expect(bangkokToday(new Date("2026-09-30T16:59:00Z"))).toBe("2026-09-30");
    expect(monthStart("2026-10-17")).toBe("2026-10-01");
  });

  it("accepts only real calendar days from the query string", () => {
    expect(queryDay("2026-02-28")).toBe("2026-02-28");
    for (const bad of ["2026-02-30", "2026-13-01", "26-01-01", "", null, "2026-01-01'"]) expect(queryDay(bad)).toBeNull();
  });

  it("spans twelve months back across a year boundary", () => {
    expect(lastTwelveMonths("2026-03-09")).toEqual({ from: "2025-04-01", to: "2026-03-09" });
    expect(lastTwelveMonths("2026-12-31")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });

  it("labels months in the Buddhist era for Thai", () => {
    expect(monthLabel("2026-10", "th")).toBe("ต.ค. 69");
    expect(monthLabel("2026-10", "en")).toBe("Oct 26");
    expect(monthLabel("2026-10", "th", true)).toBe("ตุลาคม 2569");
  });
});
