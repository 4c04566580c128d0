import { describe, expect, it } from "vitest";
import { highlight, snippet } from "./highlight.ts";
import { parseQuery } from "./query.ts";
import { synonymTokens } from "./synonyms.ts";
import { tokenString } from "./segment.ts";

describe("parseQuery", () => {
  it("gives the same words with and without spaces", () => {
    expect(parseQuery("ปลูกข้าว หอมมะลิ")).toEqual(parseQuery("ปลูกข้าวหอมมะลิ"));
    expect(parseQuery("ปลูกข้าวหอมมะลิ").words).toEqual(["ปลูก", "ข้าว", "หอม", "มะลิ"]);
  });

  it("ANDs the words and lets the last one match as a prefix", () => {
    expect(parseQuery("ข้าว Organic").tsquery).toBe("'ข้าว' & 'organic':*");
  });

  it("quotes what would be tsquery syntax", () => {
    expect(parseQuery(`it's "ข้าว" & (นา) | !ไร่:* \\`).tsquery).toBe("'it''s' & 'ข้าว' & 'นา' & 'ไร่':*");
    for (const nasty of ["'", "''", "\\'", "a:*", "!!", "&|", "(()", "<->", "ข้าว'", "'ข้าว' | 'x'", ":*", "\u0000"]) {
      const { tsquery } = parseQuery(nasty);
      // Every lexeme is inside quotes: outside them only the operators we put there remain.
      expect(tsquery.replace(/'(?:[^']|'')*'/g, "")).toMatch(/^(?:(?: & )?(?::\*)?)*$/);
    }
  });

  it("drops lone characters and duplicates, keeps numbers, and caps the words", () => {
    expect(parseQuery("a ข้าว ข้าว 5 ๆ").words).toEqual(["ข้าว", "5"]);
    expect(parseQuery("หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า สิบ").words).toHaveLength(8);
    expect(parseQuery("   !!! ").tsquery).toBe("");
  });
});

describe("highlight", () => {
  it("marks query words inside Thai text written without spaces", () => {
    expect(highlight("วิธีทำปุ๋ยหมักใช้เอง", ["ปุ๋ย", "หมัก"])).toEqual([
      { text: "วิธีทำ", match: false },
      { text: "ปุ๋ยหมัก", match: true },
      { text: "ใช้เอง", match: false },
    ]);
  });

  it("matches prefixes and ignores case, and marks nothing without words", () => {
    expect(highlight("Composting at home", ["compost"])).toEqual([
      { text: "Composting", match: true },
      { text: " at home", match: false },
    ]);
    expect(highlight("<b>ข้าว</b>", [])).toEqual([{ text: "<b>ข้าว</b>", match: false }]);
  });
});

describe("snippet", () => {
  const filler = "เกษตรกรในหมู่บ้านรวมกลุ่มกันทำงานมาหลายปีแล้ว ".repeat(12);
  const text = `${filler}การปลูกข้าวหอมมะลิให้ได้ผลดีต้องเลือกเมล็ดพันธุ์ ${filler}`;

  it("picks the window with the query words and cuts it with ellipses", () => {
    const segments = snippet(text, ["หอม", "มะลิ"], 120);
    const joined = segments.map((s) => s.text).join("");
    expect(joined.startsWith("… ")).toBe(true);
    expect(joined.endsWith(" …")).toBe(true);
    expect(joined.length).toBeLessThan(140);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(["หอมมะลิ"]);
  });

  it("starts at the beginning when nothing matches, and keeps short text whole", () => {
    expect(snippet(text, ["ทุเรียน"], 100)[0]!.text.startsWith("เกษตรกร")).toBe(true);
    expect(snippet("ข้าวดี", ["ข้าว"])).toEqual([
      { text: "ข้าว", match: true },
      { text: "ดี", match: false },
    ]);
    expect(snippet("   ", ["ข้าว"])).toEqual([]);
  });
});

describe("synonymTokens", () => {
  it("adds the other language's word for a known pair", () => {
    expect(synonymTokens(tokenString("การทำปุ๋ยหมักใช้เอง")).split(" ")).toContain("compost");
    expect(synonymTokens(tokenString("Home compost guide"))).toContain("ปุ๋ย หมัก");
    expect(synonymTokens(tokenString("ปุ๋ยหมัก compost"))).not.toContain("compost");
  });
});
