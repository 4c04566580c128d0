import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { bangkokToday, DateField, isoDateFromForm } from "./network-date-field.tsx";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
};

describe("the meeting form's date", () => {
  it("rebuilds an ISO date from the day, month and common-era year", () => {
    expect(isoDateFromForm(form({ heldOn_day: "5", heldOn_month: "11", heldOn_year: "2026" }), "heldOn")).toBe("2026-11-05");
    // An impossible day passes through: the schema names it, so the form can say which field is wrong.
    expect(isoDateFromForm(form({ heldOn_day: "31", heldOn_month: "2", heldOn_year: "2026" }), "heldOn")).toBe("2026-02-31");
  });

  it("is empty when a part is missing or not a number", () => {
    expect(isoDateFromForm(form({ heldOn_day: "5", heldOn_month: "", heldOn_year: "2026" }), "heldOn")).toBe("");
    expect(isoDateFromForm(form({ heldOn_day: "5", heldOn_month: "11; DROP", heldOn_year: "2026" }), "heldOn")).toBe("");
    expect(isoDateFromForm(form({}), "heldOn")).toBe("");
  });

  it("counts today in Bangkok, seven hours ahead of UTC", () => {
    expect(bangkokToday(new Date("2026-11-25T17:30:00Z"))).toBe("2026-11-26");
    expect(bangkokToday(new Date("2026-11-25T16:59:00Z"))).toBe("2026-11-25");
  });

  it("shows the year in the Buddhist era in Thai and sends the common-era number", () => {
    const th = renderToStaticMarkup(<DateField locale="th" name="heldOn" label="วันที่ประชุม" value="2026-11-05" />);
    expect(th).toContain('<option value="2026" selected="">2569</option>');
    expect(th).toContain('name="heldOn_year"');
    const en = renderToStaticMarkup(<DateField locale="en" name="heldOn" label="Date" value="2026-11-05" error="Invalid date" />);
    expect(en).toContain('<option value="2026" selected="">2026</option>');
    expect(en).toContain('<option value="11" selected="">November</option>');
    expect(en).toContain("Invalid date");
    expect(en).toContain('aria-invalid="true"');
  });
});
