import { describe, expect, it } from "vitest";
import { toCoopView } from "./coops.ts";
import type { CoopCard } from "./types.ts";

const origins = { network: "http://localhost:3000", coopTemplate: "http://{slug}.localhost:3000" };
const korat: CoopCard = {
  slug: "korat-rice",
  nameTh: "สหกรณ์การเกษตรเมืองนครราชสีมา จำกัด",
  nameEn: null,
  storyTh: "ข้าวหอมมะลิจากสมาชิก",
  storyEn: "Jasmine rice from our members",
  province: { code: 30, nameTh: "นครราชสีมา", nameEn: "Nakhon Ratchasima" },
  region: { id: 5, nameTh: "ภาคตะวันออกเฉียงเหนือ", nameEn: "Northeast" },
  logoUrl: null,
};

describe("toCoopView", () => {
  it("links Thai readers to the co-op's site as it is", () => {
    const view = toCoopView(korat, "th", origins);
    expect(view.href).toBe("http://korat-rice.localhost:3000");
    expect(view.name).toEqual({ text: korat.nameTh, lang: "th" });
    expect(view.province).toBe("นครราชสีมา");
  });

  it("carries English along and falls back to Thai names", () => {
    const view = toCoopView(korat, "en", origins);
    expect(view.href).toBe("http://korat-rice.localhost:3000/?lang=en");
    expect(view.name).toEqual({ text: korat.nameTh, lang: "th" });
    expect(view.story).toEqual({ text: "Jasmine rice from our members", lang: "en" });
    expect(view.region).toBe("Northeast");
  });

  it("has no story when the co-op wrote none", () => {
    expect(toCoopView({ ...korat, storyTh: null, storyEn: null }, "en", origins).story).toBeNull();
  });
});
