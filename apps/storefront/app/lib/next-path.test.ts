import { describe, expect, it } from "vitest";
import { safeNext, signInPath } from "./next-path.ts";

describe("safeNext", () => {
  it("keeps back-office paths with their query", () => {
    expect(safeNext("/admin/settings")).toBe("/admin/settings");
    expect(safeNext("/admin/invitation?token=abc")).toBe("/admin/invitation?token=abc");
    expect(safeNext("/admin")).toBe("/admin");
  });
  it("never leaves the host or the back office", () => {
    for (const bad of ["//evil.example/admin", "https://evil.example/admin", "/\\evil.example", "/administrator", "/", "", null, undefined]) {
      expect(safeNext(bad)).toBe("/admin");
    }
    expect(safeNext("/admin/\\evil.example")).toBe("/admin");
  });
  it("does not come back to the sign-in page", () => {
    expect(safeNext("/admin/sign-in?next=/admin/team")).toBe("/admin");
  });
});

describe("signInPath", () => {
  it("adds `next` only when it says something", () => {
    expect(signInPath("/admin")).toBe("/admin/sign-in");
    expect(signInPath("/admin/team?x=1")).toBe("/admin/sign-in?next=%2Fadmin%2Fteam%3Fx%3D1");
  });
});
