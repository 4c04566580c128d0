import { describe, expect, it } from "vitest";
import { csvCell, csvDocument, csvRow, csvStream, phoneText, UTF8_BOM } from "./csv.ts";

describe("csvCell", () => {
  it("leaves plain text alone and quotes what RFC 4180 requires", () => {
    expect(csvCell("ข้าวหอมมะลิ")).toBe("ข้าวหอมมะลิ");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("cr\rlf")).toBe('"cr\rlf"');
  });

  it.each(["=SUM(A1:A2)", "+66 81", "-1+1", "@cmd", "\t=1", "\r=1"])("prefixes a formula-like cell %j with an apostrophe", (value) => {
    expect(csvCell(value).replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it("writes numbers, booleans, dates, lists and empties as data", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(csvCell(["rice", "cassava"])).toBe("rice;cassava");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("ends rows with CRLF", () => {
    expect(csvRow(["a", 1, null])).toBe("a,1,\r\n");
  });
});

describe("csvStream", () => {
  const read = async (stream: ReadableStream<Uint8Array>) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await new Response(stream).arrayBuffer()));
  const columns = [{ header: "n", value: (row: number) => row }];

  it("writes the BOM and header, then pages until a short page", async () => {
    const pages: number[] = [];
    const stream = csvStream(columns, async (page) => {
      pages.push(page);
      return { items: page < 3 ? [page * 10, page * 10 + 1] : [99] };
    }, { maxRows: 1000, pageSize: 2 });
    expect(await read(stream)).toBe(`${UTF8_BOM}n\r\n10\r\n11\r\n20\r\n21\r\n99\r\n`);
    expect(pages).toEqual([1, 2, 3]);
  });

  it("stops at maxRows however many pages remain", async () => {
    let calls = 0;
    const stream = csvStream(columns, async () => {
      calls++;
      return { items: [1, 2] };
    }, { maxRows: 3, pageSize: 2 });
    expect(await read(stream)).toBe(`${UTF8_BOM}n\r\n1\r\n2\r\n1\r\n`);
    expect(calls).toBe(2);
  });
});

describe("csvDocument", () => {
  it("writes the BOM, the header and each row, formula cells defused", () => {
    const columns = [
      { header: "จังหวัด", value: (row: { name: string; n: number }) => row.name },
      { header: "จำนวน", value: (row: { name: string; n: number }) => row.n },
    ];
    expect(csvDocument(columns, [{ name: "นครราชสีมา", n: 3 }, { name: "=HYPERLINK(\"x\")", n: -1 }])).toBe(
      `${UTF8_BOM}จังหวัด,จำนวน\r\nนครราชสีมา,3\r\n"'=HYPERLINK(""x"")",-1\r\n`,
    );
    expect(csvDocument(columns, [])).toBe(`${UTF8_BOM}จังหวัด,จำนวน\r\n`);
  });
});

describe("phone numbers as text", () => {
  it("keeps the leading zero as a text formula, and never lets anything else into the formula", () => {
    expect(csvCell(phoneText("0812345678"))).toBe('"=""0812345678"""');
    expect(csvCell(phoneText("+66 81 234 5678"))).toBe('"=""+66 81 234 5678"""');
    expect(csvCell(phoneText('081"&HYPERLINK("x")'))).toBe('"081""&HYPERLINK(""x"")"');
    expect(csvCell(phoneText("=cmd|' /C calc'!A0"))).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell(phoneText(null))).toBe("");
  });
});
