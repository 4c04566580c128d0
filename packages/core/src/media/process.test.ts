import { readFileSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { COVER_VARIANTS, LOGO_VARIANTS, plannedSizes, processImage, PRODUCT_PHOTO_VARIANTS } from "./process.ts";

/** A landscape JPEG stored sideways with EXIF orientation 6 ("rotate 90° clockwise") and a GPS position. */
async function sidewaysJpegWithGps(width = 1600, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .composite([{ input: { create: { width: 100, height: 100, channels: 3, background: "#00ff00" } }, left: 0, top: 0 }])
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: "PhoneCam", Model: "Farmer 1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "14/1 58/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "102/1 6/1 0/1" },
    })
    .toBuffer();
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof AppError ? `${error.code} ${error.messageKey}` : String(error);
  }
}

describe("plannedSizes", () => {
  it("never upscales and keeps a smaller original at its own size", () => {
    expect(plannedSizes(PRODUCT_PHOTO_VARIANTS, 4000)).toEqual([320, 640, 1280]);
    expect(plannedSizes(PRODUCT_PHOTO_VARIANTS, 1280)).toEqual([320, 640, 1280]);
    expect(plannedSizes(PRODUCT_PHOTO_VARIANTS, 1000)).toEqual([320, 640, 1000]);
    expect(plannedSizes(PRODUCT_PHOTO_VARIANTS, 200)).toEqual([200]);
    expect(plannedSizes(LOGO_VARIANTS, 300)).toEqual([128, 256, 300]);
  });
});

describe("processImage", () => {
  it("turns a photo upright, strips EXIF and GPS, and writes WebP variants up to its width", async () => {
    const input = await sidewaysJpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.orientation).toBe(6);
    // 0x8825 is the GPS IFD pointer tag (little-endian in sharp's output).
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    const result = await processImage(input, PRODUCT_PHOTO_VARIANTS);
    expect(result.type).toBe("jpeg");
    expect({ width: result.width, height: result.height }).toEqual({ width: 900, height: 1600 });
    expect(result.variants.map((v) => v.width)).toEqual([320, 640, 900]);
    for (const variant of result.variants) {
      const meta = await sharp(variant.bytes).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(variant.bytes.includes(Buffer.from("PhoneCam"))).toBe(false);
      // Portrait now: taller than wide.
      expect(meta.height! > meta.width!).toBe(true);
      expect({ width: meta.width, height: meta.height }).toEqual({ width: variant.width, height: variant.height });
    }
    // The green mark was at the top-left of the sideways image: after turning it is at the top-right.
    const largest = result.variants.at(-1)!;
    const { data, info } = await sharp(largest.bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    expect(pixel(info.width - 10, 10)[1]).toBeGreaterThan(200);
    expect(pixel(10, 10)[1]).toBeLessThan(120);
  });

  it("makes every width up to the original and none above it", async () => {
    const wide = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: "#abcdef" } }).png().toBuffer();
    const result = await processImage(wide, PRODUCT_PHOTO_VARIANTS);
    expect(result.type).toBe("png");
    expect(result.variants.map((v) => [v.width, v.height])).toEqual([[320, 213], [640, 427], [1280, 853]]);

    const small = await sharp({ create: { width: 500, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).webp().toBuffer();
    const smallResult = await processImage(small, PRODUCT_PHOTO_VARIANTS);
    expect(smallResult.type).toBe("webp");
    expect(smallResult.variants.map((v) => v.width)).toEqual([320, 500]);
    expect(Math.max(...smallResult.variants.map((v) => v.width))).toBeLessThanOrEqual(500);
  });

  it("fits logos inside squares and covers to widths", async () => {
    const tall = await sharp({ create: { width: 400, height: 1000, channels: 3, background: "#123456" } }).png().toBuffer();
    const logo = await processImage(tall, LOGO_VARIANTS);
    expect(logo.variants.map((v) => [v.size, v.width, v.height])).toEqual([[128, 51, 128], [256, 102, 256], [512, 205, 512]]);
    const cover = await processImage(await sharp({ create: { width: 2400, height: 800, channels: 3, background: "#654321" } }).jpeg().toBuffer(), COVER_VARIANTS);
    expect(cover.variants.map((v) => v.width)).toEqual([640, 1280, 1920]);
  });

  it("decodes an iPhone-style HEIC through the WebAssembly decoder", async () => {
    const heic = readFileSync(path.join(import.meta.dirname, "fixtures/sample.heic"));
    const result = await processImage(heic, PRODUCT_PHOTO_VARIANTS);
    expect(result.type).toBe("heic");
    expect({ width: result.width, height: result.height }).toEqual({ width: 480, height: 360 });
    expect(result.variants.map((v) => [v.width, v.height])).toEqual([[320, 240], [480, 360]]);
    const meta = await sharp(result.variants[1]!.bytes).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.hasAlpha).toBe(false);
    // The fixture is a gradient with a blue square at the top-left corner.
    const { data } = await sharp(result.variants[1]!.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[2]).toBeGreaterThan(200);
  });

  it("refuses a truncated JPEG, a truncated HEIC and a text file", async () => {
    const jpeg = await sidewaysJpegWithGps(800, 600);
    expect(await codeOf(processImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)), PRODUCT_PHOTO_VARIANTS))).toBe("VALIDATION media.corrupt");
    const heic = readFileSync(path.join(import.meta.dirname, "fixtures/sample.heic"));
    expect(await codeOf(processImage(heic.subarray(0, 800), PRODUCT_PHOTO_VARIANTS))).toBe("VALIDATION media.corrupt");
    expect(await codeOf(processImage(Buffer.from("not an image"), PRODUCT_PHOTO_VARIANTS))).toBe("VALIDATION media.unsupported_type");
  });

  it("refuses a PNG whose header promises too many pixels (a decompression bomb)", async () => {
    // A 1×1 PNG whose header is rewritten to claim 30 000 × 30 000 pixels (with a valid CRC).
    const bomb = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000" } }).png().toBuffer());
    bomb.writeUInt32BE(30_000, 16);
    bomb.writeUInt32BE(30_000, 20);
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    expect(await codeOf(processImage(bomb, PRODUCT_PHOTO_VARIANTS))).toBe("VALIDATION media.too_large");
    const ok = await sharp({ create: { width: 100, height: 100, channels: 3, background: "#fff" } }).png().toBuffer();
    expect(await codeOf(processImage(ok, PRODUCT_PHOTO_VARIANTS, { maxInputPixels: 5_000 }))).toBe("VALIDATION media.too_large");
  });
});
