import { describe, expect, it } from "vitest";
import { segmentWords, tokenString } from "./segment.ts";

describe("segmentWords", () => {
  it("splits Thai text written without spaces into words", () => {
    expect(segmentWords("การปลูกข้าวหอมมะลิ")).toEqual(expect.arrayContaining(["ข้าว"]));
    expect(segmentWords("การปลูกข้าวหอมมะลิ").length).toBeGreaterThan(2);
  });

  it("lower-cases Latin words and drops punctuation", () => {
    expect(segmentWords("Organic Rice, 2567!")).toEqual(["organic", "rice", "2567"]);
  });

  it("joins words with single spaces", () => {
    expect(tokenString("ข้าว  และ   Rice")).toBe("ข้าว และ rice");
  });
});
