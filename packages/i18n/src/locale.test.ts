import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, localeCookie, resolveLocale } from "./locale.ts";

const request = (url: string, cookie?: string) =>
  new Request(url, { headers: cookie ? { Cookie: cookie } : {} });

describe("resolveLocale", () => {
  it("defaults to Thai, whatever Accept-Language says", () => {
    const req = new Request("http://korat-rice.localhost:3000/", { headers: { "Accept-Language": "en-US,en;q=0.9" } });
    expect(resolveLocale(req)).toBe("th");
    expect(DEFAULT_LOCALE).toBe("th");
  });

  it("reads the lang cookie among others", () => {
    expect(resolveLocale(request("http://x.test/", "theme=dark; lang=en; other=1"))).toBe("en");
  });

  it("lets ?lang= win over the cookie", () => {
    expect(resolveLocale(request("http://x.test/?lang=th", "lang=en"))).toBe("th");
    expect(resolveLocale(request("http://x.test/products?lang=en", "lang=th"))).toBe("en");
  });

  it("ignores unsupported values and falls through", () => {
    expect(resolveLocale(request("http://x.test/?lang=fr", "lang=en"))).toBe("en");
    expect(resolveLocale(request("http://x.test/?lang=EN", "lang=de"))).toBe("th");
    expect(resolveLocale(request("http://x.test/", "xlang=en"))).toBe("th");
  });
});

describe("localeCookie", () => {
  it("is a year-long, site-wide, Lax cookie", () => {
    const cookie = localeCookie("en");
    expect(cookie.startsWith("lang=en;")).toBe(true);
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain("Max-Age=31536000");
    expect(cookie).toContain("SameSite=Lax");
  });

  it("round-trips through resolveLocale", () => {
    const value = localeCookie("en").split(";")[0];
    expect(resolveLocale(request("http://x.test/", value))).toBe("en");
  });
});
