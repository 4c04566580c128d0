import { describe, expect, it } from "vitest";
import { localeSwitchHref, localeSwitchRedirect, withLocale } from "./switch.ts";

describe("localeSwitchRedirect", () => {
  it("does nothing without ?lang=", () => {
    expect(localeSwitchRedirect(new Request("http://korat.localhost:3000/products?page=2"))).toBeNull();
  });

  it("sets the cookie and redirects to the same page without the parameter", () => {
    const res = localeSwitchRedirect(new Request("http://korat.localhost:3000/products?page=2&lang=en"));
    expect(res?.status).toBe(303);
    expect(res?.headers.get("Location")).toBe("/products?page=2");
    expect(res?.headers.get("Set-Cookie")).toMatch(/^lang=en; Path=\/;/);
  });

  it("strips an unsupported value without setting a cookie", () => {
    const res = localeSwitchRedirect(new Request("http://x.test/?lang=fr"));
    expect(res?.headers.get("Location")).toBe("/");
    expect(res?.headers.get("Set-Cookie")).toBeNull();
  });

  it("never redirects to another host", () => {
    for (const path of ["//evil.example/?lang=en", "/\\evil.example?lang=en", "///evil.example?lang=en"]) {
      const location = localeSwitchRedirect(new Request(`http://x.test${path}`))?.headers.get("Location") ?? "";
      expect(location.startsWith("/")).toBe(true);
      expect(location.startsWith("//")).toBe(false);
      expect(new URL(location, "http://x.test").host).toBe("x.test");
    }
  });
});

describe("localeSwitchHref", () => {
  it("keeps the path and other parameters", () => {
    expect(localeSwitchHref({ pathname: "/products", search: "?page=2" }, "en")).toBe("/products?page=2&lang=en");
    expect(localeSwitchHref({ pathname: "/", search: "?lang=en" }, "th")).toBe("/?lang=th");
    expect(localeSwitchHref({ pathname: "//evil.example", search: "" }, "th")).toBe("/evil.example?lang=th");
  });
});

describe("withLocale", () => {
  it("adds ?lang= only for English", () => {
    expect(withLocale("http://korat.localhost:3000", "th")).toBe("http://korat.localhost:3000");
    expect(withLocale("http://korat.localhost:3000", "en")).toBe("http://korat.localhost:3000/?lang=en");
  });
});
