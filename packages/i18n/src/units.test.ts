import { describe, expect, it } from "vitest";
import { UNIT_CODES, unitLabel } from "./units.ts";

describe("unitLabel", () => {
  it("labels units in Thai and English", () => {
    expect(unitLabel("kg", "th")).toBe("กก.");
    expect(unitLabel("kg", "en")).toBe("kg");
    expect(unitLabel("crate", "th")).toBe("ลัง");
    expect(unitLabel("sack", "th")).toBe("กระสอบ");
    expect(unitLabel("bunch", "en")).toBe("bunch");
  });

  it("shows an unknown code as it is", () => {
    expect(unitLabel("rai", "th")).toBe("rai");
    expect(unitLabel("toString", "en")).toBe("toString");
  });

  it("covers the thirteen product units", () => {
    expect(UNIT_CODES).toHaveLength(13);
    for (const code of UNIT_CODES) {
      expect(unitLabel(code, "th")).not.toBe("");
      expect(unitLabel(code, "en")).toBe(code);
    }
  });
});
