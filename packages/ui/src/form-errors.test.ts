import { describe, expect, it } from "vitest";
import { formErrors, requiredWhenEmpty, translateKey } from "./form-errors.ts";

/** What the in-process tRPC caller throws: a TRPCError whose cause is the domain error or the schema's issues. */
function trpcError(code: string, cause: unknown): Error {
  const error = new Error("refused", { cause });
  error.name = "TRPCError";
  return Object.assign(error, { code });
}

describe("formErrors", () => {
  it("reads a domain error's keys; a key already shown on a field is not repeated for the form", () => {
    const cause = { messageKey: "subdomain.taken", fields: { slug: "subdomain.taken" }, params: { suggestions: "a, b" } };
    expect(formErrors(trpcError("BAD_REQUEST", cause))).toEqual({ fields: { slug: "subdomain.taken" }, params: { suggestions: "a, b" } });
    expect(formErrors(trpcError("TOO_MANY_REQUESTS", { messageKey: "auth.too_many_attempts", params: { minutes: 15 } }))).toEqual({
      formError: "auth.too_many_attempts",
      fields: {},
      params: { minutes: 15 },
    });
  });
  it("maps schema issues to fields, keeping the first per field and only message keys", () => {
    const issues = [
      { path: ["email"], message: "validation.email" },
      { path: ["email"], message: "validation.too_long" },
      { path: ["provinceCode"], message: "Invalid input: expected number" },
    ];
    expect(formErrors(trpcError("BAD_REQUEST", { issues })).fields).toEqual({ email: "validation.email", provinceCode: "validation.invalid" });
  });
  it("rethrows real failures", () => {
    const crash = trpcError("INTERNAL_SERVER_ERROR", new Error("db down"));
    expect(() => formErrors(crash)).toThrow(crash);
    expect(() => formErrors(new TypeError("bug"))).toThrow(TypeError);
  });
});

describe("requiredWhenEmpty", () => {
  it("says 'required' for an empty box that was 'too short'", () => {
    const errors = { fields: { nameTh: "validation.too_short", slug: "validation.too_short" }, params: {} };
    expect(requiredWhenEmpty(errors, { nameTh: " ", slug: "ab" }).fields).toEqual({ nameTh: "validation.required", slug: "validation.too_short" });
  });
});

describe("translateKey", () => {
  it("translates known keys with params and falls back for unknown ones", () => {
    expect(translateKey("en", "auth.too_many_attempts", { minutes: 15 })).toContain("15 minutes");
    expect(translateKey("th", "no.such_key")).toBe(translateKey("th", "validation.invalid"));
  });
});
