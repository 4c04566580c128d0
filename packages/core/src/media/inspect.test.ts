import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { detectImageType, inspectUpload, MAX_UPLOAD_BYTES } from "./inspect.ts";

const solid = () => sharp({ create: { width: 40, height: 30, channels: 3, background: "#3b5b29" } });

function keyOf(fn: () => unknown): string {
  try {
    fn();
    return "OK";
  } catch (error) {
    return error instanceof AppError ? `${error.code} ${error.messageKey}` : String(error);
  }
}

describe("detectImageType", () => {
  it("recognises JPEG, PNG, WebP and HEIC by their bytes", async () => {
    expect(detectImageType(await solid().jpeg().toBuffer())).toBe("jpeg");
    expect(detectImageType(await solid().png().toBuffer())).toBe("png");
    expect(detectImageType(await solid().webp().toBuffer())).toBe("webp");
    expect(detectImageType(readFileSync(path.join(import.meta.dirname, "fixtures/sample.heic")))).toBe("heic");
  });

  it("judges HEIF files by their ftyp brand and turns AVIF away", () => {
    const ftyp = (major: string, ...compatible: string[]) => {
      const size = 16 + 4 * compatible.length;
      const head = Buffer.alloc(4);
      head.writeUInt32BE(size);
      return Buffer.concat([head, Buffer.from(`ftyp${major}`), Buffer.alloc(4), ...compatible.map((b) => Buffer.from(b)), Buffer.alloc(32)]);
    };
    expect(detectImageType(ftyp("heic", "mif1", "heic"))).toBe("heic");
    expect(detectImageType(ftyp("heix", "mif1"))).toBe("heic");
    expect(detectImageType(ftyp("mif1", "heic"))).toBe("heic");
    expect(detectImageType(ftyp("avif", "mif1", "miaf"))).toBeNull();
    expect(detectImageType(ftyp("mif1", "avif"))).toBeNull();
    expect(detectImageType(ftyp("isom", "mp41"))).toBeNull(); // an MP4 video
  });

  it("ignores what a file claims to be: a PNG named photo.jpg is a PNG", async () => {
    const file = new File([new Uint8Array(await solid().png().toBuffer())], "photo.jpg", { type: "image/jpeg" });
    expect(detectImageType(new Uint8Array(await file.arrayBuffer()))).toBe("png");
  });

  it("knows nothing else", () => {
    expect(detectImageType(Buffer.from("hello, this is a text file\n"))).toBeNull();
    expect(detectImageType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(detectImageType(Buffer.from("GIF89a......"))).toBeNull();
    expect(detectImageType(Buffer.from("%PDF-1.7"))).toBeNull();
    expect(detectImageType(new Uint8Array())).toBeNull();
  });
});

describe("inspectUpload", () => {
  it("accepts the supported types", async () => {
    expect(inspectUpload(await solid().jpeg().toBuffer())).toBe("jpeg");
  });

  it("refuses text, empty and oversized files with a validation error", async () => {
    expect(keyOf(() => inspectUpload(Buffer.from("just some text")))).toBe("VALIDATION media.unsupported_type");
    expect(keyOf(() => inspectUpload(new Uint8Array()))).toBe("VALIDATION media.corrupt");
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    (await solid().jpeg().toBuffer()).copy(big);
    expect(keyOf(() => inspectUpload(big))).toBe("VALIDATION media.too_large");
  });
});
