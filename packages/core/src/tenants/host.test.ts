import { describe, expect, it } from "vitest";
import { parseHost } from "./host.ts";

describe("parseHost", () => {
  it.each([
    ["localhost:3000", "localhost", { kind: "network" }],
    ["LOCALHOST", "localhost", { kind: "network" }],
    ["www.sahakorn.example", "sahakorn.example", { kind: "network" }],
    ["korat.localhost:3000", "localhost", { kind: "coop", slug: "korat" }],
    ["Korat.Sahakorn.Example.", "sahakorn.example", { kind: "coop", slug: "korat" }],
    ["buriram-rice.localhost", "localhost", { kind: "coop", slug: "buriram-rice" }],
  ])("%s under %s", (host, root, expected) => {
    expect(parseHost(host, root)).toEqual(expected);
  });

  it.each([
    ["evil.com", "localhost"],
    ["a.b.localhost", "localhost"],
    ["-bad.localhost", "localhost"],
    ["notlocalhost", "localhost"],
    ["", "localhost"],
    [undefined, "localhost"],
    ["korat.localhost.evil.com", "localhost"],
  ])("%s under %s is foreign", (host, root) => {
    expect(parseHost(host, root).kind).toBe("foreign");
  });
});
