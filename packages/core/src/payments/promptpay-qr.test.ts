import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { crc16Ccitt, promptPayPayload, promptPayQrSvg } from "./promptpay-qr.ts";

/** A second CRC-16/CCITT-FALSE, table-driven, written independently of the one under test. */
const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n << 8;
  for (let k = 0; k < 8; k++) c = (c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1) & 0xffff;
  return c;
});
function referenceCrc(ascii: string): string {
  let crc = 0xffff;
  for (let i = 0; i < ascii.length; i++) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ ascii.charCodeAt(i)) & 0xff]!;
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

/** Splits an EMVCo payload into its top-level fields, checking every length on the way. */
function parseTlv(payload: string): Map<string, string> {
  const fields = new Map<string, string>();
  let at = 0;
  while (at < payload.length) {
    const id = payload.slice(at, at + 2);
    const length = Number(payload.slice(at + 2, at + 4));
    const value = payload.slice(at + 4, at + 4 + length);
    expect(value).toHaveLength(length);
    fields.set(id, value);
    at += 4 + length;
  }
  return fields;
}

function expectValidCrc(payload: string) {
  const body = payload.slice(0, -4);
  expect(body.endsWith("6304")).toBe(true);
  expect(payload.slice(-4)).toBe(referenceCrc(body));
}

describe("crc16Ccitt", () => {
  it("gives the standard check value of CRC-16/CCITT-FALSE", () => {
    expect(crc16Ccitt("123456789")).toBe("29B1");
    expect(referenceCrc("123456789")).toBe("29B1");
  });

  it("agrees with a CRC published for a PromptPay payload", () => {
    expect(crc16Ccitt("00020101021129370016A0000006770101110113006681222333353037645802TH6304")).toBe("1DCF");
  });

  it("pads short results to four upper-case hex digits", () => {
    for (const text of ["", "A", "6304", "00020101021129370016"]) {
      expect(crc16Ccitt(text)).toMatch(/^[0-9A-F]{4}$/);
      expect(crc16Ccitt(text)).toBe(referenceCrc(text));
    }
  });
});

describe("promptPayPayload", () => {
  it("matches the published payloads of the promptpay-qr package (0899999999, with and without ฿420)", () => {
    expect(promptPayPayload({ id: "089-999-9999" })).toBe(
      "00020101021129370016A000000677010111011300668999999995802TH53037646304FE29",
    );
    expect(promptPayPayload({ id: "0899999999", amountSatang: 42_000 })).toBe(
      "00020101021229370016A000000677010111011300668999999995802TH53037645406420.006304CF9E",
    );
  });

  it("encodes a mobile number as a static code", () => {
    const payload = promptPayPayload({ id: "0812345678" });
    expect(payload).toBe("00020101021129370016A000000677010111011300668123456785802TH530376463045D82");
    expectValidCrc(payload);
    const fields = parseTlv(payload);
    expect(fields.get("00")).toBe("01");
    expect(fields.get("01")).toBe("11");
    expect(fields.get("29")).toBe("0016A000000677010111" + "01130066812345678");
    expect(fields.get("53")).toBe("764");
    expect(fields.get("58")).toBe("TH");
    expect(fields.has("54")).toBe(false);
  });

  it("encodes a mobile number with an amount as a dynamic code", () => {
    const payload = promptPayPayload({ id: "0812345678", amountSatang: 12_345 });
    expect(payload).toBe("00020101021229370016A000000677010111011300668123456785802TH53037645406123.456304906E");
    expectValidCrc(payload);
    expect(parseTlv(payload).get("01")).toBe("12");
    expect(parseTlv(payload).get("54")).toBe("123.45");
  });

  it("encodes a 13-digit tax id in sub-tag 02, with and without an amount", () => {
    const taxId = "0994000165501";
    const staticCode = promptPayPayload({ id: "0-9940-00165-50-1" });
    expect(staticCode).toBe("00020101021129370016A000000677010111021309940001655015802TH53037646304517A");
    expectValidCrc(staticCode);
    expect(parseTlv(staticCode).get("29")).toBe(`0016A0000006770101110213${taxId}`);

    const dynamic = promptPayPayload({ id: taxId, amountSatang: 5 });
    expectValidCrc(dynamic);
    expect(parseTlv(dynamic).get("54")).toBe("0.05");
    expect(parseTlv(dynamic).get("01")).toBe("12");
  });

  it("writes whole and fractional baht with two decimals", () => {
    const amount = (satang: number) => parseTlv(promptPayPayload({ id: "0812345678", amountSatang: satang })).get("54");
    expect(amount(100)).toBe("1.00");
    expect(amount(150_000)).toBe("1500.00");
    expect(amount(1_234_567_89)).toBe("1234567.89");
  });

  it("refuses an invalid id or amount", () => {
    expect(() => promptPayPayload({ id: "0212345678" })).toThrow(AppError);
    expect(() => promptPayPayload({ id: "1234567890123" })).toThrow(AppError);
    for (const amountSatang of [0, -100, 1.5, Number.NaN, 1e15]) {
      expect(() => promptPayPayload({ id: "0812345678", amountSatang })).toThrow(AppError);
    }
  });
});

describe("promptPayQrSvg", () => {
  it("draws an SVG document, the same for the same payload", async () => {
    const payload = promptPayPayload({ id: "0812345678", amountSatang: 12_345 });
    const svg = await promptPayQrSvg(payload);
    expect(svg.trimStart().startsWith("<svg")).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(await promptPayQrSvg(payload)).toBe(svg);
    expect(await promptPayQrSvg(promptPayPayload({ id: "0812345678" }))).not.toBe(svg);
  });
});
