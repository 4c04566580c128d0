import { describe, expect, it } from "vitest";
import { subdomainProblem } from "./subdomain.ts";

describe("subdomain rules", () => {
  it.each(["korat", "korat-rice", "abc", "a1b", "x".repeat(40), "buriram-rice-2569"])("accepts %s", (slug) => {
    expect(subdomainProblem(slug)).toBeNull();
  });
  it.each([
    ["ab", "subdomain.too_short"],
    ["x".repeat(41), "subdomain.too_long"],
    ["Korat", "subdomain.invalid_chars"],
    ["korat_rice", "subdomain.invalid_chars"],
    ["โคราช", "subdomain.invalid_chars"],
    ["korat.rice", "subdomain.invalid_chars"],
    ["-korat", "subdomain.hyphen_edge"],
    ["korat-", "subdomain.hyphen_edge"],
    ["xn--12c1fe0br", "subdomain.punycode"],
    ["ab--cd", "subdomain.double_hyphen"],
    ["www", "subdomain.reserved"],
    ["admin", "subdomain.reserved"],
    ["ns1", "subdomain.reserved"],
    ["staff", "subdomain.reserved"],
    ["api", "subdomain.reserved"],
  ])("refuses %s (%s)", (slug, problem) => {
    expect(subdomainProblem(slug)).toBe(problem);
  });
});
